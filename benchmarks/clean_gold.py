"""Score the cleaner on a gold directory (body + article metadata), as scoring.md defines.

Usage: .venv/bin/python benchmarks/clean_gold.py ../shared/gold/dev [-v]
Reads the gold only to measure; nothing from it is kept.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from warta.extract import make_cleaner
from warta.ingest import RawDocument
from warta.settings import load_settings
from warta.text import fold


def _same(pred: object, gold: object) -> bool:
    golds = gold if isinstance(gold, list) else [gold]
    for g in golds:
        if g is None and pred is None:
            return True
        if g is not None and pred is not None and fold(str(g)) == fold(str(pred)):
            return True
    return False


def _same_time(pred: str | None, gold: object) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    try:
        p, g = datetime.fromisoformat(pred), datetime.fromisoformat(str(gold))
    except ValueError:
        return False
    return p == g and p.utcoffset() == g.utcoffset()


def main(gold_dir: str, verbose: bool) -> None:
    cleaner = make_cleaner(load_settings())
    c: Counter[str] = Counter()
    for gpath in sorted(Path(gold_dir).glob("*.json")):
        src = next(
            (p for p in (gpath.with_suffix(".txt"), gpath.with_suffix(".html")) if p.exists()), None
        )
        if src is None:
            continue
        gold = json.loads(gpath.read_text("utf-8"))["article"]
        kind = "html" if src.suffix == ".html" else "text"
        rec = cleaner(RawDocument(str(src), src.read_text("utf-8"), kind))  # type: ignore[arg-type]
        art, body = rec.article, fold(rec.article.text)
        for s in gold.get("must_include", []):
            ok = fold(s) in body
            c["inc_tp" if ok else "inc_fn"] += 1
            if not ok and verbose:
                print(f"  MISS {src.name}: {s[:70]}")
        for s in gold.get("must_exclude", []):
            ok = fold(s) not in body
            c["exc_tp" if ok else "exc_fp"] += 1
            if not ok and verbose:
                print(f"  LEAK {src.name}: {s[:70]}")
        fields = {
            "title": _same(art.title, gold.get("title")),
            "published": _same_time(art.published, gold.get("published")),
            "dateline": _same(art.dateline, gold.get("dateline")),
            "publisher": _same(rec.source.publisher, gold.get("publisher")),
        }
        for k, ok in fields.items():
            c[f"{k}_ok" if ok else f"{k}_bad"] += 1
            if not ok and verbose:
                pred = rec.source.publisher if k == "publisher" else getattr(art, k)
                print(f"  {k.upper()} {src.name}: got {pred!r} want {gold.get(k)!r}")
        for k in ("authors", "cited_sources"):
            want = {fold(x) for x in gold.get(k) or [] if isinstance(x, str)}
            got = {fold(x) for x in getattr(art, k)}
            c[f"{k}_tp"] += len(got & want)
            c[f"{k}_fp"] += len(got - want)
            c[f"{k}_fn"] += len(want - got)
            if got != want and verbose:
                print(f"  {k.upper()} {src.name}: got {sorted(got)} want {sorted(want)}")
    print(f"{'measure':<22}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}")
    inc = c["inc_tp"] / max(1, c["inc_tp"] + c["inc_fn"])
    print(f"{'body.paragraphs':<22}{c['inc_tp']:>5}{'':>5}{c['inc_fn']:>5}{'':>8}{inc:>8.3f}")
    exc = c["exc_tp"] / max(1, c["exc_tp"] + c["exc_fp"])
    print(f"{'body.boilerplate':<22}{c['exc_tp']:>5}{c['exc_fp']:>5}{'':>5}{exc:>8.3f}")
    for k in ("title", "published", "dateline", "publisher"):
        ok, bad = c[f"{k}_ok"], c[f"{k}_bad"]
        print(f"{'meta.' + k:<22}{ok:>5}{bad:>5}{'':>5}{ok / max(1, ok + bad):>8.3f}")
    for k in ("authors", "cited_sources"):
        tp, fp, fn = c[f"{k}_tp"], c[f"{k}_fp"], c[f"{k}_fn"]
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"{'meta.' + k:<22}{tp:>5}{fp:>5}{fn:>5}{p:>8.3f}{r:>8.3f}")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
