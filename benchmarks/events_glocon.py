"""Protest events and participant counts on GLOCON India (FoLiA, English, Times of India).

    .venv/bin/python benchmarks/events_glocon.py [FOLIADOCS_DIR] [--explain]

Each of the 116 adjudicated documents is rebuilt as text from its tokens (``space="no"``
honoured) and run through the enrichment stages (language forced to English). Gold is the
token-span annotation: ``etype`` spans are protest-event mentions, ``count`` spans
participant counts. The table reports

- documents: a document holds a protest when gold marks any ``etype``; predicted when warta
  codes a PROTEST event (P/R/F1 over documents);
- mentions: a gold ``etype`` span is found when a PROTEST event's evidence overlaps it
  (recall); a PROTEST event is right when its evidence overlaps any gold ``etype`` span
  (precision);
- counts: a gold ``count`` span is found when a warta quantity overlaps it, and linked when
  that quantity is also attached to a PROTEST event; the value is right when the quantity's
  text covers every number word of the gold span.
"""

from __future__ import annotations

import gzip
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace
from pathlib import Path

from warta.pipeline import _REGISTRY, _load_builtin_stages
from warta.records import Article, Record
from warta.settings import load_settings
from warta.text import sentences

NS = {"f": "http://ilk.uvt.nl/folia"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_DEFAULT = Path(__file__).resolve().parents[2] / "shared/data/glocon-india-folia/foliadocs"


@dataclass
class Doc:
    name: str
    text: str
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


def read_doc(path: Path) -> Doc:
    """The document's text (paragraphs blank-line separated) and its gold spans by class."""
    root = ET.fromstring(gzip.decompress(path.read_bytes()))
    parts: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    pos = 0
    for p in root.iter("{http://ilk.uvt.nl/folia}p"):
        if parts:
            parts.append("\n\n")
            pos += 2
        for w in p.iter("{http://ilk.uvt.nl/folia}w"):
            t = w.find("f:t", NS)
            token = (t.text or "") if t is not None else ""
            where[w.get(XML_ID, "")] = (pos, pos + len(token))
            parts.append(token)
            pos += len(token)
            if w.get("space") != "no":
                parts.append(" ")
                pos += 1
    doc = Doc(path.name.removesuffix(".folia.xml.gz"), "".join(parts))
    for ent in root.iter("{http://ilk.uvt.nl/folia}entity"):
        ids = [where[r.get("id", "")] for r in ent.findall("f:wref", NS) if r.get("id") in where]
        if ids:
            cls = ent.get("class", "")
            doc.spans.setdefault(cls, []).append((min(a for a, _ in ids), max(b for _, b in ids)))
    return doc


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else _DEFAULT
    files = sorted(root.rglob("*.folia.xml.gz"))
    if not files:
        sys.exit(f"no *.folia.xml.gz under {root}")
    settings = load_settings()
    _load_builtin_stages()
    stages = [_REGISTRY[n](settings) for n in ("entities", "places", "quantities", "events")]
    doc_tp = doc_fp = doc_fn = 0
    men_found = men_total = ev_right = ev_total = 0
    cnt_total = cnt_found = cnt_linked = cnt_value = 0
    for path in files:
        doc = read_doc(path)
        rec = Record(doc_id=doc.name, article=Article(text=doc.text, language="en"))
        rec = replace(rec, sentences=sentences(doc.text, "en"))
        for st in stages:
            rec = st(rec)
        protests = [e for e in rec.events if e.type == "PROTEST"]
        spans = [(s.start, s.end) for e in protests for s in e.evidence]
        gold = doc.spans.get("etype", [])
        doc_tp += bool(gold) and bool(protests)
        doc_fp += not gold and bool(protests)
        doc_fn += bool(gold) and not protests
        men_total += len(gold)
        found = sum(any(overlaps(g, s) for s in spans) for g in gold)
        men_found += found
        ev_total += len(protests)
        ev_right += sum(any(overlaps((s.start, s.end), g) for s in e.evidence for g in gold)
                        for e in protests)  # fmt: skip
        linked_ids = {q for e in protests for q in e.quantities}
        for g in doc.spans.get("count", []):
            cnt_total += 1
            qs = [q for q in rec.quantities if overlaps((q.span.start, q.span.end), g)]
            cnt_found += bool(qs)
            cnt_linked += any(q.id in linked_ids for q in qs)
            numbers = [w for w in doc.text[g[0] : g[1]].split() if any(c.isdigit() for c in w)]
            cnt_value += any(all(n in q.text for n in numbers) for q in qs)
        if "--explain" in argv and found < len(gold):
            missed = [doc.text[a:b] for a, b in gold if not any(overlaps((a, b), s) for s in spans)]
            print(f"{doc.name[-60:]}: missed {missed[:6]}; coded {[e.type for e in rec.events]}")
    rows = [
        ("documents with a protest", *prf(doc_tp, doc_fp, doc_fn)),
        ("protest mentions", ev_right / max(ev_total, 1), men_found / max(men_total, 1), None),
    ]
    print(f"{len(files)} documents; {men_total} gold protest mentions; {ev_total} PROTEST events")
    print(f"{'measure':<28} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p, r, f in rows:
        print(f"{name:<28} {p:>6.3f} {r:>6.3f} {'' if f is None else f'{f:.3f}':>6}")
    print(f"participant counts: {cnt_total} gold; found {cnt_found / max(cnt_total, 1):.3f}, "
          f"linked to a PROTEST event {cnt_linked / max(cnt_total, 1):.3f}, "
          f"value right {cnt_value / max(cnt_total, 1):.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
