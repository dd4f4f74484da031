"""Store integrity: does every table agree with every other after whatever happened?

:func:`check_store` reads a store and lists every inconsistency it finds: part rows
without their article, duplicate keys, articles whose stored record JSON does not parse
or disagrees with its part rows and counts, inputs pointing at missing articles. A store
written only through :class:`~warta.store.duck.DuckDBStore` passes it whatever crashed
when, because each batch is one transaction; ``warta check`` runs it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..codec import from_json
from ..errors import RecordError
from ..records import Record
from . import schema
from .duck import DuckDBStore

# Part table -> the articles column counting its rows, and how many of them a record holds.
_COUNTED = {
    "entities": ("n_entities", lambda r: len(r.entities)),
    "places": ("n_places", lambda r: len(r.places)),
    "events": ("n_events", lambda r: len(r.events)),
    "claims": ("n_claims", lambda r: len(r.claims)),
    "quantities": ("n_quantities", lambda r: len(r.quantities)),
}
# Part tables whose (article_key, id) names one row.
_ID_TABLES = ("entities", "places", "events", "claims", "quantities")
# Tables and the column naming one row (duplicates are looked for).
_UNIQUE = (("articles", "key"), ("inputs", "path"), ("failures", "path"))
_CHUNK = 500
_MAX_LISTED = 20  # problems listed one by one per kind; the rest are counted


@dataclass(frozen=True, slots=True)
class IntegrityReport:
    """What :func:`check_store` found. ``problems`` is empty for a consistent store."""

    articles: int
    part_rows: int
    inputs: int
    failures: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        head = (
            f"{self.articles} articles, {self.part_rows} part rows, {self.inputs} inputs, "
            f"{self.failures} failures: "
        )
        if self.ok:
            return head + "consistent"
        return (
            head + f"{len(self.problems)} problem(s)\n" + "\n".join(f"  {p}" for p in self.problems)
        )


def check_store(store: DuckDBStore) -> IntegrityReport:
    """Every inconsistency between the store's tables (see the module docstring)."""
    problems: list[str] = []

    def count(sql: str) -> int:
        return int(store.select(sql)[0][0])

    articles = count("SELECT count(*) FROM articles")
    for table in schema.PART_TABLES:
        # table and column names below come from constant tuples (identifiers, no values)
        orphans = count(
            f"SELECT count(*) FROM {table} WHERE article_key NOT IN (SELECT key FROM articles)"
        )
        if orphans:
            problems.append(f"{table}: {orphans} row(s) whose article is missing")
    for table in _ID_TABLES:
        dups = count(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} GROUP BY article_key, id"
            " HAVING count(*) > 1)"
        )
        if dups:
            problems.append(f"{table}: {dups} (article_key, id) pair(s) stored twice")
    for table, column in _UNIQUE:
        dups = count(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} GROUP BY {column} HAVING count(*) > 1)"
        )
        if dups:
            problems.append(f"{table}: {dups} {column}(s) stored twice")
    dangling = store.select(
        "SELECT path, article_key FROM inputs"
        " WHERE article_key NOT IN (SELECT key FROM articles) ORDER BY path"
    )
    for path, key in dangling[:_MAX_LISTED]:
        problems.append(f"inputs: {path!r} points at missing article {key!r}")
    if len(dangling) > _MAX_LISTED:
        problems.append(f"inputs: {len(dangling) - _MAX_LISTED} more pointing at missing articles")
    problems.extend(_check_records(store))
    part_rows = sum(count(f"SELECT count(*) FROM {t}") for t in schema.PART_TABLES)
    return IntegrityReport(
        articles=articles,
        part_rows=part_rows,
        inputs=count("SELECT count(*) FROM inputs"),
        failures=count("SELECT count(*) FROM failures"),
        problems=tuple(problems),
    )


def _check_records(store: DuckDBStore) -> list[str]:
    """Each article's record parses and agrees with its row, its counts and its part rows."""
    per_table: dict[str, Counter[str]] = {
        table: Counter(
            dict(store.select(f"SELECT article_key, count(*) FROM {table} GROUP BY article_key"))
        )
        for table in (*_COUNTED, "entity_mentions")
    }
    mentions = per_table.pop("entity_mentions")
    columns = ", ".join(column for column, _ in _COUNTED.values())
    problems: list[str] = []
    cur = store.con.execute(f"SELECT key, doc_id, record, {columns} FROM articles ORDER BY key")
    while rows := cur.fetchmany(_CHUNK):
        for key, doc_id, text, *stored_counts in rows:
            problems.extend(_check_one(key, doc_id, text, stored_counts, per_table, mentions))
            if len(problems) > 10 * _MAX_LISTED:
                problems.append("... (stopped listing record problems)")
                return problems
    return problems


def _check_one(
    key: str,
    doc_id: str,
    text: str | None,
    stored_counts: list[Any],
    per_table: dict[str, Counter[str]],
    mentions: Counter[str],
) -> list[str]:
    try:
        record: Record = from_json(text or "")
    except (RecordError, ValueError) as exc:
        return [f"articles: record of {key!r} does not parse: {str(exc)[:120]}"]
    out = []
    if record.doc_id != doc_id:
        out.append(f"articles: {key!r} row doc_id {doc_id!r} but record {record.doc_id!r}")
    for (table, (column, in_record)), stored in zip(_COUNTED.items(), stored_counts, strict=True):
        want, rows = in_record(record), per_table[table].get(key, 0)
        if not want == stored == rows:
            out.append(
                f"{table}: {key!r} has {rows} row(s), {column} = {stored}, record holds {want}"
            )
    want_mentions = sum(len(e.mentions) for e in record.entities)
    if mentions.get(key, 0) != want_mentions:
        out.append(
            f"entity_mentions: {key!r} has {mentions.get(key, 0)} row(s),"
            f" record holds {want_mentions}"
        )
    return out
