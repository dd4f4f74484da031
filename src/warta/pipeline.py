"""The pipeline: a cleaner (raw document -> record) then enrichment stages (record -> record).

Stages are registered by name with :func:`register`; a pipeline is built once from
:class:`~warta.settings.Settings` (heavy resources such as gazetteers load then, not per
document) and checked then: an unknown stage name, or a stage whose ``requires`` is not
assigned by an earlier one, is a :class:`~warta.errors.SettingsError` at build time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from time import perf_counter
from typing import ClassVar, Protocol, runtime_checkable

from .deadline import DocumentTimeout, deadline
from .errors import InputError, SettingsError, WartaError
from .ingest import RawDocument
from .records import Record
from .settings import Settings


@runtime_checkable
class Stage(Protocol):
    """One enrichment step. ``requires``/``assigns`` name record parts (``article.language``,
    ``sentences``, ``entities``, ...) so the pipeline can check its order once."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, record: Record) -> Record: ...


class Cleaner(Protocol):
    """Turns a raw document into a record holding ``source`` and ``article``."""

    def __call__(self, doc: RawDocument) -> Record: ...


StageFactory = Callable[[Settings], Stage]
# Called after each step with its name ("clean" for the cleaner) and its wall seconds.
StageHook = Callable[[str, float], None]
_REGISTRY: dict[str, StageFactory] = {}


def register(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: make ``factory(settings) -> Stage`` available under ``name``."""

    def deco(factory: StageFactory) -> StageFactory:
        _REGISTRY[name] = factory
        return factory

    return deco


def _load_builtin_stages() -> None:
    # Imported for their @register side effect; done lazily so `import warta` stays light.
    from . import stages  # noqa: F401


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one raw document: a record, or the reason it failed."""

    path: str
    record: Record | None = None
    error: InputError | None = None


class Pipeline:
    """Cleaner + stages, built once from settings."""

    def __init__(
        self, settings: Settings, cleaner: Cleaner | None = None, stages: list[Stage] | None = None
    ) -> None:
        self.settings = settings
        if cleaner is None:
            from .extract import make_cleaner

            cleaner = make_cleaner(settings)
        self.cleaner = cleaner
        if stages is None:
            _load_builtin_stages()
            unknown = [n for n in settings.stages if n not in _REGISTRY]
            if unknown:
                raise SettingsError(
                    f"unknown stage(s) {unknown}; known: {sorted(_REGISTRY)}"
                )
            stages = [_REGISTRY[n](settings) for n in settings.stages]
        self.stages = stages
        # Optional per-stage timing (profiling, benchmarks); None costs nothing per document.
        self.on_stage: StageHook | None = None
        self._check_order()

    def _check_order(self) -> None:
        have = {"source", "article"}
        for stage in self.stages:
            missing = [r for r in stage.requires if r not in have]
            if missing:
                raise SettingsError(f"stage {stage.name!r} needs {missing} from an earlier stage")
            have.update(stage.assigns)

    def enrich(self, record: Record) -> Record:
        hook = self.on_stage
        if hook is None:
            for stage in self.stages:
                record = stage(record)
            return record
        for stage in self.stages:
            started = perf_counter()
            record = stage(record)
            hook(stage.name, perf_counter() - started)
        return record

    def __call__(self, doc: RawDocument) -> Record:
        hook = self.on_stage
        if hook is None:
            return self.enrich(self.cleaner(doc))
        started = perf_counter()
        record = self.cleaner(doc)
        hook("clean", perf_counter() - started)
        return self.enrich(record)

    def _timed(self, doc: RawDocument) -> Record:
        """``self(doc)`` within ``settings.max_seconds_per_doc`` (raises DocumentTimeout)."""
        with deadline(self.settings.max_seconds_per_doc) as limit:
            if limit.armed or limit.ends is None:
                return self(doc)
            # no alarm here (a worker thread): check the deadline between steps
            hook = self.on_stage
            started = perf_counter()
            record = self.cleaner(doc)
            if hook is not None:
                hook("clean", perf_counter() - started)
            for stage in self.stages:
                limit.check()
                started = perf_counter()
                record = stage(record)
                if hook is not None:
                    hook(stage.name, perf_counter() - started)
            limit.check()
            return record

    def process(self, docs: Iterable[RawDocument | InputError]) -> Iterator[Outcome]:
        """Run every document; a failure becomes an :class:`Outcome` with its error, never
        an exception, so one bad page cannot stop a batch."""
        for doc in docs:
            if isinstance(doc, InputError):
                yield Outcome(doc.path, error=doc)
                continue
            try:
                yield Outcome(doc.path, record=self._timed(doc))
            except DocumentTimeout as exc:
                limit = f"max_seconds_per_doc = {self.settings.max_seconds_per_doc:g}"
                yield Outcome(doc.path, error=InputError(doc.path, "timeout", f"{exc} ({limit})"))
            except InputError as exc:
                yield Outcome(doc.path, error=exc)
            except WartaError as exc:
                yield Outcome(doc.path, error=InputError(doc.path, "failed", str(exc)))
            except Exception as exc:  # a bug in a stage must not lose the rest of the batch
                detail = f"internal error {type(exc).__name__}: {exc}"
                yield Outcome(doc.path, error=InputError(doc.path, "internal", detail))
