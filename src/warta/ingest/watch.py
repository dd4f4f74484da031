"""Continuous, incremental ingest from feeds, sitemaps and URL lists (``warta watch``).

A watch file (TOML) names the listings and how politely to fetch::

    interval = 600                      # seconds between rounds
    feeds = ["https://example.com/rss"]
    sitemaps = ["https://example.com/news-sitemap.xml"]
    url_lists = ["urls.txt"]            # relative to the watch file
    [fetch]                             # any FetchPolicy field
    per_host_delay = 2.0

Each round fetches every listing (conditionally: an unchanged feed costs a 304), keeps
the article links whose canonical URL is not stored yet, fetches those politely, runs
them through the pipeline and stores them (path = canonical URL). Listing validators
(ETag, Last-Modified) persist in a small JSON state file, so a restarted watch resumes.
"""

from __future__ import annotations

import json
import os
import time
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import InputError, SettingsError
from . import RawDocument
from .feeds import Link, parse_feed, parse_sitemap, read_url_list
from .fetch import Fetcher, FetchPolicy

_MAX_SITEMAP_DEPTH = 2  # index -> sitemap -> urls


@dataclass(frozen=True, slots=True)
class WatchConfig:
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    url_lists: tuple[str, ...] = ()
    interval: float = 600.0
    policy: FetchPolicy = field(default_factory=FetchPolicy)


@dataclass(frozen=True, slots=True)
class RoundSummary:
    links: int  # distinct article links listed
    new: int  # of which not stored before (fetched this round)
    stored: int
    failed: int
    unchanged_listings: int  # listings answered 304
    failures: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        why = ", ".join(f"{n} {r}" for r, n in sorted(self.failures.items()))
        return (
            f"{self.links} links, {self.new} new: {self.stored} stored, {self.failed} failed"
            f"{f' ({why})' if why else ''}; {self.unchanged_listings} listing(s) unchanged"
        )


