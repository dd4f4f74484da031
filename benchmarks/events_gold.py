"""Measure the events, claims and quantities stages on a gold folder (default ../shared/gold/dev).

    .venv/bin/python benchmarks/events_gold.py [GOLD_DIR] [--explain]

Runs the packaged pipeline (stages that cannot be built yet are left out, so the event
layer can be measured before its neighbours are finished) and scores with warta.eval.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from warta.eval import evaluate
from warta.ingest import RawDocument
from warta.pipeline import _REGISTRY, Pipeline, _load_builtin_stages
from warta.records import Record
from warta.settings import load_settings

MEASURES = ("events.type", "events.full", "events.status", "events.place", "claims", "quantities")


def build() -> Pipeline:
    settings = load_settings()
    _load_builtin_stages()
    stages = []
    for name in settings.stages:
        try:
            stages.append(_REGISTRY[name](settings))
        except Exception as exc:  # a neighbour not written yet: measure without it
            print(f"(stage {name} skipped: {type(exc).__name__}: {exc})", file=sys.stderr)
    pipe = Pipeline(replace(settings, stages=()), stages=[])
    pipe.stages = stages
    return pipe


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = (
        Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "gold" / "dev"
    )
    pipe = build()

    def run(path: Path) -> Record:
        return pipe(RawDocument(str(path), path.read_text(encoding="utf-8")))

    report = evaluate(gold_dir, run, explain="--explain" in argv)
    print(f"{'measure':<15}{'tp':>5}{'fp':>5}{'fn':>5}{'dup':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for row in report.rows:
        if row.measure in MEASURES:
            c = row.counts
            print(f"{row.measure:<15}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.duplicates:>5}"
                  f"{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}")  # fmt: skip
    for err in report.errors if hasattr(report, "errors") else ():
        print("error:", err)
    if "--explain" in argv:
        for f in report.files:
            for measure, lines in f.explanations:
                if measure in MEASURES:
                    print(f"--- {f.name} [{measure}]")
                    for line in lines:
                        print("   ", line)


if __name__ == "__main__":
    main(sys.argv[1:])
