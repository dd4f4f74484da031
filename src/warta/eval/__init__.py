"""Scoring warta records against hand-made gold (``spec/scoring.md``): the library side
of ``warta eval``.

    evaluate(gold_dir, run) -> Report      run: input path -> Record
    score_record(record, gold) -> {measure: Counts}
    format_table(report) / to_json(report)
    check_floors(report, load_floors())    -> measures below their F1 floor
"""

from __future__ import annotations

from .counts import Counts
from .floors import check_floors, load_floors
from .gold import GoldPair, gold_pairs, load_gold
from .harness import evaluate, evaluate_pair
from .match import Matching, match
from .report import FileResult, Report, Row, aggregate, format_table, to_json
from .scorer import MEASURES, explain_record, score_record
from .spans import TextIndex

__all__ = [
    "MEASURES",
    "Counts",
    "FileResult",
    "GoldPair",
    "Matching",
    "Report",
    "Row",
    "TextIndex",
    "aggregate",
    "check_floors",
    "evaluate",
    "evaluate_pair",
    "explain_record",
    "format_table",
    "gold_pairs",
    "load_floors",
    "load_gold",
    "match",
    "score_record",
    "to_json",
]
