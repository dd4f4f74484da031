"""Score entities and places on a gold directory, as scoring.md defines.

Usage: .venv/bin/python benchmarks/entities_gold.py ../shared/gold/dev [-v]
-v lists every miss and false positive; the summary counts them by entity type.
Each input is cleaned (warta.extract.make_cleaner), split into sentences, and run through
the entity and place stages. Reads the gold only to measure; nothing from it is kept.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from warta.entities import EntityStage
from warta.extract import make_cleaner
from warta.geo import PlaceStage
from warta.ingest import RawDocument
from warta.records import Entity, Place
from warta.settings import load_settings
from warta.text import fold, sentences


def _as_list(v: object) -> list:
    return v if isinstance(v, list) else [v]


def _entity_ok(p: Entity, g: dict) -> bool:
    if p.type not in _as_list(g.get("type")):
        return False
    if p.type == "GPE" and g.get("code") is not None and p.code in _as_list(g["code"]):
        return True
    names = {fold(n) for n in g.get("names", [])}
    return fold(p.name) in names or any(fold(m.text) in names for m in p.mentions)


def _place_ok(p: Place, g: dict) -> bool:
    if g.get("geonameid") is not None:
        return p.geonameid in _as_list(g["geonameid"])
    names = {fold(n) for n in g.get("names", [])}
    return p.country in _as_list(g.get("country")) and (
        fold(p.name) in names or any(fold(m.text) in names for m in p.mentions)
    )


def _kind(t: object) -> str:
    return "/".join(t) if isinstance(t, list) else str(t)


def _match(
    preds: list, golds: list[dict], ok, c: Counter, key: str, verbose: bool, doc: str
) -> None:  # type: ignore[no-untyped-def]
    # optional gold items are removed from both sides: their predictions are not counted
    opt = [g for g in golds if g.get("optional")]
    req = [g for g in golds if not g.get("optional")]
    used: set[int] = set()
    for g in req:
        hit = next((i for i, p in enumerate(preds) if i not in used and ok(p, g)), None)
        if hit is None:
            c[key + "_fn"] += 1
            c[f"{key}_fn:{_kind(g.get('type', 'place'))}"] += 1
            if verbose:
                print(f"  FN {key} {doc[:30]}: {g.get('type', '')} {g.get('names', [])[:2]}")
        else:
            used.add(hit)
            c[key + "_tp"] += 1
    for i, p in enumerate(preds):
        if i in used or any(ok(p, g) for g in opt):
            continue
        c[key + "_fp"] += 1
        c[f"{key}_fp:{getattr(p, 'type', 'place')}"] += 1
        if verbose:
            kind, gid = getattr(p, "type", "place"), getattr(p, "geonameid", "")
            print(f"  FP {key} {doc[:30]}: {kind} {p.name} {gid}")


def main(gold_dir: str, verbose: bool) -> None:
    settings = load_settings()
    cleaner = make_cleaner(settings)
    ent, geo = EntityStage(settings), PlaceStage(settings)
    c: Counter[str] = Counter()
    for gpath in sorted(Path(gold_dir).glob("*.json")):
        src = next(
            (p for p in (gpath.with_suffix(".txt"), gpath.with_suffix(".html")) if p.exists()), None
        )
        if src is None:
            continue
        gold = json.loads(gpath.read_text("utf-8"))
        kind = "html" if src.suffix == ".html" else "text"
        rec = cleaner(RawDocument(str(src), src.read_text("utf-8"), kind))  # type: ignore[arg-type]
        lang = rec.article.language or gold.get("article", {}).get("language") or "id"
        rec = rec.__class__(
            **{
                **{f: getattr(rec, f) for f in rec.__slots__},
                "sentences": sentences(rec.article.text, lang),
            }
        )
        if rec.article.language is None:
            from dataclasses import replace

            rec = replace(rec, article=replace(rec.article, language=lang))
        rec = geo(ent(rec))
        _match(
            list(rec.entities),
            gold.get("entities", []),
            _entity_ok,
            c,
            "entities",
            verbose,
            src.name,
        )
        _match(list(rec.places), gold.get("places", []), _place_ok, c, "places", verbose, src.name)
    print(f"{'measure':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for key in ("entities", "places"):
        tp, fp, fn = c[key + "_tp"], c[key + "_fp"], c[key + "_fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:<10} {tp:>4} {fp:>4} {fn:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f}")
    # where the errors are, by type: misses by gold type, false positives by predicted type
    for kind in ("fn", "fp"):
        by = sorted(
            (k.split(":", 1)[1], v) for k, v in c.items() if k.startswith(f"entities_{kind}:")
        )
        print(f"entities {kind} by type: " + (", ".join(f"{t} {v}" for t, v in by) or "none"))


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv)
