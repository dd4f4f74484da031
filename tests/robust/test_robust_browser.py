"""Hostile pages through the whole product: ingested over the API by the real pipeline,
then shown by the dashboard in headless Chromium. Script tags, event-handler attributes,
``javascript:`` links and markup in titles, urls and authors must all stay text.

(tests/api/test_dashboard_browser.py checks hand-built records; this one checks what the
cleaner and the stores really keep of hostile HTML.)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from apifixtures import live_server  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from warta.api import ServerConfig, create_app  # noqa: E402
from warta.settings import load_settings  # noqa: E402
from warta.store import MemoryStore  # noqa: E402

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)  # noqa: E501
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAYLOAD = "window.__pwned=1"
HOSTILE = f"""<!doctype html><html><head>
<title>&lt;script&gt;{PAYLOAD}&lt;/script&gt; Polisi &lt;img src=x onerror={PAYLOAD}&gt;</title>
<script>{PAYLOAD}</script><meta http-equiv="refresh" content="0;url=javascript:{PAYLOAD}">
</head><body onload="{PAYLOAD}"><article>
<h1 onmouseover="{PAYLOAD}">Polisi menangkap tiga orang</h1>
<p onclick="{PAYLOAD}">Polisi menangkap tiga orang di Jakarta pada Senin setelah bentrokan
dengan warga. <a href="javascript:{PAYLOAD}">Baca</a> <img src=x onerror="{PAYLOAD}"></p>
<p>Kepala polisi mengatakan &lt;script&gt;{PAYLOAD}&lt;/script&gt; tiga orang ditahan.
<svg onload="{PAYLOAD}"><a xlink:href="javascript:{PAYLOAD}">x</a></svg>
<iframe src="javascript:{PAYLOAD}"></iframe></p>
<p>Warga berunjuk rasa di depan kantor polisi di Bandung pada Selasa.</p>
</article></body></html>"""


@pytest.fixture(scope="module")
def site():
    store = MemoryStore()
    app = create_app(store, load_settings(None), config=ServerConfig(token="t"))
    client = TestClient(app)
    res = client.post(
        "/api/ingest",
        headers={"Authorization": "Bearer t"},
        json={
            "html": HOSTILE,
            "url": f"javascript:{PAYLOAD}",
            "title": f"<img src=x onerror={PAYLOAD}> Judul",
            "author": f"<svg onload={PAYLOAD}>",
            "source": f'"><script>{PAYLOAD}</script>',
        },
    )
    assert res.status_code == 200, res.text
    assert res.json()["events"], "the hostile page must still give an event to show"
    with live_server(app) as base:
        yield base
    store.close()


def test_hostile_page_executes_nothing_in_the_dashboard(site):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        errors, dialogs = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(site + "/")
        page.wait_for_selector("table.events tbody tr")
        page.hover("table.events tbody tr >> nth=0")
        page.locator("table.events tbody tr").nth(0).click()
        page.wait_for_selector(".article-text")
        for selector in (".event-head", ".source", ".article-text"):
            page.hover(selector)
            page.click(selector)
        # the escaped markup of the page is shown as the text it is
        assert f"<script>{PAYLOAD}</script>" in page.inner_text(".article-text")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("main script, main img, main iframe, main svg svg").count() == 0
        assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0
        assert page.locator("a[href^='javascript:'], [src^='javascript:']").count() == 0
        page.goto(site + "/")
        page.wait_for_selector("table.events tbody tr")
        if page.locator("svg.map circle.dot").count():
            page.hover("svg.map circle.dot >> nth=0")
        assert page.evaluate("window.__pwned") is None
        assert dialogs == [] and errors == []
        browser.close()
