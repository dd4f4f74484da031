"""Event type and actor code accuracy on the PLOVER gold-standard records (English).

    .venv/bin/python benchmarks/events_plover.py [PLOVER_GSR_CAMEO.txt] [--limit N] [--explain]

Each record is one sentence coded with one PLOVER event. The pipeline runs on the sentence
alone (language forced to English); a record counts as typed right when any predicted event
has its type, and as typed-first right when the first predicted event does. Actor accuracy
is over records whose first event has the right type. The file uses PLOVER 0.5 names,
mapped to the current 16 types (FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE and
INVESTIGATE -> ACCUSE).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from warta.pipeline import _REGISTRY, _load_builtin_stages
from warta.records import Article, Record
from warta.settings import load_settings
from warta.text import sentences

_OLD = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
_DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared" / "data" / "plover-gsr" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
)  # fmt: skip


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    if limit is not None:
        args = [a for a in args if a != str(limit)]
    path = Path(args[0]) if args else _DEFAULT
    records = [r for r in json.loads(path.read_text()) if r.get("event") != "DOCUMENT"]
    records = records[:limit] if limit else records
    settings = load_settings()
    _load_builtin_stages()
    stages = [_REGISTRY[n](settings) for n in ("entities", "places", "quantities", "events")]
    n = any_ok = first_ok = found = actor_n = actor_ok = 0
    per_type: Counter[str] = Counter()
    per_type_ok: Counter[str] = Counter()
    for r in records:
        gold = _OLD.get(r["event"], r["event"])
        text = r["text"]
        rec = Record(doc_id=r["id"], article=Article(text=text, language="en"))
        rec = replace(rec, sentences=sentences(text, "en"))
        for st in stages:
            rec = st(rec)
        types = [e.type for e in rec.events]
        n += 1
        per_type[gold] += 1
        found += bool(types)
        any_ok += gold in types
        per_type_ok[gold] += gold in types
        if types and types[0] == gold:
            first_ok += 1
            codes = {s.get("code") for s in r.get("source", [])}
            ev = rec.events[0]
            if codes:
                actor_n += 1
                actor_ok += bool(ev.actor and ev.actor.code in codes)
        elif "--explain" in argv:
            print(f"{gold:<10} {types!s:<30} {text[:110]}")
    print(f"records {n}; with any event {found / n:.3f}")
    print(f"type in predicted events   {any_ok / n:.3f} ({any_ok}/{n})")
    print(f"type of first event        {first_ok / n:.3f} ({first_ok}/{n})")
    print(f"actor code | type right    {actor_ok / max(actor_n, 1):.3f} ({actor_ok}/{actor_n})")
    for t, c in sorted(per_type.items()):
        print(f"  {t:<10} {per_type_ok[t]:>3}/{c:<3} {per_type_ok[t] / c:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
