"""A day is written out once per language (issue 20): Babel took some 60 microseconds a
date, and a list of 50 contributions wrote 50. The day is the reader's own."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel import dates as babel_dates
from flask_babel import force_locale

from forum_site.dates import day_and_date, long_date, plain_date


def test_each_day_is_written_once_in_each_language(app, monkeypatch):
    written = []
    original = babel_dates.format_date
    monkeypatch.setattr(
        babel_dates, "format_date", lambda *a, **k: written.append(a[0]) or original(*a, **k)
    )
    morning = datetime(2031, 3, 4, 9, 0, tzinfo=UTC)
    evening = datetime(2031, 3, 4, 20, 15, tzinfo=UTC)
    with app.test_request_context("/"):
        assert long_date(morning) == long_date(evening) == "Tuesday 4 March 2031"
        assert day_and_date(date(2031, 3, 4)) == "Tuesday 4 March 2031"
        assert plain_date(evening) == "4 March 2031"
        with force_locale("cy"):
            assert long_date(morning) == "Dydd Mawrth 4 Mawrth 2031"
    assert written == [date(2031, 3, 4)] * 3  # English day and date, English date, Welsh


def test_the_day_is_the_reader_s_day_not_utc_s(app):
    """Half past eleven at night in July, UTC, is already the next day in London."""
    late = datetime(2031, 7, 4, 23, 30, tzinfo=UTC)
    with app.test_request_context("/"):
        assert long_date(late) == "Saturday 5 July 2031"
        assert plain_date(late) == "5 July 2031"


def test_a_time_is_written_one_way_in_standard_words(app):
    """6:30 PM on pages, in histories and in services' messages; never 18:30 beside it
    (easy read has its own single way, 6:30pm)."""
    from forum_site.dates import date_and_time, short_datetime, time_of
    from forum_site.vocabulary.dates import in_a_message

    winter = datetime(2031, 1, 14, 18, 30, tzinfo=UTC)
    with app.test_request_context("/"):
        assert time_of(winter) == "6:30 PM"
        assert date_and_time(winter) == "Tuesday 14 January 2031, 6:30 PM"
        assert short_datetime(winter) == "14 Jan 2031, 6:30 PM"
    assert in_a_message(datetime(2031, 1, 14, 18, 30)) == "Tuesday 14 January 2031 at 6:30 PM"
    assert in_a_message(datetime(2031, 1, 14, 0, 5)).endswith("at 12:05 AM")
    assert in_a_message(datetime(2031, 1, 14, 12, 0)).endswith("at 12:00 PM")
