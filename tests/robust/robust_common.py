"""Shared pieces of the robustness tests: settings, accounting of inputs, a pipeline."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from warta.errors import InputError
from warta.ingest.readers import iter_files
from warta.pipeline import Pipeline
from warta.settings import Settings, load_settings
from warta.store import DuckDBStore

# CI runs a bounded number of examples; WARTA_FUZZ_EXAMPLES=500 for a heavier run.
EXAMPLES = int(os.environ.get("WARTA_FUZZ_EXAMPLES", "25"))


@functools.cache
def shared_pipeline() -> Pipeline:
    """One pipeline for every robustness test module (building one takes seconds)."""
    return Pipeline(robust_settings())


def robust_settings(**changes: object) -> Settings:
    base = load_settings(None)
    return replace(base, **{"max_input_bytes": 1_500_000, "max_seconds_per_doc": 6.0, **changes})


def unaccounted(paths: Iterable[str], store: DuckDBStore) -> list[str]:
    """Input files (as ``iter_files`` lists them) with neither a stored input nor a failure."""
    seen = [p for (p,) in store.select("SELECT path FROM inputs")]
    seen += [p for (p,) in store.select("SELECT path FROM failures")]
    missing = []
    for file in iter_files(list(paths)):
        if not any(p == file or p.startswith(file + "#") for p in seen):
            missing.append(file)
    return missing


def reasons(errors: Iterable[InputError]) -> dict[str, str]:
    return {Path(e.path).name: e.reason for e in errors}
