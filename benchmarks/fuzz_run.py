"""Heavier fuzz and torture run: the nasty corpus at full size, then random documents.

    .venv/bin/python benchmarks/fuzz_run.py [--docs 300] [--seed 1] [--big-mb 50]

Prints inputs tried, crashes (an exception out of the readers/pipeline/store, or a stage
failure reported as "internal"), inputs lost (neither stored nor reported), failures by
reason, the slowest documents, and the process's peak resident memory. Exit 1 when any
crash or loss happened. The CI suite (tests/robust) runs the same checks, bounded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robust"))

from robust_common import unaccounted  # noqa: E402
from robust_corpus import ENGLISH, NASTY_CHARS, SENTENCE, write_corpus  # noqa: E402

from warta.errors import InputError  # noqa: E402
from warta.pipeline import Pipeline  # noqa: E402
from warta.runner import ingest  # noqa: E402
from warta.settings import load_settings  # noqa: E402
from warta.store import DuckDBStore  # noqa: E402
from warta.store.integrity import check_store  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


MARKUP = ["<p>", "</div>", "<script>x</script>", "<a href='javascript:1'>", "<!--",
          "<![CDATA[", "&#0;", "&#xD800;", "<b><i>"]  # fmt: skip
DATES = ["1 Januari 0001 ", "31 Desember 9999 ", "tahun 99999 ", "30 Februari 2024 ",
         "-0044-03-15 ", "Senin lalu "]  # fmt: skip


def random_doc(rng: random.Random, n: int) -> bytes:
    """A page of random news-ish text, nasty characters, markup and bytes."""
    parts = [f"Berita {n}. "]
    for _ in range(rng.randrange(1, 30)):
        pick = rng.random()
        if pick < 0.4:
            parts.append(SENTENCE if rng.random() < 0.7 else ENGLISH)
        elif pick < 0.6:
            # NUL makes a whole file "binary": rarely, so most pages reach the pipeline
            chars = NASTY_CHARS if rng.random() < 0.05 else NASTY_CHARS.replace("\x00", "")
            parts.append("".join(rng.choice(chars) for _ in range(rng.randrange(1, 20))))
        elif pick < 0.75:
            parts.append(rng.choice(MARKUP))
        elif pick < 0.95:
            parts.append(rng.choice(DATES))
        else:
            raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 40)))
            parts.append(raw.decode("latin-1"))
    text = "".join(parts)
    encoding = rng.choice(["utf-8", "utf-8", "cp1252", "utf-16", "latin-1"])
    if encoding == "utf-8":
        return text.encode("utf-8", "surrogatepass")
    return text.encode(encoding, errors="replace")


def write_inputs(folder: Path, args: argparse.Namespace, seed: float) -> None:
    rng = random.Random(seed)
    write_corpus(folder / "corpus", big_mb=args.big_mb, bomb_mb=args.bomb_mb,
                 long_chars=3_000_000)  # fmt: skip
    rand = folder / "random"
    rand.mkdir()
    for n in range(args.docs):
        ext = rng.choice([".txt", ".html", ".txt", ".json", ".jsonl", ".csv"])
        (rand / f"r{n:05d}{ext}").write_bytes(random_doc(rng, n))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=300, help="random documents after the corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big-mb", type=int, default=50)
    ap.add_argument("--bomb-mb", type=int, default=256)
    ap.add_argument("--max-seconds", type=float, default=20.0)
    args = ap.parse_args()
    settings = replace(load_settings(None), max_seconds_per_doc=args.max_seconds)
    rng = random.Random(args.seed)
    crashes: list[str] = []
    reasons: Counter[str] = Counter()
    slow: list[tuple[float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        # written by a child process: building the bombs must not count in our peak memory
        writer = multiprocessing.get_context("fork").Process(
            target=write_inputs, args=(folder, args, rng.random())
        )
        writer.start()
        writer.join()
        pipeline = Pipeline(settings)
        base_mb = peak_mb()
        last = [time.monotonic(), ""]

        def failed(error: InputError) -> None:
            reasons[error.reason] += 1
            if error.reason == "internal":
                crashes.append(str(error))

        def progress(done: int, total: int | None) -> None:
            now = time.monotonic()
            slow.append((now - last[0], str(done)))
            last[0] = now

        started = time.monotonic()
        store = DuckDBStore(Path(tmp) / "fuzz.duckdb")
        try:
            summary = ingest(
                [str(folder)],
                pipeline,
                store,
                settings=settings,
                on_failure=failed,
                progress=progress,
            )
        except Exception as exc:  # a crash out of the runner: the batch died
            crashes.append(f"runner: {type(exc).__name__}: {exc}")
            summary = None
        lost = unaccounted([str(folder)], store)
        problems = check_store(store).problems
        store.close()
    seconds = time.monotonic() - started
    print(
        f"inputs tried: {summary.read if summary else '?'} "
        f"({args.docs} random documents + the nasty corpus)"
    )
    if summary:
        print(f"stored: {summary.stored}  failed: {summary.failed}  in {seconds:.0f} s")
    print("failures by reason: " + ", ".join(f"{r} {n}" for r, n in sorted(reasons.items())))
    print(f"crashes: {len(crashes)}")
    for c in crashes[:20]:
        print(f"  {c[:300]}")
    print(f"inputs lost: {len(lost)}")
    for p in lost[:20]:
        print(f"  {p}")
    print(f"store integrity problems: {len(problems)}")
    print(f"slowest documents (s): {', '.join(f'{s:.1f}' for s, _ in sorted(slow)[-5:])}")
    print(f"peak RSS: {peak_mb():.0f} MB (after loading the pipeline: {base_mb:.0f} MB)")
    return 1 if crashes or lost or problems else 0


if __name__ == "__main__":
    sys.exit(main())
