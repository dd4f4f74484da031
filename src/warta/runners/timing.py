"""Per-stage wall time of a pipeline, collected through ``Pipeline.on_stage``.

Attach a :class:`StageTimes` to a pipeline, run documents, read the totals and shares.
It adds two ``perf_counter`` calls per stage and document; detached, it costs nothing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StageShare:
    """One stage's total seconds, its share of all stage time, and calls."""

    name: str
    seconds: float
    share: float
    calls: int


class StageTimes:
    """Accumulates ``(stage name, seconds)`` reports; call :meth:`attach` on a pipeline."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)

    def __call__(self, name: str, seconds: float) -> None:
        self.seconds[name] += seconds
        self.calls[name] += 1

    def attach(self, pipeline: object) -> StageTimes:
        """Make ``pipeline`` report to this collector; returns self."""
        pipeline.on_stage = self  # type: ignore[attr-defined]
        return self

    @property
    def total(self) -> float:
        return sum(self.seconds.values())

    def shares(self) -> list[StageShare]:
        """Stages in the order they first reported, with their share of the total."""
        total = self.total or 1.0
        return [
            StageShare(name, secs, secs / total, self.calls[name])
            for name, secs in self.seconds.items()
        ]

    def merge(self, other: StageTimes) -> None:
        for name, secs in other.seconds.items():
            self.seconds[name] += secs
            self.calls[name] += other.calls[name]
