"""The on-disk index cache and the pipeline's per-stage timing hook."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import ClassVar

import pytest

from warta.cache import cached, entry_key
from warta.ingest import RawDocument
from warta.pipeline import Pipeline
from warta.runners.timing import StageTimes
from warta.settings import Settings


def test_cached_builds_once_then_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    builds: list[int] = []

    def build() -> dict[str, list[int]]:
        builds.append(1)
        return {"kursk": [538560]}

    assert cached("idx", (5000, "v1"), build) == {"kursk": [538560]}
    assert cached("idx", (5000, "v1"), build) == {"kursk": [538560]}
    assert len(builds) == 1
    cached("idx", (15000, "v1"), build)  # other settings: another entry
    assert len(builds) == 2 and len(list(tmp_path.glob("idx-*.pickle"))) == 2


def test_damaged_entry_is_rebuilt_and_cache_can_be_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    (tmp_path / f"{entry_key('idx', 1, ['warta.cache'])}.pickle").write_bytes(b"\x80garbage")
    assert cached("idx", 1, lambda: "fresh", sources=["warta.cache"]) == "fresh"
    assert cached("idx", 1, lambda: "other", sources=["warta.cache"]) == "fresh"  # now saved
    monkeypatch.setenv("WARTA_CACHE_DIR", "off")
    assert cached("idx", 1, lambda: "uncached") == "uncached"


def test_entry_key_depends_on_builder_source() -> None:
    assert entry_key("g", 1, ["warta.cache"]) != entry_key("g", 1, ["warta.text"])
    assert entry_key("g", 1, ["warta.cache"]) == entry_key("g", 1, ["warta.cache"])


@dataclasses.dataclass
class _Rec:
    text: str


class _Upper:
    name: ClassVar[str] = "upper"
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ("upper",)

    def __call__(self, record):  # type: ignore[no-untyped-def]
        return _Rec(record.text.upper())


class _Twice(_Upper):
    name: ClassVar[str] = "twice"

    def __call__(self, record):  # type: ignore[no-untyped-def]
        return _Rec(record.text * 2)


def test_stage_times_see_every_step_and_detached_costs_nothing() -> None:
    pipeline = Pipeline(Settings(), cleaner=lambda d: _Rec(d.content), stages=[_Upper(), _Twice()])  # type: ignore[arg-type,list-item]
    assert pipeline(RawDocument("a", "ab")).text == "ABAB"  # type: ignore[attr-defined]
    times = StageTimes().attach(pipeline)
    for name in ("a", "b", "c"):
        pipeline(RawDocument(name, "x"))
    shares = times.shares()
    assert [s.name for s in shares] == ["clean", "upper", "twice"]
    assert all(s.calls == 3 for s in shares)
    assert abs(sum(s.share for s in shares) - 1.0) < 1e-9
    pipeline.on_stage = None
    pipeline(RawDocument("d", "y"))
    assert times.calls["upper"] == 3
