"""The model's features come out in the same order in every process (no set order)."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from warta.geo.gazetteer import gazetteer_for
from warta.ner.features import sentence_features
toks = "Menteri Luar Negeri Ruritania bertemu Presiden Prancis di Paris".split()
print(repr(sentence_features(toks, "id", gazetteer_for())))
"""


def test_features_do_not_depend_on_the_hash_seed() -> None:
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True,
                             text=True, check=True)  # fmt: skip
        outs.append(run.stdout)
    assert "lex=" in outs[0]
    assert outs[0] == outs[1] == outs[2]
