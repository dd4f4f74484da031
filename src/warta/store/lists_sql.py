"""Filters over articles, claims, entities and places -> parameterised SQL with keyset pages.

Articles and claims are listed newest first; entities and places are aggregated over
articles (one row per name, most-cited first). Every query fetches ``limit + 1`` rows so
the caller knows whether another page follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .sql_parts import Clause, in_bbox, keyset, order_by, within_km

if TYPE_CHECKING:
    from ..lists import ArticleFilter, ClaimFilter, EntityFilter, PlaceFilter

ARTICLE_ORDER = (("coalesce(a.published_day, '')", True), ("a.key", False))
CLAIM_ORDER = (
    ("coalesce(a.published_day, '')", True), ("c.article_key", False), ("c.id", False)
)  # fmt: skip
# aggregated rows are filtered in an outer query, by the names of the inner one
ENTITY_ORDER = (("articles", True), ("name", False), ("type", False))
PLACE_ORDER = (("articles", True), ("name", False), ("gid", False))


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *values: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(values)

    def add_clause(self, clause: Clause) -> None:
        self.add(clause[0], *clause[1])

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _days(w: _Where, column: str, since: str | None, until: str | None) -> None:
    if since:
        w.add(f"{column} >= ?", since)
    if until:
        w.add(f"{column} <= ?", until)


def articles_query(flt: ArticleFilter, cursor: list[Any] | None) -> tuple[str, list[Any]]:
    w = _Where()
    if flt.language:
        w.add("lower(a.language) = lower(?)", flt.language)
    if flt.publisher:
        w.add("contains(lower(concat_ws(' ', a.publisher, a.domain)), lower(?))", flt.publisher)
    if flt.text:
        w.add("contains(lower(a.title), lower(?))", flt.text)
    if flt.has_events:
        w.add("a.n_events > 0")
    _days(w, "a.published_day", flt.since, flt.until)
    if cursor:
        w.add_clause(keyset(ARTICLE_ORDER, cursor))
    sql = (
        "SELECT a.key, a.doc_id, a.url, a.title, a.published, a.language, a.publisher,"
        " a.domain, a.path, a.n_events, a.n_claims, a.n_entities, a.n_places,"
        " coalesce(a.published_day, '') FROM articles a"
        + w.sql() + order_by(ARTICLE_ORDER) + " LIMIT ?"
    )  # fmt: skip
    return sql, [*w.params, flt.limit + 1]


def claims_query(flt: ClaimFilter, cursor: list[Any] | None) -> tuple[str, list[Any]]:
    w = _Where()
    if flt.stance:
        w.add("lower(c.stance) = lower(?)", flt.stance)
    if flt.speaker:
        w.add("contains(lower(c.speaker_text), lower(?))", flt.speaker)
    if flt.text:
        w.add("contains(lower(c.content), lower(?))", flt.text)
    if flt.article:
        w.add("c.article_key = ?", flt.article)
    if flt.language:
        w.add("lower(a.language) = lower(?)", flt.language)
    _days(w, "a.published_day", flt.since, flt.until)
    if cursor:
        w.add_clause(keyset(CLAIM_ORDER, cursor))
    sql = (
        "SELECT c.article_key, c.claim, a.title, a.url, a.published, a.publisher, a.language,"
        " coalesce(a.published_day, '') FROM claims c JOIN articles a ON a.key = c.article_key"
        + w.sql() + order_by(CLAIM_ORDER) + " LIMIT ?"
    )  # fmt: skip
    return sql, [*w.params, flt.limit + 1]


def entities_query(flt: EntityFilter, cursor: list[Any] | None) -> tuple[str, list[Any]]:
    w = _Where()
    if flt.type:
        w.add("upper(type) = upper(?)", flt.type)
    if flt.code:
        w.add("upper(code) = upper(?)", flt.code)
    if flt.sector:
        w.add("contains(lower(sector), lower(?))", flt.sector)
    if flt.name:
        w.add("contains(lower(name), lower(?))", flt.name)
    inner = (
        "SELECT name, type, mode(code) AS code, mode(sector) AS sector,"
        " count(DISTINCT article_key) AS articles, sum(n_mentions) AS mentions"
        " FROM entities" + w.sql() + " GROUP BY name, type"
    )
    outer = _Where()
    if cursor:
        outer.add_clause(keyset(ENTITY_ORDER, cursor))
    sql = f"SELECT * FROM ({inner})" + outer.sql() + order_by(ENTITY_ORDER) + " LIMIT ?"
    return sql, [*w.params, *outer.params, flt.limit + 1]


def places_query(flt: PlaceFilter, cursor: list[Any] | None) -> tuple[str, list[Any]]:
    w = _Where()
    if flt.country:
        w.add("upper(country) = ?", flt.country)
    if flt.precision:
        w.add("lower(precision) = lower(?)", flt.precision)
    if flt.name:
        w.add("contains(lower(name), lower(?))", flt.name)
    if flt.bbox:
        w.add_clause(in_bbox("lat", "lon", flt.bbox))
    if flt.near:
        w.add_clause(within_km("lat", "lon", flt.near))
    inner = (
        "SELECT name, coalesce(geonameid, -1) AS gid, mode(country) AS country,"
        " mode(admin1) AS admin1, mode(feature) AS feature, mode(precision) AS precision,"
        " avg(lat) AS lat, avg(lon) AS lon, count(DISTINCT article_key) AS articles,"
        " sum(n_mentions) AS mentions FROM places" + w.sql()
        + " GROUP BY name, coalesce(geonameid, -1)"
    )  # fmt: skip
    outer = _Where()
    if cursor:
        outer.add_clause(keyset(PLACE_ORDER, cursor))
    sql = f"SELECT * FROM ({inner})" + outer.sql() + order_by(PLACE_ORDER) + " LIMIT ?"
    return sql, [*w.params, *outer.params, flt.limit + 1]
