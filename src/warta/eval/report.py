"""The result of an evaluation: rows per measure, per file and overall, as text or JSON.

Overall rows are micro-averages: the counts of every file are summed, then precision,
recall and F1 computed once from the sums.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .counts import Counts
from .scorer import MEASURES


@dataclass(frozen=True, slots=True)
class Row:
    measure: str
    counts: Counts

    @property
    def precision(self) -> float:
        return self.counts.precision

    @property
    def recall(self) -> float:
        return self.counts.recall

    @property
    def f1(self) -> float:
        return self.counts.f1


@dataclass(frozen=True, slots=True)
class FileResult:
    """One gold example: its rows, or the error that stopped it (then rows are penalties)."""

    name: str
    rows: tuple[Row, ...] = ()
    error: str | None = None
    explanations: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (measure, lines)


@dataclass(frozen=True, slots=True)
class Report:
    rows: tuple[Row, ...]
    files: tuple[FileResult, ...] = ()

    @property
    def errors(self) -> tuple[tuple[str, str], ...]:
        return tuple((f.name, f.error) for f in self.files if f.error is not None)

    def row(self, measure: str) -> Row | None:
        return next((r for r in self.rows if r.measure == measure), None)


def rows_of(counts: Mapping[str, Counts]) -> tuple[Row, ...]:
    """Rows in :data:`MEASURES` order for the measures present in ``counts``."""
    return tuple(Row(m, counts[m]) for m in MEASURES if m in counts)


def aggregate(files: Iterable[FileResult]) -> Report:
    """Sum every file's counts per measure (micro-average) into one report."""
    files = tuple(files)
    total: dict[str, Counts] = {}
    for f in files:
        for row in f.rows:
            total[row.measure] = total.get(row.measure, Counts()) + row.counts
    return Report(rows_of(total), files)


_HEAD = ("measure", "tp", "fp", "fn", "dup", "P", "R", "F1")


def format_table(report: Report, per_file: bool = False) -> str:
    """An aligned text table (measure, tp, fp, fn, dup, P, R, F1), then any errors.

    With ``per_file`` each file's own table follows, with what it missed or got wrong.
    """
    parts = [_table(report.rows)]
    if report.files:
        parts.append(f"{len(report.files)} file(s), {len(report.errors)} failed")
    for name, error in report.errors:
        parts.append(f"error: {name}: {error}")
    if per_file:
        for f in report.files:
            parts.append(f"\n== {f.name}" + (f"  (error: {f.error})" if f.error else ""))
            parts.append(_table(f.rows))
            for measure, lines in f.explanations:
                parts.extend(f"  {measure}: {line}" for line in lines)
    return "\n".join(parts)


def _table(rows: tuple[Row, ...]) -> str:
    body = [
        (
            r.measure,
            str(r.counts.tp),
            str(r.counts.fp),
            str(r.counts.fn),
            str(r.counts.duplicates),
            f"{r.precision:.3f}",
            f"{r.recall:.3f}",
            f"{r.f1:.3f}",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [_HEAD, *body]) for i in range(len(_HEAD))]

    def fmt(line: tuple[str, ...]) -> str:
        first = line[0].ljust(widths[0])
        rest = (cell.rjust(w) for cell, w in zip(line[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([fmt(_HEAD), rule, *(fmt(line) for line in body)])


def to_json(report: Report, per_file: bool = False) -> dict[str, Any]:
    """The report as JSON-ready data: ``{"measures": {name: {...}}, "files", "errors"}``."""
    out: dict[str, Any] = {
        "measures": _rows_json(report.rows),
        "files": len(report.files),
        "errors": [{"file": name, "error": error} for name, error in report.errors],
    }
    if per_file:
        out["per_file"] = {
            f.name: {
                "measures": _rows_json(f.rows),
                "error": f.error,
                "explanations": {m: list(lines) for m, lines in f.explanations},
            }
            for f in report.files
        }
    return out


def _rows_json(rows: tuple[Row, ...]) -> dict[str, dict[str, Any]]:
    return {
        r.measure: {
            "tp": r.counts.tp,
            "fp": r.counts.fp,
            "fn": r.counts.fn,
            "duplicates": r.counts.duplicates,
            "precision": round(r.precision, 4),
            "recall": round(r.recall, 4),
            "f1": round(r.f1, 4),
        }
        for r in rows
    }
