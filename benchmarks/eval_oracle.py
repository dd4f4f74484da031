"""Sanity check of the scorer: score an "oracle" record built from each gold file.

    .venv/bin/python benchmarks/eval_oracle.py ../shared/gold/dev [--per-file]

The oracle's body is the raw input with every ``must_exclude`` string cut out; every gold
item (optional ones too) becomes a predicted item whose spans are the gold strings
located in that body. A correct scorer gives ~1.0 on every measure; anything less points
at the scorer or at gold that contradicts itself (e.g. a span that is also boilerplate).
Reads gold only to measure; nothing here ships or runs in the product.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from warta.eval import evaluate, format_table
from warta.eval.gold import load_gold
from warta.eval.scorer import place_matches
from warta.eval.spans import TextIndex
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


def oracle(pair_input: Path) -> Record:
    gold = load_gold(pair_input.with_suffix(".json"))
    art = gold["article"]
    text = pair_input.read_text(encoding="utf-8")
    for junk in art.get("must_exclude", []):
        text = re.sub(re.escape(junk), " ", text, flags=re.IGNORECASE)
    index = TextIndex(text)

    def spans(strings: list[str]) -> tuple[Span, ...]:
        return tuple(Span(s, e, text[s:e]) for t in strings for s, e in index.find(t)[:1])

    def first(values: list[Any]) -> Any:
        return next((v for v in values if v is not None), None)

    entities = tuple(
        Entity(
            f"e{i}", g["names"][0], g["type"][0], code=first(g["code"]), mentions=spans(g["names"])
        )
        for i, g in enumerate(gold["entities"])
    )
    places = [
        Place(
            f"p{i}",
            g["names"][0] if g["names"] else "?",
            geonameid=first(g["geonameid"] or [None]),
            country=first(g["country"]),
            mentions=spans(g["names"]),
        )
        for i, g in enumerate(gold["places"])
    ]
    events = []
    for i, g in enumerate(gold["events"]):
        place_id = None
        gp = g["place"]
        known = [p for p in places if gp is not None and place_matches(gp, p)]
        if known:
            place_id = known[0].id
        elif gp is not None:
            place_id = f"pv{i}"
            places.append(
                Place(
                    place_id,
                    gp["names"][0] if gp["names"] else "?",
                    geonameid=first(gp["geonameid"] or [None]),
                    country=first(gp["country"]),
                )
            )
        actor, recipient = g["actor"], g["recipient"]
        events.append(
            Event(
                f"v{i}",
                g["type"][0],
                actor=Participant(
                    "", code=first(actor["code"]), sector=first(actor.get("sector", [None]))
                ),
                recipient=Participant("", code=first(recipient["code"])),
                place=place_id,
                date=DateWindow(g["date"]["start"], g["date"]["end"]) if g["date"] else None,
                status=first(g["status"]) or "occurred",
                evidence=spans(g["evidence"]),
            )
        )
    claims = []
    for i, g in enumerate(gold["claims"]):
        content = spans(g["evidence"])
        claims.append(
            Claim(
                f"c{i}",
                Speaker(g["speaker"]["names"][0]),
                g["stance"][0],
                "",
                content[0] if content else Span(0, 0, ""),
            )
        )
    quantities = []
    for i, g in enumerate(gold["quantities"]):
        hit = index.find(g["text"] or "")
        start, end = hit[0] if hit else (0, 0)
        quantities.append(
            Quantity(
                f"q{i}",
                g["text"] or "",
                g["value"][0],
                g["qualifier"][0],
                Range(start, end),
                unit=first(g["unit"]),
            )
        )
    article = Article(
        title=first(art.get("title", [None])),
        published=first(art.get("published", [None])),
        language=first(art.get("language", [None])),
        dateline=first(art.get("dateline", [None])),
        authors=tuple(art.get("authors", ())),
        cited_sources=tuple(art.get("cited_sources", ())),
        text=text,
    )
    return Record(
        doc_id=pair_input.stem,
        source=Source(path=str(pair_input), publisher=first(art.get("publisher", [None]))),
        article=article,
        entities=entities,
        places=tuple(places),
        events=tuple(events),
        claims=tuple(claims),
        quantities=tuple(quantities),
    )


def main(argv: list[str]) -> None:
    gold_dir = Path(argv[0] if argv else "../shared/gold/dev")
    report = evaluate(gold_dir, oracle)
    print(format_table(report, per_file="--per-file" in argv))


if __name__ == "__main__":
    main(sys.argv[1:])
