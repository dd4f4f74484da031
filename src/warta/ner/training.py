"""What ``warta train-ner`` does: read CoNLL/BIO files, train, optionally score on a
development file. Kept out of the CLI so other callers (benchmarks, notebooks) share it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..geo.gazetteer import gazetteer_for
from ..settings import Settings
from .conll import read_conll
from .model import Score, evaluate, load_model, train


@dataclass(frozen=True, slots=True)
class TrainReport:
    path: Path
    sentences: int
    size_bytes: int
    dev: dict[str, Score] | None


def fit(
    train_file: str | Path,
    out: str | Path,
    lang: str,
    settings: Settings,
    dev_file: str | Path | None = None,
    lowercase_copies: bool = True,
) -> TrainReport:
    """Train a model for ``lang`` from ``train_file`` into ``out``; score it on
    ``dev_file`` when given. Gazetteer features use the settings' gazetteer, as the
    entity stage will at run time. ``lowercase_copies``: see :func:`~.model.train`."""
    gaz = gazetteer_for(settings.geo.min_city_population, settings.geo.geonames_file)
    sents = read_conll(train_file)
    path = train(sents, out, lang, gaz, lowercase_copies=lowercase_copies)
    scores = None
    if dev_file is not None:
        scores = evaluate(load_model(path, lang, gaz), read_conll(dev_file))
    return TrainReport(path, len(sents), path.stat().st_size, scores)
