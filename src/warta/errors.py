"""warta's error tree. Library code raises these; only the CLI turns them into messages.

    WartaError
    ├── InputError      an input file or row cannot become an article (reason is a short code)
    ├── RecordError     a record (or gold file) does not have the record's shape
    ├── SettingsError   bad settings file or value
    └── StoreError      the store cannot be opened or written
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """An input that cannot become an article.

    ``reason`` is a stable short code (``binary``, ``empty``, ``encoding``, ``malformed_row``,
    ``unknown_format``, ``unreadable``, ``too_large``) stored in the failures table;
    ``detail`` is the human explanation.
    """

    def __init__(self, path: str, reason: str, detail: str = "") -> None:
        self.path = path
        self.reason = reason
        self.detail = detail
        super().__init__(f"{path}: {reason}" + (f" ({detail})" if detail else ""))


class RecordError(WartaError):
    """Data that does not have the shape of a warta record."""


class SettingsError(WartaError):
    """A settings file or value that cannot be used."""


class StoreError(WartaError):
    """The store cannot be opened, read or written."""
