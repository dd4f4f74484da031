"""The on-disk index cache and the pipeline's per-stage timing hook."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import ClassVar

import pytest

from warta.cache import cached, dist_version, entry_key
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


def test_dist_version_reads_the_dist_info_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "quokkalib").mkdir()
    (tmp_path / "quokkalib" / "__init__.py").write_text("")
    (tmp_path / "Quokkalib-4.2.1.dist-info").mkdir()  # some installers keep the case
    (tmp_path / "quokkalib_extras-9.0.dist-info").mkdir()  # another distribution
    monkeypatch.syspath_prepend(str(tmp_path))
    assert dist_version("quokkalib") == "4.2.1"
    from importlib.metadata import version

    assert dist_version("pycountry") == version("pycountry")


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


@dataclasses.dataclass(frozen=True, slots=True)
class _Town:
    name: str
    lat: float | None = None
    tags: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived:
    name: str
    key: str = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", self.name.lower())


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Keyed:
    name: str


def test_cached_entries_keep_frozen_records_and_leave_the_collector_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from warta import cache

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    town = _Town("Kota Contoh", -6.2, ("pantai",))
    value = {
        "by_key": {"kota contoh": [town, town]},
        "other": [_Derived("Teluk"), _Keyed(name="X")],
    }
    assert cached("idx", 1, lambda: value) == value
    loaded = cached("idx", 1, lambda: {})  # from the file
    assert loaded == value and loaded is not value
    assert loaded["by_key"]["kota contoh"][0] is loaded["by_key"]["kota contoh"][1]
    assert loaded["other"][0].key == "teluk"
    assert gc.isenabled()
    # plain records are rebuilt by their constructor; one with hooks keeps dataclasses' way
    assert cache._plain_fields(_Town) == ("name", "lat", "tags")
    assert cache._plain_fields(_Derived) is None and cache._plain_fields(_Keyed) is None


def test_old_entries_of_a_name_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from warta import cache

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    other = cached("idx-extra", 0, lambda: "kept")  # a longer name sharing the prefix
    for version in range(cache.KEEP + 2):
        assert cached("idx", version, lambda v=version: v) == version  # type: ignore[misc]
        for n, entry in enumerate(sorted(tmp_path.glob("idx-*.pickle"))):
            os.utime(entry, (n, n))  # all older than the next one written
    stems = {p.stem for p in tmp_path.glob("*.pickle")}
    assert len([s for s in stems if not s.startswith("idx-extra")]) == cache.KEEP
    assert entry_key("idx", cache.KEEP + 1) in stems  # the newest stays
    assert other == "kept" and cached("idx-extra", 0, lambda: "rebuilt") == "kept"


def test_parsed_toml_comes_back_from_the_cache_as_new_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomllib

    from warta.cache import parse_toml

    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    text = 'title = "Kabar Pagi"\n[[row]]\nname = "Teluk Biru"\nlat = -6.5\nwords = ["a", "b"]\n'
    first = parse_toml(text, "lang-xx-test")
    assert first == tomllib.loads(text) and len(list(tmp_path.glob("toml-lang-xx-test-*"))) == 1
    again = parse_toml(text, "lang-xx-test")  # from the file
    assert again == first and again is not first and again["row"] is not first["row"]
    assert parse_toml("extra = 1\n" + text, "lang-xx-test")["extra"] == 1  # new text, new entry
    for entry in tmp_path.glob("toml-*"):
        entry.write_bytes(b"\x80damaged")
    assert parse_toml(text, "lang-xx-test") == first
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_toml("title = ", "lang-xx-test")
    monkeypatch.setenv("WARTA_CACHE_DIR", "off")
    assert parse_toml(text, "lang-xx-test") == first


def test_word_sets_round_trip_through_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WARTA_CACHE_DIR", str(tmp_path))
    words = frozenset(f"kata{i}" for i in range(3000)) | {""}
    assert cached("words", 1, lambda: words) == words
    loaded = cached("words", 1, lambda: frozenset())
    assert loaded == words and type(loaded) is frozenset
    odd = frozenset({"dua\nbaris", *(f"w{i}" for i in range(2000))})  # not one line each
    assert cached("odd", 1, lambda: odd) == odd and cached("odd", 1, frozenset) == odd


def test_save_file_gives_up_quietly_where_it_cannot_write(tmp_path: Path) -> None:
    from warta.cache import save_file

    blocker = tmp_path / "file"
    blocker.write_text("")
    assert not save_file(blocker / "sub" / "x-0123456789abcdef0123.db", lambda p: p.write_text("x"))
    target = tmp_path / "x-0123456789abcdef0123.db"

    def fail(p: Path) -> None:
        raise ValueError("cannot")

    assert not save_file(target, fail, errors=(ValueError,)) and not list(tmp_path.glob("x-*"))
    assert save_file(target, lambda p: p.write_text("x")) and target.read_text() == "x"
