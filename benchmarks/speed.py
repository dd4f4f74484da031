"""Speed benchmark: warta's throughput beside baselines measured in the same run.

    .venv/bin/python benchmarks/speed.py [--text 300] [--html 100] [--scale 400] [--json]
                                         [--profile 25]

Prints one table:
- text articles/s end to end (the JSONL corpus) beside the floor: a bare read + sentence
  split + tokenise pass over the same rows (``warta.text``);
- HTML articles/s end to end (trafilatura-eval pages) beside trafilatura's extraction
  alone on the same pages (``extract`` with the options warta's cleaner uses; the cleaner
  itself runs the same steps less the metadata it does not read);
- per-stage time shares (``Pipeline.on_stage``), peak RSS, start-up (a cold process
  until its first record: the median of ``--cold`` runs, as one run varies by a third on
  a shared machine; run as a normal install, with bytecode written by a warm-up run even
  where ``PYTHONDONTWRITEBYTECODE`` is set);
- scaling: the partitioned runner on a local Dask cluster with 1 and with 2 workers;
- with ``--profile N``: the N warta functions with the most time of their own in the text
  and HTML runs (cProfile, run after the timed passes so it does not slow them).

Rates are given per wall second and per CPU second of this process: on a machine shared
with other work, CPU seconds are what one core really spent, wall seconds are not.
Inputs are read from ../shared (measurement only; the product never reads them).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "id-news-2025-06-18.jsonl"
HTML_DIR = ROOT.parent / "shared" / "data" / "trafilatura-eval" / "tests" / "cache"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], int]) -> tuple[int, float, float]:
    """(items, wall s, cpu s) of ``fn()``, which returns how many items it did."""
    wall, cpu = time.perf_counter(), time.process_time()
    n = fn()
    return n, time.perf_counter() - wall, time.process_time() - cpu


def text_docs(n: int, settings):  # type: ignore[no-untyped-def]
    from warta.ingest.readers import read_inputs

    return list(itertools.islice(read_inputs([str(CORPUS)], settings), n))


def html_docs(n: int):  # type: ignore[no-untyped-def]
    from warta.ingest import RawDocument

    files = sorted(HTML_DIR.glob("*.html.gz"))[:n]
    return [
        RawDocument(str(f), gzip.decompress(f.read_bytes()).decode("utf-8", "replace"), "html")
        for f in files
    ]


def floor_pass(settings) -> int:  # type: ignore[no-untyped-def]
    """Read every row and split it into sentences and tokens: nothing can be faster."""
    from warta.ingest import RawDocument
    from warta.ingest.readers import read_inputs
    from warta.text import sentences, tokens

    n = 0
    for doc in itertools.islice(read_inputs([str(CORPUS)], settings), FLOOR_N):
        if isinstance(doc, RawDocument):
            sentences(doc.content)
            sum(1 for _ in tokens(doc.content))
        n += 1
    return n


def trafilatura_pass(pages: Iterable) -> int:  # type: ignore[type-arg]
    import trafilatura

    n = 0
    for doc in pages:
        trafilatura.extract(
            doc.content, output_format="json", with_metadata=True,
            include_comments=False, include_tables=True, favor_precision=False,
        )  # fmt: skip
        n += 1
    return n


def pipeline_pass(pipeline, docs) -> int:  # type: ignore[no-untyped-def]
    return sum(1 for _ in pipeline.process(docs))


def hotspots(pipeline, docs, top: int) -> str:  # type: ignore[no-untyped-def]
    """The ``top`` warta functions by own time over ``docs``, with cumulative time and calls."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.runcall(pipeline_pass, pipeline, docs)
    stats = pstats.Stats(prof)
    total = stats.total_tt or 1.0  # type: ignore[attr-defined]
    rows = [
        (own, cum, calls, f"{file.split('src/warta/')[-1]}:{line} {name}")
        for (file, line, name), (_, calls, own, cum, _) in stats.stats.items()  # type: ignore[attr-defined]
        if "src/warta/" in file
    ]
    out = [f"{'own':>6} {'cum':>6} {'calls':>8}  function (shares of profiled time)"]
    for own, cum, calls, where in sorted(rows, reverse=True)[:top]:
        out.append(f"{own / total:6.1%} {cum / total:6.1%} {calls:8d}  {where}")
    return "\n".join(out)


