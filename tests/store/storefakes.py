"""Small invented records and a light pipeline for the store, query and runner tests."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from warta.errors import InputError
from warta.ingest import RawDocument
from warta.pipeline import Outcome
from warta.records import (
    Article,
    Claim,
    DateWindow,
    Entity,
    Event,
    Participant,
    Place,
    Quantity,
    Range,
    Record,
    Source,
    Span,
    Speaker,
)
from warta.text import doc_id


def make_record(
    text: str = "Polisi membubarkan unjuk rasa di Makassar, kata juru bicara.",
    *,
    url: str | None = None,
    path: str | None = "fixtures/a.txt",
    event_type: str = "COERCE",
    country: str = "IDN",
    actor_code: str | None = "IDN",
    actor_text: str = "Polisi",
    date: str | None = "2025-06-17",
    published: str | None = "2025-06-18T10:00:00+07:00",
    language: str = "id",
    status: str = "occurred",
) -> Record:
    """A complete record with one of every part, all spans pointing into ``text``."""
    i = text.find(actor_text) if actor_text in text else 0
    actor_span = Span(i, i + len(actor_text), text[i : i + len(actor_text)])
    window = DateWindow(date, date, "day") if date else None
    return Record(
        doc_id=doc_id(text),
        source=Source(path=path, url=url, publisher="Kabar Contoh", domain="contoh.test"),
        article=Article(
            title="Unjuk rasa dibubarkan",
            published=published,
            language=language,
            authors=("abc",),
            text=text,
        ),
        entities=(
            Entity("e1", actor_text, "ORG", code=actor_code, sector="COP", mentions=(actor_span,)),
        ),
        places=(
            Place(
                "p1",
                "Makassar",
                1622786,
                "PPLA",
                country,
                "South Sulawesi",
                -5.14,
                119.42,
                "town",
                (Span(0, 1, text[0:1]),),
            ),
        ),
        events=(
            Event(
                "v1",
                event_type,
                mode=None,
                actor=Participant(actor_text, "e1", actor_code, "COP"),
                recipient=Participant("pengunjuk rasa"),
                place="p1",
                date=window,
                status=status,
                quantities=("q1",),
                claims=("c1",),
                evidence=(Span(0, len(text), text),),
                trigger="membubarkan",
            ),
        ),
        claims=(
            Claim(
                "c1",
                Speaker("juru bicara"),
                "assert",
                "kata",
                Span(0, 10, text[:10]),
                date,
                ("v1",),
            ),
        ),
        quantities=(Quantity("q1", "1.500 orang", 1500, "at_least", Range(0, 5), "person"),),
        sentences=(Range(0, len(text)),),
    )


def clean(doc: RawDocument) -> Record:
    """Trivial cleaner: the raw content is the article text."""
    if "BOOM" in doc.content:
        raise InputError(doc.path, "not_news", "invented rejection")
    text = doc.content.strip()
    return replace(
        make_record(text, url=doc.meta.url, path=doc.path),
        article=replace(make_record(text).article, title=doc.meta.title, text=text),
    )


class FakePipeline:
    """Anything with ``process(docs) -> Iterator[Outcome]`` is a pipeline for the runner."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.seen: list[str] = []

    def process(self, docs: Iterable[RawDocument | InputError]) -> Iterator[Outcome]:
        import time

        for doc in docs:
            if isinstance(doc, InputError):
                yield Outcome(doc.path, error=doc)
                continue
            self.seen.append(doc.path)
            if self.delay:
                time.sleep(self.delay)
            try:
                yield Outcome(doc.path, record=clean(doc))
            except InputError as exc:
                yield Outcome(doc.path, error=exc)
