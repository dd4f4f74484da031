"""Near-duplicates, boilerplate, relays and independent sources (lexical encoder, no model)."""

from __future__ import annotations

from merge_helpers import FLOOD, MEDAN, article

from warta.merge import merge_store
from warta.merge.cluster import cluster
from warta.query import EventFilter, query_merged_events
from warta.store import MemoryStore

ORIGINAL = article(
    "https://kabarsatu.example/banjir-medan", "Banjir Rendam Ratusan Rumah di Medan", FLOOD,
    publisher="Kabar Satu", published="2025-06-10T21:00:00+07:00",
    event=("AID", None, None, "Petugas gabungan mengerahkan perahu karet"), place=MEDAN,
)  # fmt: skip
# a syndicated copy: another outlet, a new headline, a few words changed
COPY = article(
    "https://beritadua.example/medan-banjir", "Ratusan Rumah di Medan Terendam Banjir",
    FLOOD.replace("Selasa malam", "Selasa (10/6) malam").replace("enam jam", "6 jam"),
    publisher="Berita Dua", published="2025-06-10T23:00:00+07:00",
    event=("AID", None, None, "Petugas gabungan mengerahkan perahu karet"), place=MEDAN,
)  # fmt: skip


def _store(*records):
    store = MemoryStore()
    store.put_many(list(records))
    return store


def test_syndicated_copy_is_a_duplicate_and_not_a_second_source():
    store = _store(ORIGINAL, COPY)
    merge_store(store, encoder="lexical")
    roles = dict(store.con.execute("SELECT key, role FROM article_clusters").fetchall())
    assert roles[ORIGINAL.source.url] == "first"
    assert roles[COPY.source.url] == "duplicate"
    kinds = {k for (k,) in store.con.execute("SELECT kind FROM merge_links").fetchall()}
    assert "duplicate" in kinds
    [event] = query_merged_events(store, EventFilter())
    assert (event.n_articles, event.n_sources) == (2, 1)
    assert event.sources == ("Kabar Satu",)  # as written, not the folded comparison key


def test_shown_names_keep_the_spelling_of_publishers_and_hosts():
    from warta.merge.sources import shown_names

    names = ["SINDOnews", "www.detik.com", "Kantor Berita"]
    assert shown_names(["sindonews", "detik", "kantorberita", "other"], names) == [
        "SINDOnews", "detik.com", "Kantor Berita", "other"
    ]


def test_one_body_under_unrelated_headlines_is_not_a_copy():
    # scrapers sometimes store one boilerplate body under many pages
    other = article(
        "https://kabarsatu.example/harga-cabai", "Harga Cabai Rawit Naik Dua Kali Lipat", FLOOD,
        publisher="Kabar Satu", published="2025-06-10T21:30:00+07:00",
    )  # fmt: skip
    store = _store(ORIGINAL, other)
    merge_store(store, encoder="lexical")
    kinds = [k for (k,) in store.con.execute("SELECT kind FROM merge_links").fetchall()]
    assert "duplicate" not in kinds


def test_relay_of_a_stored_outlet_counts_once():
    wire = article(
        "https://kantorberita.example/medan", "Banjir Medan, 300 KK Mengungsi", FLOOD,
        publisher="Kantor Berita", published="2025-06-10T20:00:00+07:00",
        event=("AID", None, None, "Petugas gabungan mengerahkan perahu karet"), place=MEDAN,
    )  # fmt: skip
    relayed_text = (
        "Melansir Kantor Berita, " + FLOOD[:200] + " Warga berharap bantuan segera datang."
    )
    relay = article(
        "https://portaltiga.example/banjir", "Banjir di Medan, Ratusan Warga Mengungsi",
        relayed_text, publisher="Portal Tiga", published="2025-06-11T08:00:00+07:00",
        cited=("Kantor Berita",),
    )  # fmt: skip
    store = _store(wire, relay, ORIGINAL)
    merge_store(store, encoder="lexical")
    rows = store.con.execute("SELECT key, role, relay_of, origin FROM article_clusters").fetchall()
    by_key = {k: (role, relay_of, origin) for k, role, relay_of, origin in rows}
    assert by_key[relay.source.url][0] == "relay"
    assert by_key[relay.source.url][1] == wire.source.url
    assert by_key[relay.source.url][2] == by_key[wire.source.url][2]


def test_dense_linking_stops_chains():
    # a-b, b-c, c-d each linked, but a and d share nothing: no single cluster
    links = [("a", "b", 0.9), ("b", "c", 0.8), ("c", "d", 0.7)]
    groups = cluster(["a", "b", "c", "d"], links, density=0.5)
    assert max(len(g) for g in groups) < 4
    # events of one article never share a merged event
    groups = cluster([("x", "v1"), ("x", "v2"), ("y", "v1")],
                     [(("x", "v1"), ("y", "v1"), 0.9), (("x", "v2"), ("y", "v1"), 0.8)],
                     density=0.1, group_of=lambda n: n[0])  # fmt: skip
    assert sorted(len(g) for g in groups) == [1, 2]
