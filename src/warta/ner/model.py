"""The statistical NER model: a linear-chain CRF (CRFsuite, via python-crfsuite) over
the features of :mod:`warta.ner.features`.

:func:`train` fits a model file from CoNLL/BIO sentences; :func:`load_model` opens one
once per process; :meth:`NerModel.find` tags raw text and returns character spans.
:func:`evaluate` gives entity-level precision, recall and F1 per type (exact spans).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from ..errors import SettingsError
from .conll import TaggedSentence, spans
from .features import is_uncased, sentence_features

if TYPE_CHECKING:  # the gazetteer module imports the entity stage, which imports this
    from ..geo.gazetteer import Gazetteer

# Words and single punctuation marks, as CoNLL corpora tokenise ("Jakarta", ",", "(").
_TOKEN_RE = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)

# CRFsuite L-BFGS settings: L1 keeps the model small by zeroing weak features (with
# lower-cased copies, c1 0.1 scored best on idner-news-2k dev: 0.829, 0.818 at 0.05).
TRAIN_PARAMS = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


@dataclass(frozen=True, slots=True)
class NerSpan:
    """An entity the model found: ``text[start:end]`` of ``type`` PER / ORG / LOC."""

    start: int
    end: int
    text: str
    type: str
    confidence: float = 1.0  # the least marginal probability of the span's tags


@dataclass(frozen=True, slots=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class NerModel:
    """A trained model file, opened for tagging."""

    def __init__(self, path: str | Path, lang: str, gazetteer: Gazetteer | None) -> None:
        self.path = Path(path)
        self.lang = lang
        self.gazetteer = gazetteer
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(str(self.path))
        except (OSError, ValueError) as exc:
            raise SettingsError(f"{path}: not a warta NER model ({exc})") from None

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags of a tokenised sentence."""
        if not tokens:
            return []
        return list(self._tagger.tag(sentence_features(tokens, self.lang, self.gazetteer)))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[NerSpan]:
        """Entities in ``text[start:end]`` (one sentence at a time works best)."""
        toks = list(_TOKEN_RE.finditer(text, start, len(text) if end is None else end))
        tags = self.tag([m.group() for m in toks])
        out = []
        for kind, i, j in spans(tags):
            s, e = toks[i].start(), toks[j - 1].end()
            conf = min(self._tagger.marginal(tags[k], k) for k in range(i, j))
            out.append(NerSpan(s, e, text[s:e], kind, conf))
        return out


def train(
    sentences: Sequence[TaggedSentence],
    out: str | Path,
    lang: str,
    gazetteer: Gazetteer | None,
    params: dict | None = None,
    lowercase_copies: bool = True,
) -> Path:
    """Fit a CRF on ``sentences`` and write it to ``out``. ``lowercase_copies``: train on
    every sentence lower-cased as well, so the model also tags text written without
    capitals (such text has features of its own: what it learns from capitals stays)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences:
        trainer.append(sentence_features(s.tokens, lang, gazetteer), list(s.tags))
        if lowercase_copies and not is_uncased(s.tokens):
            low = [t.lower() for t in s.tokens]
            trainer.append(sentence_features(low, lang, gazetteer), list(s.tags))
    trainer.set_params({**TRAIN_PARAMS, **(params or {})})
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(path))
    return path


def evaluate(model: NerModel, sentences: Sequence[TaggedSentence]) -> dict[str, Score]:
    """Entity-level scores per type and ``"ALL"`` (a span counts only when exact)."""
    c: Counter[tuple[str, str]] = Counter()
    for s in sentences:
        gold = set(spans(s.tags))
        pred = set(spans(model.tag(s.tokens)))
        for kind, *_ in pred & gold:
            c[(kind, "tp")] += 1
        for kind, *_ in pred - gold:
            c[(kind, "fp")] += 1
        for kind, *_ in gold - pred:
            c[(kind, "fn")] += 1
    kinds = sorted({k for k, _ in c})
    scores = {k: Score(c[(k, "tp")], c[(k, "fp")], c[(k, "fn")]) for k in kinds}
    scores["ALL"] = Score(*(sum(s_.__getattribute__(f) for s_ in scores.values())
                            for f in ("tp", "fp", "fn")))  # fmt: skip
    return scores


def packaged_model_path(lang: str) -> Path | None:
    """The model shipped in the package for ``lang`` (``warta/models/ner-<lang>.crfsuite``)."""
    ref = resources.files("warta").joinpath("models", f"ner-{lang}.crfsuite")
    if not ref.is_file():
        return None
    # python-crfsuite opens files by path; an installed package is a directory tree
    with resources.as_file(ref) as p:
        return Path(p)


_LOADED: dict[tuple[str, str, int], NerModel] = {}


def load_model(path: str | Path, lang: str, gazetteer: Gazetteer | None) -> NerModel:
    """The model at ``path``, opened once per process (per gazetteer)."""
    key = (str(path), lang, id(gazetteer))
    if key not in _LOADED:  # a read-only model, cached like the gazetteer
        _LOADED[key] = NerModel(path, lang, gazetteer)
    return _LOADED[key]
