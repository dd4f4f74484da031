"""Running a pipeline over a gold folder and scoring every file into one :class:`Report`.

The pipeline comes in as a plain function (input path -> record), so the library does not
depend on how the CLI builds it, and tests can pass a fake.

A file whose gold cannot be read or whose run raises is reported in ``Report.errors``
rather than raised. So that a crash never looks like a gain, a failed run is scored as if
it produced nothing and earned nothing: every gold item it would have been judged on
counts as a false negative (even "absent boilerplate" and "correctly no dateline").
A file whose gold is malformed cannot be scored at all and only shows as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import RecordError
from ..records import Record
from .counts import Counts
from .gold import GoldPair, gold_pairs, load_gold
from .report import FileResult, Report, aggregate, rows_of
from .scorer import score_and_explain, score_record


def evaluate(gold_dir: Path, run: Callable[[Path], Record], explain: bool = True) -> Report:
    """Score ``run`` on every input of ``gold_dir`` against its gold JSON."""
    return aggregate(evaluate_pair(pair, run, explain) for pair in gold_pairs(Path(gold_dir)))


def evaluate_pair(
    pair: GoldPair, run: Callable[[Path], Record], explain: bool = True
) -> FileResult:
    """One gold example, never raising: errors become ``FileResult.error``."""
    try:
        gold = load_gold(pair.gold_path)
    except RecordError as exc:
        return FileResult(pair.name, error=str(exc))
    try:
        record = run(pair.input_path)
    # Any failure of the pipeline under test is data for the report, not a crash of eval.
    except Exception as exc:  # noqa: BLE001
        return FileResult(pair.name, rows_of(_nothing(gold)), error=f"{type(exc).__name__}: {exc}")
    try:
        counts, notes = score_and_explain(record, gold)
    except RecordError as exc:
        return FileResult(pair.name, rows_of(_nothing(gold)), error=str(exc))
    explanations = tuple((m, tuple(lines)) for m, lines in notes.items()) if explain else ()
    return FileResult(pair.name, rows_of(counts), explanations=explanations)


def _nothing(gold: dict) -> dict[str, Counts]:
    """The counts of a run that produced nothing: every scorable gold item missed."""
    empty = score_record(Record(doc_id=""), gold)
    return {m: Counts(fn=c.tp + c.fn) for m, c in empty.items()}
