"""Furniture left in cleaned scraper rows, estimated by checks independent of the cleaner.

Usage: .venv/bin/python benchmarks/corpus_furniture.py ../shared/corpus/id-news-2025-06-18.jsonl
       [--sample 200] [--seed 7] [--show]

Cleans every row (throughput: articles/s, wall and CPU), then for a seeded random sample
flags each remaining body line that looks like furniture by three checks that do not use
the cleaner's own line classifier:

- short: fewer than 6 words and no sentence punctuation at its end;
- cue: a cue phrase from every language's furniture.toml (read-also cues, credit markers,
  rule patterns with their anchors dropped) at the start of the line, or anywhere in a line
  of at most 12 words;
- repeated: the line (case, digits and spacing folded) stands in the raw body of at least
  ``REPEAT_MIN`` articles of the same outlet across the whole corpus (templates repeat,
  reporting does not).

The same checks over the raw input lines of the sample give the "before cleaning" figure.
``--show`` prints every flagged line so the flags can be read by hand. Reads the corpus
only to measure.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from warta import lang as langdata
from warta.extract import make_cleaner
from warta.ingest import RawDocument
from warta.ingest.readers import read_file
from warta.settings import load_settings

REPEAT_MIN = 5
SHORT_WORDS = 6
_WORD = re.compile(r"[^\W_]+")
_END = re.compile(r"[.!?…:;][\"'”’)\]]*$|[\"”’]$")


def _key(line: str) -> str:
    """Case, digits, spacing and punctuation folded: glue repair and numbers don't matter."""
    return re.sub(r"\d", "0", re.sub(r"[\W_]+", "", line.casefold()))


def _cue_patterns() -> list[re.Pattern[str]]:
    """Cue phrases and rule patterns of every language shipped with warta."""
    root = Path(langdata.__file__).parent
    pats: list[re.Pattern[str]] = []
    for folder in sorted(p for p in root.iterdir() if (p / "furniture.toml").exists()):
        fur = langdata.load(folder.name, "furniture")
        for cue in fur.get("read_also_cues", []):
            pats.append(re.compile(rf"\b{re.escape(cue)}\b", re.I))
        pats += [re.compile(m) for m in fur.get("credit_markers", [])]
        for rule in fur.get("rule", []):
            core = rule["pattern"].lstrip("^").rstrip("$")
            if re.search(r"[a-z]{3}", core):  # skip pure-punctuation shapes (separators)
                pats.append(re.compile(rf"(?<!\w)(?:{core})(?!\w)", re.I))
    return pats


class Checks:
    def __init__(self, docs: list[RawDocument]) -> None:
        self.cues = _cue_patterns()
        seen: dict[tuple[str, str], set[int]] = defaultdict(set)
        for i, d in enumerate(docs):
            for line in d.content.split("\n"):
                k = _key(line)
                if k:
                    seen[(_outlet(d), k)].add(i)
        self.repeated = {ok for ok, ids in seen.items() if len(ids) >= REPEAT_MIN}

    def flags(self, line: str, outlet: str) -> list[str]:
        out = []
        n = len(_WORD.findall(line))
        if n < SHORT_WORDS and not _END.search(line):
            out.append("short")
        for p in self.cues:
            m = p.search(line)
            if m and (m.start() == 0 or n <= 12):
                out.append("cue")
                break
        if (outlet, _key(line)) in self.repeated:
            out.append("repeated")
        return out


def _outlet(d: RawDocument) -> str:
    if d.meta.source:
        return d.meta.source
    parts = (d.meta.url or "").split("/")
    return parts[2] if len(parts) > 2 else ""


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


def main(path: str, sample: int, seed: int, show: bool) -> None:
    settings = load_settings()
    docs = [d for d in read_file(path, settings) if isinstance(d, RawDocument)]
    cleaner = make_cleaner(settings)
    cleaner(docs[0])  # load the tables before timing
    wall, cpu = time.perf_counter(), time.process_time()
    texts = [cleaner(d).article.text for d in docs]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    checks = Checks(docs)
    picked = sorted(random.Random(seed).sample(range(len(docs)), min(sample, len(docs))))
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    listing: list[str] = []
    for i in picked:
        outlet = _outlet(docs[i])
        for ln in _lines(docs[i].content):
            f = checks.flags(ln, outlet)
            before.update(f)
            before["any"] += bool(f)
            before["both"] += len(f) >= 2
            before["lines"] += 1
        for ln in _lines(texts[i]):
            f = checks.flags(ln, outlet)
            after.update(f)
            after["any"] += bool(f)
            after["both"] += len(f) >= 2
            after["lines"] += 1
            if f:
                listing.append(f"{docs[i].path.rsplit('#', 1)[-1]:>5} {','.join(f):<22} {ln[:150]}")
    n = len(picked)
    print(f"{len(docs)} articles cleaned in {wall:.1f} s wall ({len(docs) / wall:.1f} articles/s), "
          f"{cpu:.1f} s CPU ({len(docs) / cpu:.1f} articles/s per core)")  # fmt: skip
    print(
        f"sample: {n} articles (seed {seed}); repeated = in >= {REPEAT_MIN} articles of an outlet"
    )
    print(f"{'flagged lines per 1,000 articles':<34}{'short':>8}{'cue':>8}{'repeated':>9}"
          f"{'any':>8}{'2+ checks':>10}{'lines':>9}")  # fmt: skip
    for name, c in (("raw input (before cleaning)", before), ("cleaned body", after)):
        cells = "".join(
            f"{1000 * c[k] / n:>{w}.0f}"
            for k, w in (("short", 8), ("cue", 8), ("repeated", 9), ("any", 8), ("both", 10))
        )
        print(f"{name:<34}{cells}{1000 * c['lines'] / n:>9.0f}")
    if show:
        print("\n".join(listing))


if __name__ == "__main__":
    args = sys.argv[1:]
    opt = {a: args[args.index(a) + 1] for a in ("--sample", "--seed") if a in args}
    files = [a for a in args if not a.startswith("--") and a not in opt.values()]
    main(files[0], int(opt.get("--sample", 200)), int(opt.get("--seed", 7)), "--show" in args)
