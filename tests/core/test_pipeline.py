"""Pipeline: built once, order checked, failures become outcomes instead of exceptions."""

from dataclasses import replace
from typing import ClassVar

import pytest

from warta.errors import InputError, SettingsError
from warta.ingest import RawDocument
from warta.pipeline import Pipeline
from warta.records import Article, Record
from warta.settings import Settings
from warta.text import doc_id


def cleaner(doc: RawDocument) -> Record:
    if not doc.content.strip():
        raise InputError(doc.path, "empty")
    return Record(doc_id=doc_id(doc.content), article=Article(text=doc.content))


class Upper:
    name: ClassVar[str] = "upper"
    requires: ClassVar[tuple[str, ...]] = ("article",)
    assigns: ClassVar[tuple[str, ...]] = ("article.title",)

    def __call__(self, record: Record) -> Record:
        return replace(record, article=replace(record.article, title=record.article.text.upper()))


class NeedsEntities:
    name: ClassVar[str] = "needs"
    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ()

    def __call__(self, record: Record) -> Record:
        if "boom" in record.article.text:
            raise ValueError("stage bug")
        return record


def test_stages_run_in_order_and_do_not_mutate() -> None:
    p = Pipeline(Settings(), cleaner=cleaner, stages=[Upper()])
    doc = RawDocument("a.txt", "halo dunia")
    record = p(doc)
    assert record.article.title == "HALO DUNIA"
    assert cleaner(doc).article.title is None


def test_order_is_checked_at_build_time() -> None:
    with pytest.raises(SettingsError, match="needs"):
        Pipeline(Settings(), cleaner=cleaner, stages=[NeedsEntities()])


def test_unknown_stage_name_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="unknown stage"):
        Pipeline(Settings(stages=("language", "nope")), cleaner=cleaner)


def test_process_reports_failures_and_goes_on() -> None:
    class Entities:
        name: ClassVar[str] = "entities"
        requires: ClassVar[tuple[str, ...]] = ()
        assigns: ClassVar[tuple[str, ...]] = ("entities",)

        def __call__(self, record: Record) -> Record:
            return record

    p = Pipeline(Settings(), cleaner=cleaner, stages=[Entities(), NeedsEntities()])
    docs = [
        RawDocument("1.txt", "satu"),
        InputError("2.bin", "binary"),
        RawDocument("3.txt", "   "),
        RawDocument("4.txt", "boom"),
        RawDocument("5.txt", "lima"),
    ]
    outcomes = list(p.process(docs))
    assert [o.path for o in outcomes] == ["1.txt", "2.bin", "3.txt", "4.txt", "5.txt"]
    assert [o.error.reason if o.error else "ok" for o in outcomes] == [
        "ok", "binary", "empty", "internal", "ok",
    ]  # fmt: skip
    assert "stage bug" in outcomes[3].error.detail
