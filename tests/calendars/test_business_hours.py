"""Business-time arithmetic: weekends, holidays, lunch breaks, time zones and DST."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendars.schedule import NoWorkingTimeError, Schedule
from core.calendars.services import calendar_ensure

JAKARTA = ZoneInfo("Asia/Jakarta")
SYDNEY = ZoneInfo("Australia/Sydney")
NEW_YORK = ZoneInfo("America/New_York")
OFFICE = {day: ((time(9), time(17)),) for day in range(5)}  # Mon–Fri 09–17
LUNCH = {day: ((time(8), time(12)), (time(13), time(17))) for day in range(5)}


def at(tz, *args):
    return datetime(*args, tzinfo=tz)


def test_hours_within_one_working_day():
    office = Schedule("Asia/Jakarta", OFFICE)
    assert office.add_business_hours(at(JAKARTA, 2025, 11, 3, 9), 4) == at(JAKARTA, 2025, 11, 3, 13)


def test_ending_exactly_at_closing_time_stays_on_that_day():
    office = Schedule("Asia/Jakarta", OFFICE)
    assert office.add_business_hours(at(JAKARTA, 2025, 11, 3, 9), 8) == at(JAKARTA, 2025, 11, 3, 17)


def test_hours_roll_over_the_weekend():
    office = Schedule("Asia/Jakarta", OFFICE)
    friday_afternoon = at(JAKARTA, 2025, 11, 7, 15)
    assert office.add_business_hours(friday_afternoon, 4) == at(JAKARTA, 2025, 11, 10, 11)


def test_a_start_outside_working_hours_waits_for_the_next_opening():
    office = Schedule("Asia/Jakarta", OFFICE)
    saturday_night = at(JAKARTA, 2025, 11, 8, 22)
    assert office.add_business_hours(saturday_night, 1) == at(JAKARTA, 2025, 11, 10, 10)
    early_monday = at(JAKARTA, 2025, 11, 10, 6)
    assert office.add_business_hours(early_monday, 1) == at(JAKARTA, 2025, 11, 10, 10)


def test_the_lunch_break_does_not_count():
    office = Schedule("Asia/Jakarta", LUNCH)
    assert office.add_business_hours(at(JAKARTA, 2025, 11, 3, 11), 2) == at(
        JAKARTA, 2025, 11, 3, 14
    )


def test_holidays_are_skipped_like_weekends():
    # Idul Fitri 2025: 31 March and 1 April (Monday, Tuesday) are public holidays.
    office = Schedule("Asia/Jakarta", OFFICE, frozenset({date(2025, 3, 31), date(2025, 4, 1)}))
    friday = at(JAKARTA, 2025, 3, 28, 16)
    assert office.add_business_hours(friday, 2) == at(JAKARTA, 2025, 4, 2, 10)
    assert office.business_hours_between(friday, at(JAKARTA, 2025, 4, 2, 10)) == 2


def test_twenty_business_hours_span_three_days():
    office = Schedule("Asia/Jakarta", OFFICE)
    monday = at(JAKARTA, 2025, 11, 3, 10)
    assert office.add_business_hours(monday, 20) == at(JAKARTA, 2025, 11, 5, 14)


def test_the_answer_keeps_the_time_zone_of_the_start_and_the_calendar_its_own():
    jakarta_office = Schedule("Asia/Jakarta", OFFICE)
    start = at(UTC, 2025, 11, 3, 1)  # 08:00 in Jakarta: one hour before opening
    due = jakarta_office.add_business_hours(start, 1)
    assert due == at(JAKARTA, 2025, 11, 3, 10)
    assert due.tzinfo is UTC


def test_a_sydney_calendar_counts_sydney_hours_for_a_jakarta_start():
    sydney_office = Schedule("Australia/Sydney", OFFICE)
    start = at(JAKARTA, 2025, 11, 3, 9)  # 13:00 in Sydney (UTC+11)
    assert sydney_office.add_business_hours(start, 5) == at(SYDNEY, 2025, 11, 4, 10)


def test_daylight_saving_spring_forward_shortens_a_working_day():
    # New York springs forward on Sunday 9 March 2025 at 02:00. A calendar working 00:00–06:00
    # on Sundays has five real hours that day, not six.
    night_shift = Schedule("America/New_York", {6: ((time(0), time(6)),)})
    sunday = date(2025, 3, 9)
    start = at(NEW_YORK, 2025, 3, 9, 0)
    assert night_shift.business_hours_between(start, at(NEW_YORK, 2025, 3, 9, 6)) == 5
    assert night_shift.add_business_hours(start, 5) == at(NEW_YORK, 2025, 3, 9, 6)
    assert night_shift.add_business_hours(start, 5.5) == at(NEW_YORK, 2025, 3, 16, 0, 30)
    assert night_shift.is_working_day(sunday)


def test_daylight_saving_fall_back_lengthens_a_working_day():
    night_shift = Schedule("America/New_York", {6: ((time(0), time(6)),)})
    start = at(NEW_YORK, 2025, 11, 2, 0)
    assert night_shift.business_hours_between(start, at(NEW_YORK, 2025, 11, 2, 6)) == 7


def test_an_office_day_across_the_dst_change_is_measured_in_real_hours():
    office = Schedule("America/New_York", OFFICE)
    friday = at(NEW_YORK, 2025, 3, 7, 16)  # Friday before the change
    assert office.add_business_hours(friday, 2) == at(NEW_YORK, 2025, 3, 10, 10)
    assert office.business_hours_between(friday, at(NEW_YORK, 2025, 3, 10, 10)) == 2


def test_an_around_the_clock_calendar_uses_midnight_as_the_end_of_day():
    always = Schedule("Asia/Jakarta", {day: ((time(0), time(0)),) for day in range(7)})
    start = at(JAKARTA, 2025, 11, 7, 22)
    assert always.add_business_hours(start, 30) == start + timedelta(hours=30)


def test_time_between_is_negative_backwards_and_zero_outside_hours():
    office = Schedule("Asia/Jakarta", OFFICE)
    a, b = at(JAKARTA, 2025, 11, 3, 10), at(JAKARTA, 2025, 11, 4, 12)
    assert office.business_hours_between(a, b) == 10
    assert office.business_hours_between(b, a) == -10
    saturday, sunday = at(JAKARTA, 2025, 11, 8, 9), at(JAKARTA, 2025, 11, 9, 18)
    assert office.business_hours_between(saturday, sunday) == 0


def test_zero_hours_returns_the_start_and_negative_hours_are_refused():
    office = Schedule("Asia/Jakarta", OFFICE)
    start = at(JAKARTA, 2025, 11, 8, 9)
    assert office.add_business_hours(start, 0) == start
    with pytest.raises(ValueError):
        office.add_business_hours(start, -1)


def test_a_calendar_without_working_time_says_so_instead_of_looping():
    with pytest.raises(NoWorkingTimeError):
        Schedule("Asia/Jakarta", {}).add_business_hours(at(JAKARTA, 2025, 1, 1, 9), 1)
    every_day_a_holiday = frozenset(date(2025, 1, 1) + timedelta(days=n) for n in range(800))
    with pytest.raises(NoWorkingTimeError):
        Schedule("Asia/Jakarta", OFFICE, every_day_a_holiday).add_business_hours(
            at(JAKARTA, 2025, 1, 1, 9), 1
        )


def test_naive_datetimes_and_overlapping_periods_are_refused():
    office = Schedule("Asia/Jakarta", OFFICE)
    with pytest.raises(ValueError):
        office.add_business_hours(datetime(2025, 1, 1, 9), 1)  # noqa: DTZ001
    with pytest.raises(ValueError):
        Schedule("Asia/Jakarta", {0: ((time(9), time(12)), (time(11), time(14)))})
    with pytest.raises(ValueError):
        Schedule("Asia/Jakarta", {0: ((time(12), time(9)),)})


moments = st.datetimes(
    min_value=datetime(2024, 1, 1),  # noqa: DTZ001
    max_value=datetime(2026, 12, 31),  # noqa: DTZ001
    timezones=st.just(ZoneInfo("America/New_York")),
)


@settings(max_examples=150, deadline=None)
@given(start=moments, minutes=st.integers(min_value=0, max_value=60 * 200))
def test_adding_then_measuring_gives_back_the_hours(start, minutes):
    office = Schedule("America/New_York", LUNCH, frozenset({date(2025, 7, 4), date(2025, 12, 25)}))
    due = office.add_business_time(start, timedelta(minutes=minutes))
    assert due >= start
    assert office.business_time_between(start, due) == timedelta(minutes=minutes)


@pytest.mark.django_db
def test_a_stored_calendar_answers_the_same_questions():
    calendar = calendar_ensure(
        name="Test office",
        time_zone="Asia/Jakarta",
        week=LUNCH,
        holidays=[(date(2025, 8, 18), "Collective leave"), (date(2025, 8, 17), "Independence")],
    )
    again = calendar_ensure(name="Test office", time_zone="Asia/Jakarta", week=LUNCH)
    assert again.pk == calendar.pk and again.holidays.count() == 2
    friday = at(JAKARTA, 2025, 8, 15, 16)
    assert calendar.add_business_hours(friday, 2) == at(JAKARTA, 2025, 8, 19, 9)
    assert calendar.is_holiday(date(2025, 8, 18))