def load_watch_config(path: str | Path) -> WatchConfig:
    """Read a watch file; relative URL-list paths are resolved against its folder."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SettingsError(f"{path}: watch file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    unknown = set(data) - {"feeds", "sitemaps", "url_lists", "interval", "fetch"}
    if unknown:
        raise SettingsError(f"{path}: unknown key(s) {sorted(unknown)}")
    policy_keys = {f.name for f in fields(FetchPolicy)}
    fetch = data.get("fetch", {})
    if set(fetch) - policy_keys:
        raise SettingsError(f"{path}: unknown [fetch] key(s) {sorted(set(fetch) - policy_keys)}")
    lists = tuple(str((path.parent / p).resolve()) for p in data.get("url_lists", ()))
    config = WatchConfig(
        feeds=tuple(data.get("feeds", ())),
        sitemaps=tuple(data.get("sitemaps", ())),
        url_lists=lists,
        interval=float(data.get("interval", 600)),
        policy=FetchPolicy(**fetch),
    )
    if not (config.feeds or config.sitemaps or config.url_lists):
        raise SettingsError(f"{path}: names no feeds, sitemaps or url_lists")
    return config


class Watcher:
    """Runs watch rounds into a store; ``state_path`` keeps listing validators."""

    def __init__(
        self, config: WatchConfig, pipeline: Any, store: Any, fetcher: Fetcher,
        state_path: str | Path | None = None,
    ) -> None:  # fmt: skip
        self.config, self.pipeline, self.store, self.fetcher = config, pipeline, store, fetcher
        self.state_path = Path(state_path) if state_path else None
        self.validators: dict[str, dict[str, str | None]] = self._load_state()

    def _load_state(self) -> dict[str, dict[str, str | None]]:
        if self.state_path is None or not self.state_path.is_file():
            return {}
        try:
            return dict(json.loads(self.state_path.read_text("utf-8")).get("listings", {}))
        except (OSError, ValueError, AttributeError):
            return {}  # a damaged state file costs one unconditional round, nothing more

    def _save_state(self) -> None:
        if self.state_path is None:
            return
        tmp = self.state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"listings": self.validators}, indent=1), "utf-8")
        os.replace(tmp, self.state_path)

    def _listing(self, url: str) -> tuple[bytes | None, str, InputError | None]:
        """The listing's bytes when changed since last round (None when not modified)."""
        known = self.validators.get(url, {})
        result = self.fetcher.fetch(
            url, etag=known.get("etag"), last_modified=known.get("last_modified")
        )
        if result.error is not None:
            return None, url, result.error
        self.validators[url] = {"etag": result.etag, "last_modified": result.last_modified}
        return (None if result.not_modified else result.raw), result.final_url or url, None

    def links(self, errors: list[InputError], counts: Counter[str]) -> list[Link]:
        """Every article link the listings give this round (changed listings only)."""
        found: list[Link] = []
        for url in self.config.feeds:
            data, base, error = self._listing(url)
            if error:
                errors.append(error)
            elif data is None:
                counts["unchanged"] += 1
            else:
                try:
                    found.extend(parse_feed(data, base))
                except InputError as exc:
                    errors.append(InputError(url, exc.reason, exc.detail))
        pending = [(url, 0) for url in self.config.sitemaps]
        while pending:
            url, depth = pending.pop(0)
            data, base, error = self._listing(url)
            if error:
                errors.append(error)
                continue
            if data is None:
                counts["unchanged"] += 1
                continue
            try:
                sitemap = parse_sitemap(data, base)
            except InputError as exc:
                errors.append(InputError(url, exc.reason, exc.detail))
                continue
            found.extend(sitemap.links)
            if depth < _MAX_SITEMAP_DEPTH:
                pending.extend((child, depth + 1) for child in sitemap.children)
        for path in self.config.url_lists:
            try:
                found.extend(read_url_list(path))
            except OSError as exc:
                errors.append(InputError(path, "unreadable", exc.strerror or str(exc)))
        unique: dict[str, Link] = {}
        for link in found:
            unique.setdefault(link.url, link)  # the first listing's metadata wins
        return list(unique.values())

    def run_round(self) -> RoundSummary:
        """One round: list, fetch what is new, process, store."""
        from ..store.base import InputRef

        errors: list[InputError] = []
        counts: Counter[str] = Counter()
        links = self.links(errors, counts)
        stored = self.store.seen_paths()
        new = [
            link for link in links if link.url not in stored and link.url not in self.fetcher.seen
        ]

        def documents() -> Iterator[RawDocument | InputError]:
            for link in new:
                self.fetcher.seen.add(link.url)
                yield self.fetcher.fetch(link.url).document(link.meta())

        batch, failed = [], list(errors)
        for outcome in self.pipeline.process(documents()):
            if outcome.record is not None:
                # a URL is stored once, so no content hash is kept for it
                batch.append((outcome.record, InputRef(outcome.path, None, outcome.path)))
            else:
                failed.append(outcome.error or InputError(outcome.path, "failed"))
            if len(batch) >= 50:
                self.store.put_many(batch)
                counts["stored"] += len(batch)
                batch.clear()
        if batch:
            self.store.put_many(batch)
            counts["stored"] += len(batch)
        for error in failed:
            self.store.add_failure(error)
        self._save_state()
        return RoundSummary(
            links=len(links), new=len(new), stored=counts["stored"], failed=len(failed),
            unchanged_listings=counts["unchanged"],
            failures=dict(Counter(e.reason for e in failed)),
        )  # fmt: skip

    def run(
        self,
        max_rounds: int | None = None,
        on_round: Callable[[int, RoundSummary], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> list[RoundSummary]:
        """Rounds every ``config.interval`` seconds; forever unless ``max_rounds``."""
        done: list[RoundSummary] = []
        number = 0
        while max_rounds is None or number < max_rounds:
            started = time.monotonic()
            summary = self.run_round()
            number += 1
            done.append(summary)
            if on_round is not None:
                on_round(number, summary)
            if max_rounds is not None and number >= max_rounds:
                break
            sleep(max(0.0, self.config.interval - (time.monotonic() - started)))
        return done
