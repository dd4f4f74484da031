"""Statistical named-entity recognition trained by warta itself (``warta train-ner``).

A CRF over word-shape, affix, context and lexicon-membership features, trained from
CoNLL/BIO files the user points at; the Indonesian model trained on idner-news-2k ships
in ``warta/models``. The entity stage uses it through
:class:`warta.entities.ner_finder.ModelMentionFinder`.
"""

from __future__ import annotations

from .conll import TaggedSentence, read_conll, spans
from .model import NerModel, NerSpan, Score, evaluate, load_model, packaged_model_path, train

__all__ = [
    "NerModel",
    "NerSpan",
    "Score",
    "TaggedSentence",
    "evaluate",
    "load_model",
    "packaged_model_path",
    "read_conll",
    "spans",
    "train",
]
