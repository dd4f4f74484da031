"""The store's tables: one per record part, plus failures and input bookkeeping.

Columns are declared once here; the DDL and the bulk inserts are both built from these
constant names (identifiers only; values always travel as parameters). Event rows carry
their article's language/publisher/published and their place's country and coordinates
so the usual filters never parse JSON or join.
"""

from __future__ import annotations

SCHEMA_VERSION = "1"

Columns = tuple[tuple[str, str], ...]

ARTICLES: Columns = (
    ("key", "VARCHAR"), ("doc_id", "VARCHAR"), ("path", "VARCHAR"), ("url", "VARCHAR"),
    ("title", "VARCHAR"), ("published", "VARCHAR"), ("published_day", "VARCHAR"),
    ("language", "VARCHAR"), ("publisher", "VARCHAR"), ("domain", "VARCHAR"),
    ("dateline", "VARCHAR"), ("authors", "VARCHAR[]"), ("text_chars", "INTEGER"),
    ("n_entities", "INTEGER"), ("n_places", "INTEGER"), ("n_events", "INTEGER"),
    ("n_claims", "INTEGER"), ("n_quantities", "INTEGER"), ("record", "VARCHAR"),
    ("stored_at", "TIMESTAMP"),
)  # fmt: skip
ENTITIES: Columns = (
    ("article_key", "VARCHAR"), ("id", "VARCHAR"), ("name", "VARCHAR"), ("type", "VARCHAR"),
    ("code", "VARCHAR"), ("sector", "VARCHAR"), ("role", "VARCHAR"), ("n_mentions", "INTEGER"),
)  # fmt: skip
ENTITY_MENTIONS: Columns = (
    ("article_key", "VARCHAR"), ("entity_id", "VARCHAR"), ("span_start", "INTEGER"),
    ("span_end", "INTEGER"), ("text", "VARCHAR"),
)  # fmt: skip
PLACES: Columns = (
    ("article_key", "VARCHAR"), ("id", "VARCHAR"), ("name", "VARCHAR"),
    ("geonameid", "BIGINT"), ("feature", "VARCHAR"), ("country", "VARCHAR"),
    ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("precision", "VARCHAR"),
    ("n_mentions", "INTEGER"), ("place", "VARCHAR"),
)  # fmt: skip
EVENTS: Columns = (
    ("article_key", "VARCHAR"), ("id", "VARCHAR"), ("type", "VARCHAR"), ("mode", "VARCHAR"),
    ("status", "VARCHAR"), ("trigger", "VARCHAR"),
    ("actor_text", "VARCHAR"), ("actor_entity", "VARCHAR"), ("actor_code", "VARCHAR"),
    ("actor_sector", "VARCHAR"), ("recipient_text", "VARCHAR"), ("recipient_entity", "VARCHAR"),
    ("recipient_code", "VARCHAR"), ("recipient_sector", "VARCHAR"),
    ("place_id", "VARCHAR"), ("place_name", "VARCHAR"), ("country", "VARCHAR"),
    ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("date_start", "VARCHAR"), ("date_end", "VARCHAR"), ("date_precision", "VARCHAR"),
    ("language", "VARCHAR"), ("publisher", "VARCHAR"), ("published", "VARCHAR"),
    ("published_day", "VARCHAR"), ("event", "VARCHAR"),
)  # fmt: skip
CLAIMS: Columns = (
    ("article_key", "VARCHAR"), ("id", "VARCHAR"), ("speaker_text", "VARCHAR"),
    ("speaker_entity", "VARCHAR"), ("stance", "VARCHAR"), ("cue", "VARCHAR"),
    ("content", "VARCHAR"), ("date", "VARCHAR"), ("events", "VARCHAR[]"), ("claim", "VARCHAR"),
)  # fmt: skip
QUANTITIES: Columns = (
    ("article_key", "VARCHAR"), ("id", "VARCHAR"), ("text", "VARCHAR"), ("value", "DOUBLE"),
    ("qualifier", "VARCHAR"), ("unit", "VARCHAR"), ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
)  # fmt: skip
INPUTS: Columns = (
    ("path", "VARCHAR"), ("content_hash", "VARCHAR"), ("article_key", "VARCHAR"),
    ("stored_at", "TIMESTAMP"),
)  # fmt: skip
FAILURES: Columns = (
    ("path", "VARCHAR"), ("reason", "VARCHAR"), ("detail", "VARCHAR"), ("time", "TIMESTAMP"),
)  # fmt: skip

