"""Claim extraction measured on PolNeAR attributions (English political news, brat standoff).

    .venv/bin/python benchmarks/claims_polnear.py [POLNEAR_DIR] [--split dev] [--limit N]

A gold attribution (source, cue, content) is found when a predicted claim's content span
overlaps its content; that claim's speaker is right when its text overlaps the gold source
text, and its cue right when the cue words overlap the gold cue. Precision counts every
predicted claim (a claim overlapping no gold content is false); a claim whose content only
overlaps gold already found (a quote's next sentence: the record gives one claim per
sentence, PolNeAR one attribution per quote) is also shown as a duplicate, and "P-dup" is the
precision with duplicates set aside, as the eval table does. The speaker's text is looked
up nearest the claim's cue (a quote often holds the same pronoun). Spans are compared by
character offsets in the raw text (the pipeline runs on it with sentences split, no cleaning).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

from warta.pipeline import _REGISTRY, _load_builtin_stages
from warta.records import Article, Record
from warta.settings import load_settings
from warta.text import sentences

_DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"


@dataclass
class Attribution:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()[-2:]
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            kind = cols[1].split()[0]
            spans[cols[0]] = (kind, _spans(cols[1][len(kind) :]))
        elif line.startswith("E") and len(cols) >= 2:
            rels.append(dict(p.split(":", 1) for p in cols[1].split()))
    out = []
    for rel in rels:
        got = {k: spans[v][1] for k, v in rel.items() if v in spans}
        out.append(Attribution(got.get("Source", []), got.get("Cue", []), got.get("Content", [])))
    return out


def _hit(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _locate(text: str, needle: str, near: int) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text``, the occurrence nearest ``near``."""
    best, at = None, text.find(needle)
    while at >= 0 and needle:
        if best is None or abs(at - near) < abs(best - near):
            best = at
        at = text.find(needle, at + 1)
    return (best, best + len(needle)) if best is not None else None


def main(argv: list[str]) -> None:
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return
    args = [a for a in argv if not a.startswith("--")]
    split = argv[argv.index("--split") + 1] if "--split" in argv else "dev"
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    args = [a for a in args if a not in (split, str(limit))]
    root = (Path(args[0]) if args else _DEFAULT) / "data" / split
    settings = load_settings()
    _load_builtin_stages()
    stages = [
        _REGISTRY[n](settings) for n in ("entities", "places", "quantities", "events", "claims")
    ]
    anns = sorted((root / "attributions").glob("*.ann"))[:limit]
    pred = gold = found = spk_ok = cue_ok = spk_gold = dup = 0
    for ann in anns:
        txt = root / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        rec = Record(doc_id=ann.stem, article=Article(text=text, language="en"))
        rec = replace(rec, sentences=sentences(text, "en"))
        for st in stages:
            rec = st(rec)
        attrs = [a for a in read_ann(ann) if a.content]
        gold += len(attrs)
        spk_gold += sum(1 for a in attrs if a.source)
        used: set[int] = set()
        for c in rec.claims:
            pred += 1
            span = (c.content.start, c.content.end)
            k = next(
                (i for i, a in enumerate(attrs) if i not in used and _hit(span, a.content)), None
            )
            if k is None:
                dup += any(_hit(span, attrs[i].content) for i in used)
                continue
            used.add(k)
            found += 1
            a = attrs[k]
            cue = _locate(text, c.cue, c.content.start) if c.cue else None
            spk = _locate(text, c.speaker.text, cue[0] if cue else c.content.start)
            spk_ok += bool(spk and a.source and _hit(spk, a.source))
            cue_ok += bool(cue and a.cue and _hit(cue, a.cue))
    p = found / max(pred, 1)
    r = found / max(gold, 1)
    pd = found / max(pred - dup, 1)
    print(f"documents {len(anns)}; gold attributions {gold}; predicted claims {pred}; dup {dup}")
    print(f"content  P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}  P-dup {pd:.3f}")
    sp, sr = spk_ok / max(pred, 1), spk_ok / max(spk_gold, 1)
    print(f"speaker  P {sp:.3f}  R {sr:.3f}  F1 {2 * sp * sr / max(sp + sr, 1e-9):.3f}")
    cp, cr = cue_ok / max(pred, 1), cue_ok / max(gold, 1)
    print(f"cue      P {cp:.3f}  R {cr:.3f}  F1 {2 * cp * cr / max(cp + cr, 1e-9):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
