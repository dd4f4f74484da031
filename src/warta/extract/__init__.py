"""Cleaning: a raw document (page dump, scraper row or HTML) -> a record with a clean body.

:func:`make_cleaner` builds the cleaner once from settings. Text is split into body and
furniture by :mod:`.lines`; metadata comes from :mod:`.meta` and :mod:`.dates`; HTML goes
through trafilatura first (:mod:`.html`; its date is settled by :mod:`.pagedate`) and is
not glue-repaired (markup keeps the spaces around link text). Language is left to the
``language`` stage; the cleaner only makes a cheap guess to pick date conventions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest import RawDocument
from ..pipeline import Cleaner
from ..records import Article, Image, Record, Source
from ..settings import Settings
from ..text import doc_id
from . import glue, lexicon, meta
from .dates import published_from_meta
from .language import guess
from .lines import Layout, classify
from .offsets import MapBuilder, copy_repaired

__all__ = ["TextCleaner", "make_cleaner"]


@dataclass(frozen=True, slots=True)
class _Extra:
    """Metadata known before reading the text (scraper row fields or HTML head)."""

    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None


class TextCleaner:
    """The default cleaner: ``cleaner(doc) -> Record``."""

    def __init__(self, settings: Settings) -> None:
        self.languages = tuple(settings.languages)
        self.default = settings.default_language

    def _lexicon(self, text: str) -> lexicon.Lexicon:
        page = guess(text[:3000], self.languages, self.default)
        return lexicon.build((page, *[c for c in self.languages if c != page]))

    def __call__(self, doc: RawDocument) -> Record:
        if doc.kind == "html":
            from .html import parse

            parts = parse(doc.content)
            extra = _Extra(parts.title, parts.published, parts.authors, parts.publisher, parts.url)
            content = parts.text
        else:
            m = doc.meta
            extra = _Extra(m.title, m.published, (m.author,) if m.author else (), m.source, m.url)
            content = doc.content
        lex = self._lexicon(content)
        layout = classify(content, lex, markup=doc.kind == "html", title=extra.title)
        return self._build(doc, content, extra, layout, lex)

    def _body(
        self,
        doc: RawDocument,
        content: str,
        paragraphs: list[tuple[str, int]],
        extra: _Extra,
        lex: lexicon.Lexicon,
    ) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The clean body with glued words repaired, and its map back to the input."""
        splitter = None
        if doc.kind != "html":  # markup keeps the spaces around link text: no glued words
            vocab = glue.Vocabulary(f"{extra.title or ''}\n{content}")
            protected = frozenset(a for o in lex.outlets for a in (*o.aliases, o.name))
            prefixes = tuple(o.brand_prefix for o in lex.outlets if o.brand_prefix)
            splitter = glue.Splitter(glue.dictionary(self.languages), vocab, protected, prefixes)
        build, cursor = MapBuilder(), 0
        for para, start in paragraphs:
            if not para:
                continue
            raw = start
            if doc.kind == "html":  # offsets so far are into trafilatura's text, not the page
                from .html import locate

                raw = locate(doc.content, para, cursor)
                cursor = raw + len(para) if raw >= 0 else cursor
            if build.pos:
                build.insert("\n\n")
            cuts = glue.repair(para, splitter)[1] if splitter else []
            copy_repaired(build, para, raw, cuts)
        return build.text(), build.result()

    def _build(
        self, doc: RawDocument, content: str, extra: _Extra, lay: Layout, lex: lexicon.Lexicon
    ) -> Record:
        paragraphs = [ln.text for ln in lay.body]
        starts = [ln.start for ln in lay.body]
        dateline = outlet_text = None
        if paragraphs:
            first = paragraphs[0]
            dateline, outlet_text, paragraphs[0] = meta.split_dateline(first)
            starts[0] += len(first) - len(paragraphs[0])  # the dateline is cut from the front
        url = extra.url or (doc.meta.url if doc.kind == "text" else None)
        publisher = meta.outlet_by_domain(url, lex) or meta.outlet_by_domain(extra.publisher, lex)
        authors: list[str] = []
        for a in extra.authors:
            names, brand = meta.authors_from_line(a, lex)
            authors += names
            publisher = publisher or brand
        for ln in lay.bylines:
            names, brand = meta.authors_from_line(ln.text, lex)
            authors += names
            publisher = publisher or brand
        if not authors:
            authors = list(lay.signoffs)
        if publisher is None and outlet_text:
            publisher = meta.outlet_by_name(outlet_text, lex)
        if publisher is None:
            for d in lay.discarded:
                # a masthead, footer or byline names the outlet in a few words
                if d.reason not in ("caption", "title", "furniture:read_also") and (
                    len(d.text.split()) <= 6 or d.reason in ("copyright", "furniture:subscribe")
                ):
                    publisher = meta.outlet_by_name(d.text, lex)
                    if publisher:
                        break
        pairs = list(zip(paragraphs, starts, strict=True))
        text, source_map = self._body(doc, content, pairs, extra, lex)
        cite_text = "\n".join([text, *(ln.text for ln in lay.trailer)])
        published = published_from_meta(extra.published, lex) or lay.published
        title = extra.title or (lay.title.text if lay.title else None)
        article = Article(
            title=title,
            published=published,
            dateline=dateline,
            authors=tuple(dict.fromkeys(authors)),
            cited_sources=tuple(meta.cited_sources(cite_text, lex, publisher)),
            images=tuple(Image(c, cr) for c, cr in lay.captions),
            text=text,
            discarded=tuple(lay.discarded),
            source_map=source_map,
        )
        pub_name = (
            publisher.name if publisher else (extra.publisher if doc.kind == "html" else None)
        )
        source = Source(
            path=doc.path,
            url=url,
            publisher=pub_name,
            domain=publisher.domain if publisher else None,
        )
        return Record(doc_id=doc_id(text), source=source, article=article)


def make_cleaner(settings: Settings) -> Cleaner:
    """The cleaner for ``settings`` (tables are loaded once and shared)."""
    return TextCleaner(settings)