# Cross-article merging (warta.merge): per-article and per-event signatures, the links
# between articles and between events (kept, with evidence and score, so a merge can be
# undone and redone), and the clusters recomputed from the active links.
MERGE_ARTICLES: Columns = (
    ("key", "VARCHAR"), ("doc_id", "VARCHAR"), ("stored_at", "TIMESTAMP"),
    ("published", "VARCHAR"), ("published_ts", "DOUBLE"), ("outlet", "VARCHAR"),
    ("cited", "VARCHAR[]"), ("language", "VARCHAR"), ("n_shingles", "INTEGER"),
    ("minhash", "UBIGINT[]"), ("emb", "FLOAT[]"), ("temb", "FLOAT[]"), ("encoder", "VARCHAR"),
)  # fmt: skip
MERGE_EVENTS: Columns = (
    ("article_key", "VARCHAR"), ("event_id", "VARCHAR"), ("type", "VARCHAR"),
    ("actor_code", "VARCHAR"), ("recipient_code", "VARCHAR"), ("geonameid", "BIGINT"),
    ("country", "VARCHAR"), ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("precision", "VARCHAR"), ("date_start", "VARCHAR"), ("date_end", "VARCHAR"),
    ("published_ts", "DOUBLE"), ("emb", "FLOAT[]"),
)  # fmt: skip
MERGE_LINKS: Columns = (
    ("id", "VARCHAR"), ("level", "VARCHAR"), ("a_key", "VARCHAR"), ("a_event", "VARCHAR"),
    ("b_key", "VARCHAR"), ("b_event", "VARCHAR"), ("kind", "VARCHAR"), ("score", "DOUBLE"),
    ("evidence", "VARCHAR"), ("state", "VARCHAR"), ("decided_by", "VARCHAR"),
    ("updated", "TIMESTAMP"),
)  # fmt: skip
ARTICLE_CLUSTERS: Columns = (
    ("key", "VARCHAR"), ("cluster_id", "VARCHAR"), ("position", "INTEGER"), ("role", "VARCHAR"),
    ("relay_of", "VARCHAR"), ("origin", "VARCHAR"), ("score", "DOUBLE"),
)  # fmt: skip
MERGED_EVENTS: Columns = (
    ("id", "VARCHAR"), ("type", "VARCHAR"), ("n_events", "INTEGER"), ("n_articles", "INTEGER"),
    ("n_sources", "INTEGER"), ("sources", "VARCHAR[]"), ("actor_code", "VARCHAR"),
    ("actor_text", "VARCHAR"), ("recipient_code", "VARCHAR"), ("recipient_text", "VARCHAR"),
    ("place_name", "VARCHAR"), ("country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("date_start", "VARCHAR"), ("date_end", "VARCHAR"), ("first_published", "VARCHAR"),
    ("first_article", "VARCHAR"), ("languages", "VARCHAR[]"), ("score", "DOUBLE"),
    ("claims", "VARCHAR"), ("quantities", "VARCHAR"), ("summary", "VARCHAR"),
)  # fmt: skip
MERGED_MEMBERS: Columns = (
    ("merged_id", "VARCHAR"), ("article_key", "VARCHAR"), ("event_id", "VARCHAR"),
)  # fmt: skip
MERGE_TABLES: dict[str, Columns] = {
    "merge_articles": MERGE_ARTICLES,
    "merge_events": MERGE_EVENTS,
    "merge_links": MERGE_LINKS,
    "article_clusters": ARTICLE_CLUSTERS,
    "merged_events": MERGED_EVENTS,
    "merged_members": MERGED_MEMBERS,
}

# Tables holding an article's parts, all keyed by article_key (deleted with the article).
PART_TABLES: dict[str, Columns] = {
    "entities": ENTITIES,
    "entity_mentions": ENTITY_MENTIONS,
    "places": PLACES,
    "events": EVENTS,
    "claims": CLAIMS,
    "quantities": QUANTITIES,
}
_PRIMARY = {
    "articles": "key", "inputs": "path", "failures": "path", "meta": "name",
    "merge_articles": "key", "merge_links": "id", "article_clusters": "key",
    "merged_events": "id",
}  # fmt: skip


def _create(table: str, columns: Columns) -> str:
    cols = ", ".join(f'"{name}" {kind}' for name, kind in columns)
    pk = _PRIMARY.get(table)
    return f"CREATE TABLE IF NOT EXISTS {table} ({cols}" + (
        f', PRIMARY KEY ("{pk}"))' if pk else ")"
    )


DDL: tuple[str, ...] = (
    _create("meta", (("name", "VARCHAR"), ("value", "VARCHAR"))),
    _create("articles", ARTICLES),
    *(_create(name, cols) for name, cols in PART_TABLES.items()),
    _create("inputs", INPUTS),
    _create("failures", FAILURES),
    *(_create(name, cols) for name, cols in MERGE_TABLES.items()),
)


def insert_sql(table: str, columns: Columns) -> str:
    """Bulk insert of one parameter list per column (row i = item i of every list).

    DuckDB's executemany runs one statement per row (~6k rows/s here); unnesting column
    lists inserts a whole batch in one statement (~250k rows/s).
    """
    names = ", ".join(f'"{name}"' for name, _ in columns)
    values = ", ".join(f"unnest(?::{kind}[])" for _, kind in columns)
    return f"INSERT INTO {table} ({names}) SELECT {values}"
