"""Relative and explicit date expressions resolved against the publication date."""

from warta.events.dates import default_window, find_dates

PUB_ID = "2025-06-18T17:05:00+07:00"  # a Wednesday


def _d(text: str, lang: str, pub: str) -> list[tuple[str, str, str, str | None]]:
    return [
        (text[m.start : m.end], m.window.start, m.window.end, m.window.precision)
        for m in find_dates(text, 0, len(text), lang, pub)
    ]


def test_indonesian_weekday_with_explicit_date() -> None:
    assert _d("Menlu bertemu di Tokyo, Selasa (3/6/2025).", "id", PUB_ID) == [
        ("Selasa (3/6/2025)", "2025-06-03", "2025-06-03", "day")
    ]
    assert _d("Serangan pada Jumat (6/6) lalu.", "id", PUB_ID)[0][1:3] == (
        "2025-06-06",
        "2025-06-06",
    )


def test_indonesian_relative_words() -> None:
    got = {
        t: (a, b)
        for t, a, b, _ in _d("kemarin, Senin, pekan lalu, awal bulan ini, bulan lalu", "id", PUB_ID)
    }
    assert got["kemarin"] == ("2025-06-17", "2025-06-17")
    assert got["Senin"] == ("2025-06-16", "2025-06-16")  # the last Monday before publication
    assert got["pekan lalu"] == ("2025-06-09", "2025-06-15")
    assert got["awal bulan ini"] == ("2025-06-01", "2025-06-10")
    assert got["bulan lalu"] == ("2025-05-01", "2025-05-31")


def test_since_runs_until_publication() -> None:
    assert _d("blokade sejak Maret lalu", "id", PUB_ID)[0][1:3] == ("2025-03-01", "2025-06-18")


def test_english_dates() -> None:
    got = _d("began on Nov. 5, struck on Sunday, last week and in 2022", "en", "2016-12-10")
    assert [(a, b) for _, a, b, _ in got] == [
        ("2016-11-05", "2016-11-05"),
        ("2016-12-04", "2016-12-04"),
        ("2016-11-28", "2016-12-04"),
        ("2022-01-01", "2022-12-31"),
    ]


def test_undated_events_end_at_publication() -> None:
    w = default_window(PUB_ID, "occurred")
    assert w is not None and w.end == "2025-06-18" and w.start < w.end
    assert default_window(None, "occurred") is None


def test_bare_weekday_looks_ahead_when_the_clause_speaks_of_the_future() -> None:
    text = "Pemerintah akan bertemu mahasiswa pada Kamis. Rapat itu digelar Senin lalu."
    past = find_dates(text, 0, len(text), "id", PUB_ID)
    ahead = find_dates(text, 0, len(text), "id", PUB_ID, ahead=True)
    assert past[0].window.start == "2025-06-12"  # the Thursday before a Wednesday
    assert ahead[0].window.start == "2025-06-19"  # the coming Thursday
    # an explicit "lalu" (last) wins over the future reading
    assert ahead[1].window.start == past[1].window.start == "2025-06-16"
    en = "The government said it would meet students on Thursday."
    assert find_dates(en, 0, len(en), "en", PUB_ID, ahead=True)[0].window.start == "2025-06-19"


def test_placeholder_publication_days_are_no_reference() -> None:
    from warta.events.dates import default_window, publication_day

    assert publication_day("0001-01-01T00:00:00Z") is None
    assert default_window("9999-12-31T23:59:59+14:00", "planned") is None
    assert default_window("2025-06-18T10:00:00+07:00", "occurred") is not None


def test_day_ranges_and_ordinals() -> None:
    got = _d("Pameran itu berlangsung 10-12 Juni dan lomba 3 hingga 5 Mei 2024.", "id", PUB_ID)
    assert [(a, b) for _, a, b, _ in got] == [
        ("2025-06-10", "2025-06-12"),
        ("2024-05-03", "2024-05-05"),
    ]
    text = "It opened on Nov. 2nd, closed the 4th of December and ran June 6-9."
    en = _d(text, "en", "2016-12-10")
    assert [(a, b) for _, a, b, _ in en] == [
        ("2016-11-02", "2016-11-02"),
        ("2016-12-04", "2016-12-04"),
        ("2016-06-06", "2016-06-09"),
    ]


def test_a_year_naming_an_edition_is_a_label() -> None:
    text = "Turnamen Piala Samudra 2024digelar pada 2023."
    got = find_dates(text, 0, len(text), "id", PUB_ID)
    assert [(m.window.start[:4], m.label) for m in got] == [("2024", True), ("2023", False)]
    text = "Mereka menerapkan Perda No. 4 Tahun 2011 itu."
    assert [m.label for m in find_dates(text, 0, len(text), "id", PUB_ID)] == [True]


def test_since_reaches_past_a_part_of_the_year() -> None:
    got = _d("sejak awal 2019 sudah berjalan", "id", PUB_ID)
    assert got[0][1:3] == ("2019-01-01", "2025-06-18")


def _event_date(text: str, trigger: str, status: str = "occurred", lang: str = "id") -> str:
    from warta.events.detect import _date

    at = text.index(trigger)
    s = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    e = text.find("\n", at) % (len(text) + 1)  # the event's sentence runs to the paragraph end
    window, _ = _date(text, PUB_ID, lang, s, e, s, e, at, status, False, ((at, "X"),), "X")
    assert window is not None
    return f"{window.start}..{window.end}"


def test_the_paragraph_dates_an_undated_sentence() -> None:
    text = "Warga berkumpul di alun-alun pada Jumat (13/6). Polisi lalu membubarkan kerumunan."
    assert _event_date(text, "membubarkan") == "2025-06-13..2025-06-13"
    # only within the paragraph, and not a date on the far side of publication
    other = "Warga berkumpul pada Jumat (13/6).\nPolisi lalu membubarkan kerumunan."
    assert _event_date(other, "membubarkan") == "2025-06-11..2025-06-18"
    ahead = "Kontrak itu berakhir pada 30 Juni. Polisi lalu membubarkan kerumunan."
    assert _event_date(ahead, "membubarkan") == "2025-06-11..2025-06-18"


def test_a_labelled_year_yields_to_a_real_date() -> None:
    text = "Polisi menangkap dua orang dalam Operasi Samudra 2025digelar sejak 9-11 Juni."
    assert _event_date(text, "menangkap") == "2025-06-09..2025-06-11"
    alone = "Tim itu menyerang dalam Kejuaraan Samudra 2026 kelak."
    assert _event_date(alone, "menyerang") == "2026-01-01..2026-12-31"


def test_a_past_year_in_a_relative_clause_stays_there() -> None:
    text = "Para aktivis mengecam menteri yang menyangkal kerusuhan pada 1987."
    assert _event_date(text, "mengecam") == "2025-06-11..2025-06-18"
    own = "Para aktivis pernah mengecam menteri itu pada 1987."
    assert _event_date(own, "mengecam") == "1987-01-01..1987-12-31"


def test_english_ordinal_dates_resolve_against_publication() -> None:
    text = "Police arrested two men on Dec. 6th near the port."
    assert _event_date(text, "arrested", lang="en") == "2024-12-06..2024-12-06"
    text = "Troops were deployed on the 2nd of June, officials said."
    assert _event_date(text, "deployed", lang="en") == "2025-06-02..2025-06-02"
