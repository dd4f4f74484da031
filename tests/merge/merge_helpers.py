"""Invented articles for the merge tests, built as records (no pipeline run needed)."""

from __future__ import annotations

from warta.records import (
    Article,
    Claim,
    DateWindow,
    Event,
    Participant,
    Place,
    Quantity,
    Range,
    Record,
    Source,
    Span,
    Speaker,
)  # fmt: skip
from warta.text import doc_id

JAKARTA = Place("p1", "Jakarta", 1642911, "PPLC", "IDN", "Jakarta", -6.2146, 106.8451, "town")
MEDAN = Place("p1", "Medan", 1214520, "PPLA", "IDN", "Sumatera Utara", 3.5833, 98.6667, "town")


def article(
    url: str,
    title: str,
    text: str,
    *,
    publisher: str,
    published: str,
    language: str = "id",
    cited: tuple[str, ...] = (),
    event: tuple[str, str | None, str | None, str] | None = None,
    place: Place | None = JAKARTA,
    day: str = "2025-06-10",
    claim: tuple[str, str] | None = None,
    quantity: tuple[str, float, str] | None = None,
) -> Record:
    """One invented article; ``event`` = (type, actor code, recipient code, evidence words)."""
    events, claims, quantities = (), (), ()
    if event is not None:
        etype, actor, recipient, words = event
        start = text.index(words)
        qids: tuple[str, ...] = ()
        if quantity is not None:
            qtext, value, qualifier = quantity
            q0 = text.index(qtext)
            quantities = (
                Quantity("q1", qtext, value, qualifier, Range(q0, q0 + len(qtext)), "person"),
            )  # type: ignore[arg-type]
            qids = ("q1",)
        cids: tuple[str, ...] = ()
        if claim is not None:
            speaker, stance = claim
            claims = (
                Claim(
                    "c1",
                    Speaker(speaker),
                    stance,
                    "kata",
                    Span(start, start + len(words), words),
                    events=("v1",),
                ),  # type: ignore[arg-type]
            )
            cids = ("c1",)
        events = (
            Event(
                "v1", etype,  # type: ignore[arg-type]
                actor=Participant(actor, code=actor) if actor else None,
                recipient=Participant(recipient, code=recipient) if recipient else None,
                place=place.id if place else None, date=DateWindow(day, day, "day"),
                evidence=(Span(start, start + len(words), words),), quantities=qids, claims=cids,
            ),
        )  # fmt: skip
    return Record(
        doc_id=doc_id(text),
        source=Source(url=url, publisher=publisher, domain=url.split("/")[2]),
        article=Article(
            title=title, published=published, language=language, text=text, cited_sources=cited
        ),  # fmt: skip
        places=(place,) if place is not None and event is not None else (),
        events=events,
        claims=claims,
        quantities=quantities,
    )


FLOOD = (
    "Banjir besar merendam ratusan rumah warga di Kecamatan Medan Maimun pada Selasa malam "
    "setelah hujan deras mengguyur kota selama enam jam tanpa henti. Badan Penanggulangan "
    "Bencana Daerah mencatat sedikitnya 300 kepala keluarga mengungsi ke masjid dan sekolah "
    "terdekat. Petugas gabungan mengerahkan perahu karet untuk mengevakuasi warga lanjut usia "
    "dan anak-anak dari rumah yang terendam hingga satu meter. Wali kota meminta warga tetap "
    "waspada karena hujan diperkirakan masih turun hingga akhir pekan."
)
