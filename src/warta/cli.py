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
    typer.Option("--db", help="DuckDB file (default: $WARTA_DB or ~/.local/share/warta/warta.duckdb)."),
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
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of actor, recipient or place.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="Events ending on/after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Events starting on/before this date.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code or words in its name.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 100,
    fmt: Annotated[RowFormat, typer.Option("--format", "-f")] = RowFormat.table,
    db: Db = None,
    config: Config = None,
) -> None:
    """Query stored events."""
    from .query import EventFilter, query_events
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
        rows = query_events(store, flt)
    _print_rows([row.flat() for row in rows], fmt)


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


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of inputs with their gold .json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    per_file: Annotated[bool, typer.Option("--per-file", help="Also show each file's rows.")] = False,
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