def cold_start(runs: int = 1) -> tuple[float, float]:
    """Median (wall, CPU) seconds from interpreter start to the first record, each in a
    fresh process, as in a normal install: the children run without
    ``PYTHONDONTWRITEBYTECODE`` (a wheel install has its ``.pyc``), after one untimed
    warm-up run that writes the bytecode and fills warta's disk caches."""
    code = (
        "import time; t=time.perf_counter()\n"
        "from warta import Pipeline, load_settings, read_inputs\n"
        "s=load_settings(); p=Pipeline(s)\n"
        f"next(p.process(read_inputs([{str(CORPUS)!r}], s)))\n"
        "print(time.perf_counter()-t, time.process_time())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # timed inside the child: interpreter start-up itself (~30 ms) is not warta's
    walls, cpus = [], []
    for i in range(max(1, runs) + 1):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        if i == 0:
            continue  # the warm-up
        wall, cpu = out.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return statistics.median(walls), statistics.median(cpus)


def scaling(n: int, settings) -> dict[int, tuple[float, int]]:  # type: ignore[no-untyped-def]
    """Wall seconds (and inputs) of the Dask runner on the first ``n`` rows, 1 and 2 workers."""
    from warta.runners.engine import run_partitions

    out: dict[int, tuple[float, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "rows.jsonl"
        with open(CORPUS, "rb") as f, open(src, "wb") as g:
            g.writelines(itertools.islice(f, n))
        for workers in (1, 2):
            summary = run_partitions([str(src)], settings, Path(tmp) / f"out{workers}",
                                     engine="dask", workers=workers,
                                     rows_per_partition=max(25, n // 8))  # fmt: skip
            assert summary.reconciled
            out[workers] = (summary.seconds, summary.read)
    return out


FLOOR_N = 0


def main() -> None:
    global FLOOR_N
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", type=int, default=300, help="text articles (JSONL rows)")
    ap.add_argument("--html", type=int, default=100, help="HTML pages")
    ap.add_argument(
        "--scale", type=int, default=400, help="rows for the 1 vs 2 worker run (0: skip)"
    )
    ap.add_argument("--cold", type=int, default=5, help="cold starts (median reported)")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also list the N warta functions with the most own time")  # fmt: skip
    args = ap.parse_args()
    FLOOR_N = args.text

    from warta.pipeline import Pipeline
    from warta.runners.timing import StageTimes
    from warta.settings import load_settings

    res: dict[str, object] = {
        "start_to_first_record_s": [round(x, 2) for x in cold_start(args.cold)]
    }
    settings = load_settings()
    started = time.perf_counter()
    pipeline = Pipeline(settings)  # disk caches are warm after the cold start above
    res["pipeline_build_s"] = round(time.perf_counter() - started, 2)
    texts = text_docs(args.text, settings)
    n, w, c = timed(lambda: floor_pass(settings))
    res["floor"] = (n / w, n / c)
    text_times = StageTimes().attach(pipeline)
    n, w, c = timed(lambda: pipeline_pass(pipeline, texts))
    res["text"] = (n / w, n / c)
    res["rss_after_text_mb"] = round(rss_mb())
    pages = html_docs(args.html)
    n, w, c = timed(lambda: trafilatura_pass(pages))
    res["trafilatura"] = (n / w, n / c)
    html_times = StageTimes().attach(pipeline)
    n, w, c = timed(lambda: pipeline_pass(pipeline, pages))
    res["html"] = (n / w, n / c)
    res["rss_peak_mb"] = round(rss_mb())
    res["stages_text"] = {s.name: round(s.share, 3) for s in text_times.shares()}
    res["stages_html"] = {s.name: round(s.share, 3) for s in html_times.shares()}
    if args.scale:
        res["scaling"] = scaling(args.scale, settings)
    res["load_avg"] = os.getloadavg()[0]
    if args.profile:
        pipeline.on_stage = None
        res["hotspots_text"] = hotspots(pipeline, texts, args.profile)
        res["hotspots_html"] = hotspots(pipeline, pages, args.profile)
    if args.json:
        print(json.dumps(res, indent=1))
    else:
        print(table(res, args))
        for kind in ("text", "html"):
            if f"hotspots_{kind}" in res:
                print(f"\nhotspots ({kind}):\n{res[f'hotspots_{kind}']}")


def table(res: dict, args: argparse.Namespace) -> str:  # type: ignore[type-arg]
    rows = ["| measure | warta | baseline (same run) | warta / baseline |", "|---|---|---|---|"]
    for label, ours, base, base_name in (
        (f"text articles/s ({args.text} JSONL rows)", "text", "floor", "read+tokenise floor"),
        (f"HTML pages/s ({args.html} pages)", "html", "trafilatura", "trafilatura.extract alone"),
    ):
        (ow, oc), (bw, bc) = res[ours], res[base]
        if not bw or not bc:  # none of this kind asked for (--html 0)
            continue
        rows.append(f"| {label}, wall | {ow:.1f} | {bw:.1f} ({base_name}) | {ow / bw:.3f} |")
        rows.append(f"| {label}, per CPU-second | {oc:.1f} | {bc:.1f} | {oc / bc:.3f} |")
    wall, cpu = res["start_to_first_record_s"]
    rows.append(
        f"| start to first record (cold process, median of {args.cold}), wall / CPU "
        f"| {wall} / {cpu} s | target <= 1 s | |"
    )
    rows.append(f"| pipeline build (warm, in process) | {res['pipeline_build_s']} s | | |")
    rss = f"{res['rss_after_text_mb']} / {res['rss_peak_mb']} MB"
    rows.append(f"| peak RSS after text / after all | {rss} | target <= 400 MB | |")
    if "scaling" in res:
        (w1, n1), (w2, n2) = res["scaling"][1], res["scaling"][2]
        rates = f"{n1 / w1:.1f} / {n2 / w2:.1f} inputs/s"
        rows.append(
            f"| Dask runner, {n1} rows: 1 / 2 workers | {rates} | | speed-up {w1 / w2:.2f}x |"
        )
    rows.append(f"| load average during run | {res['load_avg']:.1f} | | |")
    out = "\n".join(rows) + "\n\nper-stage time shares (text | HTML):\n"
    for name in res["stages_text"]:
        text, html = res["stages_text"][name], res["stages_html"].get(name, 0)
        out += f"  {name:<11} {text * 100:5.1f}% | {html * 100:5.1f}%\n"
    return out


if __name__ == "__main__":
    main()
