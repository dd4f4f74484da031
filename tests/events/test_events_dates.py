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
