"""Invented articles (hand-built records) and a live server for the API and browser tests.

Nothing here comes from any gold or corpus file: the texts are written for these tests.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from warta.records import (
    Article,
    Claim,
    DateWindow,
    Entity,
    Event,
    Image,
    Participant,
    Place,
    Quantity,
    Range,
    Record,
    Source,
    Span,
    Speaker,
)  # fmt: skip

XSS_URL = "javascript:window.__pwned='url'"


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def sentences(text: str) -> tuple[Range, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append(Range(start, i + 1))
            start = i + 2
    return tuple(out)


def protest_record() -> Record:
    text = (
        "Ribuan buruh berunjuk rasa di depan gedung DPR di Jakarta pada Selasa. "
        "Polisi mengatakan unjuk rasa berlangsung damai. "
        "Kementerian Tenaga Kerja membantah ada pemogokan nasional."
    )
    claim_ok = Claim("c1", Speaker("Polisi", "n2"), "confirm", "mengatakan",
                     span(text, "unjuk rasa berlangsung damai"), events=("v1",))
    claim_no = Claim("c2", Speaker("Kementerian Tenaga Kerja", "n3"), "deny", "membantah",
                     span(text, "ada pemogokan nasional"), events=("v1",))
    event = Event(
        "v1", "PROTEST", mode="demonstrate",
        actor=Participant("Ribuan buruh", None, "IDNLAB", "labor"),
        recipient=Participant("DPR", "n1", "IDNLEG", "legislature"),
        place="p1", date=DateWindow("2025-06-17", "2025-06-17", "day"), status="occurred",
        claims=("c1", "c2"), evidence=(span(text, "Ribuan buruh berunjuk rasa"),),
        trigger="berunjuk rasa",
    )  # fmt: skip
    return Record(
        doc_id="aaaa000000000001",
        source=Source("demo/protest.txt", "https://example.id/berita/unjuk-rasa", "Kabar Contoh",
                      "example.id"),
        article=Article("Buruh berunjuk rasa di DPR", "2025-06-17T15:00:00+07:00", "id",
                        text=text),
        entities=(Entity("n1", "DPR", "ORG", "IDNLEG", "legislature", "recipient",
                         (span(text, "DPR"),)),),
        places=(Place("p1", "Jakarta", 1642911, "PPLC", "IDN", "Jakarta", -6.2146, 106.8451,
                      "town", (span(text, "Jakarta"),)),),
        events=(event,), claims=(claim_ok, claim_no), sentences=sentences(text),
    )  # fmt: skip


def sanction_record() -> Record:
    text = (
        "The United States imposed sanctions on Iran on Monday. "
        "Officials in Washington said the measures target oil exports."
    )
    event = Event(
        "v1", "SANCTION", mode="economic",
        actor=Participant("The United States", "n1", "USA", "government"),
        recipient=Participant("Iran", "n2", "IRN", "government"),
        place="p1", date=DateWindow("2025-06-16", "2025-06-16", "day"), status="occurred",
        claims=("c1",), evidence=(span(text, "imposed sanctions on Iran"),), trigger="imposed",
    )  # fmt: skip
    claim = Claim("c1", Speaker("Officials in Washington"), "assert", "said",
                  span(text, "the measures target oil exports"), events=("v1",))
    return Record(
        doc_id="bbbb000000000002",
        source=Source("demo/sanction.txt", "https://example.com/world/sanctions", "Example Wire",
                      "example.com"),
        article=Article("US sanctions Iran", "2025-06-16T09:00:00+00:00", "en", text=text),
        places=(Place("p1", "Iran", 130758, "PCLI", "IRN", None, 32.0, 53.0, "country",
                      (span(text, "Iran"),)),),
        events=(event,), claims=(claim,), sentences=sentences(text),
    )  # fmt: skip


def malicious_record() -> Record:
    """An article whose every field tries to run script in the dashboard."""
    text = (
        "Massa menyerang kantor polisi di Bandung <script>window.__pwned='script'</script>. "
        "Saksi berkata <img src=x onerror=\"window.__pwned='img'\"> semua terbakar. "
        "<a href=\"javascript:window.__pwned='link'\">klik di sini</a> untuk video."
    )
    evil = "<svg onload=\"window.__pwned='svg'\">"
    claim = Claim("c1", Speaker(f"Saksi {evil}"), "assert", "berkata",
                  span(text, "<img src=x onerror=\"window.__pwned='img'\"> semua terbakar"),
                  events=("v1",))  # fmt: skip
    event = Event(
        "v1", "ASSAULT", mode="damage",
        actor=Participant(f"Massa {evil}", None, None, "civilian"),
        recipient=Participant("kantor polisi <b onmouseover=\"window.__pwned='b'\">x</b>"),
        place="p1", date=DateWindow("2025-06-15", "2025-06-15", "day"), status="occurred",
        claims=("c1",),
        evidence=(span(text, "Massa menyerang kantor polisi di Bandung <script>"
                             "window.__pwned='script'</script>"),),
        trigger="menyerang",
    )  # fmt: skip
    return Record(
        doc_id="cccc000000000003",
        source=Source("demo/evil.txt", XSS_URL, f"Evil {evil}", "evil.example"),
        article=Article(
            "<img src=x onerror=\"window.__pwned='title'\"> Serangan di Bandung",
            "2025-06-15T20:00:00+07:00", "id", text=text,
            images=(Image("<img src=x onerror=\"window.__pwned='caption'\">", None),),
        ),
        places=(Place("p1", "Bandung <i onclick=x>", 1650357, "PPLA", "IDN", "Jawa Barat",
                      -6.9039, 107.6186, "town", (span(text, "Bandung"),)),),
        events=(event,), claims=(claim,), sentences=sentences(text),
    )  # fmt: skip


def all_records() -> list[Record]:
    return [protest_record(), sanction_record(), malicious_record()]


def protest_second_record() -> Record:
    """Another outlet's report of :func:`protest_record`'s protest, with a number."""
    text = (
        "Ribuan buruh menggelar unjuk rasa di depan gedung DPR Jakarta, Selasa. "
        "Massa buruh berunjuk rasa menolak aturan upah baru. "
        "Kementerian Tenaga Kerja membantah ada rencana pemogokan nasional. "
        "Sedikitnya 3.000 orang ikut dalam aksi itu."
    )
    claim = Claim("c1", Speaker("Kementerian Tenaga Kerja"), "deny", "membantah",
                  span(text, "ada rencana pemogokan nasional"), events=("v1",))
    many = span(text, "Sedikitnya 3.000 orang")
    quantity = Quantity("q1", many.text, 3000, "at_least", Range(many.start, many.end),
                        "person")  # fmt: skip
    event = Event(
        "v1", "PROTEST", mode="demonstrate",
        actor=Participant("Ribuan buruh", None, "IDNLAB", "labor"),
        recipient=Participant("DPR", None, "IDNLEG", "legislature"),
        place="p1", date=DateWindow("2025-06-17", "2025-06-17", "day"), status="occurred",
        claims=("c1",), quantities=("q1",), trigger="unjuk rasa",
        evidence=(span(text, "Ribuan buruh menggelar unjuk rasa di depan gedung DPR Jakarta"),),
    )  # fmt: skip
    return Record(
        doc_id="dddd000000000004",
        source=Source("demo/protest2.txt", "https://berita.example/nasional/demo-buruh-dpr",
                      "Berita Contoh", "berita.example"),
        article=Article("Ribuan buruh demo di DPR tolak aturan upah",
                        "2025-06-17T16:30:00+07:00", "id", text=text),
        places=(Place("p1", "Jakarta", 1642911, "PPLC", "IDN", "Jakarta", -6.2146, 106.8451,
                      "town", (span(text, "Jakarta"),)),),
        events=(event,), claims=(claim,), quantities=(quantity,), sentences=sentences(text),
    )  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 in a thread; yields the base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",  # type: ignore[arg-type]
                            access_log=False, lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
