"""Business time as database filters: the cut-off for "older than N business hours" (weekends,
holidays, lunch breaks, time zones, daylight saving) and working-hours windows."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.calendars.schedule import NoWorkingTimeError, Schedule
from core.rules.timing import business_cutoff, subtract_business_time

JAKARTA = ZoneInfo("Asia/Jakarta")
SYDNEY = ZoneInfo("Australia/Sydney")
OFFICE = {day: ((time(8), time(12)), (time(13), time(17))) for day in range(5)}
jakarta = Schedule("Asia/Jakarta", OFFICE, frozenset({date(2026, 8, 17)}))  # Independence Day
sydney = Schedule("Australia/Sydney", {day: ((time(9), time(17)),) for day in range(5)})


def test_within_a_day_the_cutoff_is_plain_subtraction():
    now = datetime(2026, 8, 12, 16, 0, tzinfo=JAKARTA)  # Wednesday
    assert business_cutoff(jakarta, now, 2) == datetime(2026, 8, 12, 14, 0, tzinfo=JAKARTA)


def test_the_lunch_break_does_not_count():
    now = datetime(2026, 8, 12, 14, 0, tzinfo=JAKARTA)
    assert business_cutoff(jakarta, now, 2) == datetime(2026, 8, 12, 11, 0, tzinfo=JAKARTA)


def test_the_weekend_is_skipped_backwards():
    monday_10 = datetime(2026, 8, 24, 10, 0, tzinfo=JAKARTA)
    assert business_cutoff(jakarta, monday_10, 4) == datetime(2026, 8, 21, 15, 0, tzinfo=JAKARTA)


def test_a_holiday_is_skipped_backwards():
    tuesday_9 = datetime(2026, 8, 18, 9, 0, tzinfo=JAKARTA)  # Monday 17 August is a holiday
    assert business_cutoff(jakarta, tuesday_9, 2) == datetime(2026, 8, 14, 16, 0, tzinfo=JAKARTA)


def test_from_outside_working_hours_the_count_starts_at_the_last_closing():
    saturday = datetime(2026, 8, 22, 11, 0, tzinfo=JAKARTA)
    assert business_cutoff(jakarta, saturday, 1) == datetime(2026, 8, 21, 16, 0, tzinfo=JAKARTA)


def test_the_cutoff_is_in_real_hours_across_a_spring_forward():
    # Sydney moves its clocks forward on Sunday 4 October 2026; Friday 17:00 to Monday 10:00
    # holds one working hour on Monday, the rest on Friday, counted in the local time of each.
    monday_10 = datetime(2026, 10, 5, 10, 0, tzinfo=SYDNEY)
    assert business_cutoff(sydney, monday_10, 3) == datetime(2026, 10, 2, 15, 0, tzinfo=SYDNEY)
    assert monday_10.utcoffset() != datetime(2026, 10, 2, 15, 0, tzinfo=SYDNEY).utcoffset()


def test_the_cutoff_keeps_the_time_zone_of_now():
    now_utc = datetime(2026, 8, 12, 9, 0, tzinfo=UTC)  # 16:00 in Jakarta
    cutoff = business_cutoff(jakarta, now_utc, 2)
    assert cutoff.tzinfo is UTC
    assert cutoff == datetime(2026, 8, 12, 14, 0, tzinfo=JAKARTA)


def test_a_calendar_without_working_time_says_so():
    with pytest.raises(NoWorkingTimeError):
        business_cutoff(Schedule("UTC", {}), datetime(2026, 1, 1, tzinfo=UTC), 1)


@given(
    start=st.datetimes(
        min_value=datetime(2025, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
        max_value=datetime(2027, 12, 31),  # noqa: DTZ001
    ),
    minutes=st.integers(min_value=1, max_value=60 * 200),
)
def test_subtracting_is_the_inverse_of_measuring(start, minutes):
    now = start.replace(tzinfo=SYDNEY)
    duration = timedelta(minutes=minutes)
    cutoff = subtract_business_time(sydney, now, duration)
    assert sydney.business_time_between(cutoff, now) == duration
    # and it is the latest such moment: a minute later, less working time has passed
    assert sydney.business_time_between(cutoff + timedelta(minutes=1), now) < duration or (
        not sydney.is_working_time(cutoff)
    )
