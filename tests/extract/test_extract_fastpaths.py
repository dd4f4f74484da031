"""Short cuts taken for speed give what the long way gives (invented pages and words)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.extract import glue
from warta.extract.dates import find_date
from warta.extract.html import _trafilatura
from warta.extract.lexicon import build
from warta.extract.pagedate import choose_published, page_offset

FIX = Path(__file__).parent / "fixtures"

_AUTHORLESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ferry Service Resumes After Storm - Harbour Times</title>
<meta property="og:url" content="https://harbour.example/news/ferry-resumes">
<meta name="description" content="Crossings restart on Tuesday.">
</head><body>
<nav><a href="/">Home</a> <a href="/tag/weather/">Weather</a></nav>
<article>
<h1>Ferry Service Resumes After Storm</h1>
<p class="byline">By Marta Quill</p>
<p>Published 4 March 2024</p>
<p>Ferry crossings between the two islands restarted on Tuesday morning after three days
of gales kept every vessel in port, the operator said in a statement.</p>
<p>Passengers queued from dawn at the terminal, where staff handed out tea while the first
boat was loaded with delayed freight and a handful of cars.</p>
<p>The harbour master said the forecast for the rest of the week was calm, though another
band of rain could arrive on Sunday.</p>
</article>
<footer><a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY</a></footer>
</body></html>
"""


def _extract_json(html: str) -> dict[str, object]:
    import trafilatura

    raw = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False,
        include_tables=True, favor_precision=False,
    )  # fmt: skip
    return json.loads(raw) if raw else {}


@pytest.mark.parametrize("name", ["page.html", "authorless"])
def test_trafilatura_short_cut_reads_what_its_json_gives(name: str) -> None:
    html = _AUTHORLESS if name == "authorless" else (FIX / name).read_text("utf-8")
    want = _extract_json(html)
    got = _trafilatura(html)
    assert got.text and got.text == want.get("text")
    assert (got.title, got.date, got.author, got.source) == (
        want.get("title"),
        want.get("date"),
        want.get("author"),
        want.get("source"),
    )


def test_trafilatura_short_cut_on_tiny_and_empty_pages() -> None:
    tiny = "<html><head><title>Kabar</title></head><body><p>Hai</p></body></html>"
    got, want = _trafilatura(tiny), _extract_json(tiny)
    assert (got.text, got.title) == (want["text"], want["title"]) == ("Hai", "Kabar")
    empty = "<html><head><title>Kosong</title></head><body><div></div></body></html>"
    assert _extract_json(empty) == {}  # no text: extract() drops the metadata as well
    assert _trafilatura(empty).text is None and _trafilatura(empty).title is None


def test_page_offset_is_only_worked_out_when_a_utc_time_needs_it() -> None:
    calls: list[int] = []
    page = '<time datetime="2021-06-01T21:40:00-04:00">June 1</time>'

    def offset():  # type: ignore[no-untyped-def]
        calls.append(1)
        return page_offset(page)

    # own non-zero offset: kept, the page is not scanned
    assert choose_published(["2021-06-02T10:00:00+07:00"], None, offset) == (
        "2021-06-02T10:00:00+07:00"
    )
    assert choose_published(["2021-06-02"], None, offset) == "2021-06-02"
    assert not calls
    assert choose_published(["2021-06-02T01:40:00Z"], None, offset) == ("2021-06-01T21:40:00-04:00")
    assert calls == [1]


def test_find_date_needs_a_year() -> None:
    lex = build(("id", "en"))
    assert find_date("Senin, 3 Maret pukul 10.00 WIB", lex) is None
    found = find_date("Senin, 3 Maret 2025 10:15 WIB", lex)
    assert found is not None and found.iso.startswith("2025-03-03T10:15")


def test_root_lookup_steps_give_every_root() -> None:
    lang = glue._Language(
        words=frozenset({"tulis", "kirim", "hop"}),
        extra=frozenset(),
        prefixes=(("me", ""), ("men", "t"), ("ber", ""), ("pe", "")),
        suffixes=(("kan", ""), ("an", ""), ("nya", ""), ("ed", ""), ("s", "")),
        undouble=True,
    )
    # two suffixes, then two prefixes, each pass on the forms the pass before added
    assert {"tulis", "menulis", "menuliskan"} <= lang.roots("menuliskannya")
    assert lang.known("menuliskannya") and lang.known("pengiriman") is False
    assert lang.known("hopped")  # "hopp" -> "hop" (doubled consonant)
    assert not lang.known("berlari") and "lari" in lang.roots("berlari")
    assert all(len(r) >= glue.MIN_PART for r in lang.roots("mean"))


def test_splitter_repeats_its_answer_for_a_repeated_run() -> None:
    known = frozenset({"hujan", "deras", "landa"})
    words = glue.Dictionary((glue._Language(known, frozenset(), (("di", ""),), (), False),))
    text = "Hujan deras turun. Kota Contoh dilandaHujan deras, dilandaHujan lagi."
    splitter = glue.Splitter(words, glue.Vocabulary(text))
    first = splitter.gaps("dilandaHujan")
    first.append(99)  # a caller's copy: the next answer is unchanged
    assert splitter.gaps("dilandaHujan") == [7]
    fixed, cuts = glue.repair(text, splitter)
    assert "dilanda Hujan deras, dilanda Hujan lagi" in fixed and len(cuts) == 2


def test_word_list_is_folded_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path / "cache"))
    pkg = tmp_path / "wordpkg_invented"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "words.txt").write_text("Gedung\nLAUT\n  angin \n\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    spec = {"package": "wordpkg_invented", "resource": "words.txt", "format": "lines"}
    assert glue._read_words(spec) == {"gedung", "laut", "angin"}
    assert len(list((tmp_path / "cache").glob("glue-words-*.pickle"))) == 1
    assert glue._read_words(spec) == {"gedung", "laut", "angin"}  # from the entry
    (pkg / "words.txt").write_text("pantai\n")  # another file: another entry
    assert glue._read_words(spec) == {"pantai"}
    assert glue._read_words({**spec, "package": "no_such_pkg_invented"}) == frozenset()
