"""Business-time arithmetic: pure Python, no database, so it is easy to test and reuse.

A `Schedule` is a time zone, the working periods of each weekday (local wall-clock times) and
the holidays (local dates, whole days). Every answer is computed in real elapsed time: a working
day that contains a daylight-saving change is an hour shorter or longer, as it is for the
people working it. A nonexistent local time (in a spring-forward gap) resolves like Python's
`fold=0`; an ambiguous one (autumn) means its first occurrence.

    schedule.add_business_hours(start, 4)          # the moment 4 working hours after `start`
    schedule.business_hours_between(a, b)          # working hours from a to b (negative if b < a)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

# A calendar with no working time for this many days in a row cannot reach any target.
MAX_IDLE_DAYS = 400
MIDNIGHT = time(0, 0)

Period = tuple[time, time]


class NoWorkingTimeError(ValueError):
    """The schedule has no working time left to reach the target (no hours, or all holidays)."""


def _as_timedelta(hours: float | int | Decimal | timedelta) -> timedelta:
    if isinstance(hours, timedelta):
        return hours
    return timedelta(seconds=round(float(hours) * 3600, 6))


@dataclass(frozen=True)
class Schedule:
    time_zone: str
    # weekday (Monday 0 … Sunday 6) → working periods, local times; an end of 00:00 means midnight
    week: Mapping[int, tuple[Period, ...]]
    holidays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        for weekday, periods in self.week.items():
            if weekday not in range(7):
                raise ValueError(f"weekday {weekday} is not 0 (Monday) … 6 (Sunday)")
            ordered = sorted(periods)
            for start, end in ordered:
                if end != MIDNIGHT and end <= start:
                    raise ValueError(f"working period {start}–{end} ends before it starts")
            for (_s1, e1), (s2, _e2) in zip(ordered, ordered[1:], strict=False):
                if e1 == MIDNIGHT or e1 > s2:
                    raise ValueError(f"working periods overlap on weekday {weekday}")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def has_working_time(self) -> bool:
        return any(self.week.get(day) for day in range(7))

    # --- the building block: one local day's working intervals, as aware UTC datetimes -----------

    def working_intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        if day in self.holidays:
            return []
        tz = self.tz
        intervals = []
        for start, end in sorted(self.week.get(day.weekday(), ())):
            begins = datetime.combine(day, start, tzinfo=tz).astimezone(UTC)
            if end == MIDNIGHT:
                ends = datetime.combine(day + timedelta(days=1), MIDNIGHT, tzinfo=tz)
            else:
                ends = datetime.combine(day, end, tzinfo=tz)
            ends = ends.astimezone(UTC)
            if ends > begins:
                intervals.append((begins, ends))
        return intervals

    def is_working_day(self, day: date) -> bool:
        return bool(self.working_intervals(day))

    def is_working_time(self, moment: datetime) -> bool:
        moment = _aware(moment)
        local_day = moment.astimezone(self.tz).date()
        return any(s <= moment < e for s, e in self.working_intervals(local_day))

    def _days_from(self, moment: datetime) -> Iterator[date]:
        day = moment.astimezone(self.tz).date()
        while True:
            yield day
            day += timedelta(days=1)

    # --- the public arithmetic ---------------------------------------------------------------

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of working time after `start`, in `start`'s time zone.

        A target that lands exactly on the end of a working period is that end (17:00),
        not the start of the next one. Zero duration returns `start` unchanged.
        """
        start = _aware(start)
        if duration < timedelta(0):
            raise ValueError("duration must not be negative")
        if duration == timedelta(0):
            return start
        if not self.has_working_time:
            raise NoWorkingTimeError("the schedule has no working hours")
        remaining = duration
        cursor = start.astimezone(UTC)
        idle_days = 0
        for day in self._days_from(cursor):
            intervals = self.working_intervals(day)
            idle_days = 0 if intervals else idle_days + 1
            if idle_days > MAX_IDLE_DAYS:
                raise NoWorkingTimeError(f"no working time for {MAX_IDLE_DAYS} days after {day}")
            for begins, ends in intervals:
                if ends <= cursor:
                    continue
                begins = max(begins, cursor)
                available = ends - begins
                if remaining <= available:
                    return (begins + remaining).astimezone(start.tzinfo)
                remaining -= available
                cursor = ends
        raise AssertionError("unreachable")  # pragma: no cover - the day iterator is endless

    def add_business_hours(self, start: datetime, hours: float | int | Decimal) -> datetime:
        return self.add_business_time(start, _as_timedelta(hours))

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Working time from `a` to `b`; negative when `b` is before `a`."""
        a, b = _aware(a), _aware(b)
        if b < a:
            return -self.business_time_between(b, a)
        total = timedelta(0)
        last_day = b.astimezone(self.tz).date()
        for day in self._days_from(a):
            if day > last_day:
                break
            for begins, ends in self.working_intervals(day):
                overlap = min(ends, b) - max(begins, a)
                if overlap > timedelta(0):
                    total += overlap
        return total

    def business_hours_between(self, a: datetime, b: datetime) -> float:
        return self.business_time_between(a, b).total_seconds() / 3600


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("business-time arithmetic needs time-zone-aware datetimes")
    return moment


def calendar_time(start: datetime, hours: float | int | Decimal) -> datetime:
    """Plain elapsed hours (an around-the-clock target), for symmetry with Schedule."""
    return _aware(start) + _as_timedelta(hours)
