"""Accuracy floors: the minimum F1 per measure that ``warta eval --floors`` enforces.

The packaged ``floors.toml`` holds them. Floors only ever rise: when a change lifts a
measure, raise its floor to just under the new score so a later regression fails loudly
(the trafilatura way).
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

from ..errors import SettingsError
from .report import Report
from .scorer import MEASURES

_EPSILON = 1e-9  # a score equal to its floor (up to float noise) passes


def load_floors(path: Path | None = None) -> dict[str, float]:
    """Floors from ``path``, or the packaged ``floors.toml``; unknown measures are an error."""
    try:
        if path is None:
            text = resources.files("warta.eval").joinpath("floors.toml").read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"floors file {path or 'floors.toml'}: {exc}") from None
    table = data.get("f1", {})
    if not isinstance(table, dict):
        raise SettingsError("floors file: [f1] must be a table of measure = number")
    floors: dict[str, float] = {}
    for measure, value in table.items():
        if measure not in MEASURES:
            raise SettingsError(f"floors file: unknown measure {measure!r}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise SettingsError(f"floors file: {measure} must be a number in [0, 1]")
        floors[measure] = float(value)
    return floors


def check_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """The measures below their floor, as ``"<measure>: F1 0.412 < floor 0.450"``.

    A floored measure missing from the report (no gold supports it) counts as broken:
    the floor can no longer be checked, which should not pass silently.
    """
    broken: list[str] = []
    for measure in sorted(floors, key=MEASURES.index):
        row = report.row(measure)
        if row is None:
            broken.append(f"{measure}: not in the report (floor {floors[measure]:.3f})")
        elif row.f1 < floors[measure] - _EPSILON:
            broken.append(f"{measure}: F1 {row.f1:.3f} < floor {floors[measure]:.3f}")
    return broken
