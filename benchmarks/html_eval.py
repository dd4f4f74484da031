"""warta's HTML path vs plain trafilatura on trafilatura's own evaluation pages.

Usage: .venv/bin/python benchmarks/html_eval.py ../shared/data/trafilatura-eval [--limit N]
       .venv/bin/python benchmarks/html_eval.py --dates ../shared/data/htmldate-eval [--limit N]

Body: every gold "with" snippet found in the extracted text is a true positive, a missing
one a false negative; every "without" snippet found is a false positive. Text is compared
case- and whitespace-insensitively (as scoring.md does), the same way for both extractors.
Metadata: title (folded equality), date (the YYYY-MM-DD part), author (the set of names),
counted over the pages whose gold gives the field. Reads the data only to measure.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from warta.extract import make_cleaner
from warta.ingest import RawDocument
from warta.settings import load_settings
from warta.text import fold


def _page(root: Path, name: str) -> str | None:
    for sub in ("eval", "cache", "test_set"):
        for p in (root / "tests" / sub / f"{name}.gz", root / "tests" / sub / name):
            if p.exists():
                raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
                return raw.decode("utf-8", errors="replace")
    return None


def _warta(cleaner, html: str) -> dict[str, object]:
    rec = cleaner(RawDocument("page.html", html, "html"))
    a = rec.article
    return {"text": a.text, "title": a.title, "date": a.published, "author": list(a.authors)}


def _plain(html: str) -> dict[str, object]:
    out = trafilatura.extract(html, output_format="json", with_metadata=True)
    d = json.loads(out) if out else {}
    authors = [x.strip() for x in (d.get("author") or "").split(";") if x.strip()]
    return {"text": d.get("text") or "", "title": d.get("title"), "date": d.get("date"),
            "author": authors}  # fmt: skip


def _authors(value: object) -> set[str]:
    items = value if isinstance(value, list) else str(value or "").split(";")
    return {fold(str(x)) for x in items if str(x).strip()}


def _score(c: Counter[str], got: dict[str, object], gold: dict[str, object]) -> None:
    body = fold(str(got["text"]))
    for s in gold.get("with", []):
        c["tp" if fold(s) in body else "fn"] += 1
    for s in gold.get("without", []):
        c["fp" if fold(s) in body else "tn"] += 1
    if gold.get("title"):
        c["title_n"] += 1
        c["title_ok"] += fold(str(got["title"] or "")) == fold(str(gold["title"]))
    if gold.get("date"):
        c["date_n"] += 1
        c["date_ok"] += str(got["date"] or "")[:10] == str(gold["date"])[:10]
    if gold.get("author"):
        c["author_n"] += 1
        c["author_ok"] += _authors(got["author"]) == _authors(gold["author"])


def _row(name: str, c: Counter[str], secs: float, pages: int) -> str:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    f = 2 * p * r / max(1e-9, p + r)
    meta = "".join(
        f"{c[k + '_ok'] / max(1, c[k + '_n']):>8.3f}" for k in ("title", "date", "author")
    )
    return f"{name:<13}{p:>7.3f}{r:>7.3f}{f:>7.3f}{meta}{secs:>8.1f}{pages / secs:>8.1f}"


def body_eval(root: Path, limit: int | None) -> None:
    gold = json.loads((root / "tests" / "evaldata.json").read_text("utf-8"))
    cleaner = make_cleaner(load_settings())
    counts = {"warta": Counter[str](), "trafilatura": Counter[str]()}
    secs = {"warta": 0.0, "trafilatura": 0.0}
    pages = 0
    for _, g in list(gold.items())[:limit]:
        html = _page(root, g["file"])
        if html is None:
            continue
        pages += 1
        for name, fn in (("warta", lambda h: _warta(cleaner, h)), ("trafilatura", _plain)):
            t = time.perf_counter()
            got = fn(html)
            secs[name] += time.perf_counter() - t
            _score(counts[name], got, g)
    n = counts["warta"]
    print(f"{pages} pages; {n['tp'] + n['fn']} must-contain, {n['fp'] + n['tn']} must-not-contain")
    print(f"snippets: P R F1; metadata: accuracy over {n['title_n']} titles, "
          f"{n['date_n']} dates, {n['author_n']} authors")  # fmt: skip
    print(f"{'extractor':<13}{'P':>7}{'R':>7}{'F1':>7}{'title':>8}{'date':>8}{'author':>8}"
          f"{'secs':>8}{'pages/s':>8}")  # fmt: skip
    for name in counts:
        print(_row(name, counts[name], secs[name], pages))


def date_eval(root: Path, limit: int | None) -> None:
    from htmldate import find_date

    tests = root / "tests"
    gold: dict[str, dict[str, str]] = {}
    for f in ("eval_default.json", "eval_mediacloud_2020.json"):
        if (tests / f).exists():
            gold.update(json.loads((tests / f).read_text("utf-8")))
    cleaner = make_cleaner(load_settings())
    other = root.parent / "trafilatura-eval"
    c: Counter[str] = Counter()
    secs = Counter[str]()
    for _, g in list(gold.items())[:limit]:
        name = g.get("file") or ""
        html = _page(root, name) or _page(other, name)
        want = str(g.get("date") or "")[:10]
        if html is None or not want:
            continue
        c["n"] += 1
        t = time.perf_counter()
        got = cleaner(RawDocument("page.html", html, "html")).article.published
        secs["warta"] += time.perf_counter() - t
        c["warta"] += str(got or "")[:10] == want
        t = time.perf_counter()
        hd = find_date(html, extensive_search=True, original_date=True)
        secs["htmldate"] += time.perf_counter() - t
        c["htmldate"] += str(hd or "")[:10] == want
    print(f"{c['n']} pages with a gold publication date")
    print(f"{'extractor':<13}{'date acc':>9}{'secs':>8}")
    for k in ("warta", "htmldate"):
        print(f"{k:<13}{c[k] / max(1, c['n']):>9.3f}{secs[k]:>8.1f}")


if __name__ == "__main__":
    args = sys.argv[1:]
    lim = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    paths = [a for a in args if not a.startswith("--") and not a.isdigit()]
    if "--dates" in args:
        date_eval(Path(paths[0]), lim)
    else:
        body_eval(Path(paths[0]), lim)
