"""Entity-level P/R/F1 per type of warta's NER model on CoNLL/BIO test files.

Usage:
  .venv/bin/python benchmarks/ner_idner.py [--model PATH] [--train FILE] [FILE ...]
Without --model the packaged Indonesian model is used; --train FILE first trains a model
into a temporary file (what ``warta train-ner`` does). Default test file:
../shared/data/idner-news-2k/dev.txt. Reads the data only to measure.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from warta.geo.gazetteer import gazetteer_for
from warta.ner import evaluate, load_model, packaged_model_path, read_conll, train

DEFAULT = "../shared/data/idner-news-2k/dev.txt"


def main(argv: list[str]) -> None:
    model_path = packaged_model_path("id")
    train_file = None
    files: list[str] = []
    it = iter(argv)
    for a in it:
        if a == "--model":
            model_path = Path(next(it))
        elif a == "--train":
            train_file = next(it)
        else:
            files.append(a)
    gaz = gazetteer_for()
    if train_file:
        t0 = time.time()
        model_path = Path(tempfile.mkdtemp()) / "ner.crfsuite"
        train(read_conll(train_file), model_path, "id", gaz)
        size = model_path.stat().st_size / 1e6
        print(f"trained on {train_file} in {time.time() - t0:.1f} s ({size:.1f} MB)")
    if model_path is None:
        raise SystemExit("no model: pass --model or --train")
    model = load_model(model_path, "id", gaz)
    for f in files or [DEFAULT]:
        sents = read_conll(f)
        t0 = time.time()
        scores = evaluate(model, sents)
        dt = time.time() - t0
        ntok = sum(len(s.tokens) for s in sents)
        print(f"\n{f}  ({len(sents)} sentences, {ntok / dt:.0f} tokens/s)")
        print(f"{'type':<6} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
        for kind, s in scores.items():
            print(f"{kind:<6} {s.tp:>5} {s.fp:>5} {s.fn:>5} "
                  f"{s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
