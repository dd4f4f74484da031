"""Counts of one measure (tp, fp, fn, duplicates) and the scores derived from them.

Duplicates are their own column: they never enter precision (scoring.md), they only show
how often the record failed to merge two mentions of one thing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp + other.tp,
            self.fp + other.fp,
            self.fn + other.fn,
            self.duplicates + other.duplicates,
        )

    @property
    def precision(self) -> float:
        # Nothing predicted: perfect only if nothing was there to find either.
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        # Nothing to find (e.g. body.boilerplate, which has no fn): perfect unless wrong.
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)
