"""warta: raw news in, source-attributed, geocoded event records out.

The Python API (the CLI, REST API and dashboard are thin shells over it)::

    from warta import load_settings, Pipeline, read_inputs
    pipeline = Pipeline(load_settings())
    for outcome in pipeline.process(read_inputs(["article.txt"], pipeline.settings)):
        print(outcome.record or outcome.error)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .settings import load_settings

__all__ = ["Pipeline", "load_settings", "read_inputs", "__version__"]


def __getattr__(name: str) -> Any:
    # Lazy so that `import warta` (and `warta --help`) stays fast.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "load_settings":
        from .settings import load_settings

        return load_settings
    if name == "read_inputs":
        from .ingest.readers import read_inputs

        return read_inputs
    raise AttributeError(name)
