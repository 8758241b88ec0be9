"""Business time turned into database filters: cut-off datetimes and working-time windows.

"Older than N business hours" becomes `field <= cutoff`, where `cutoff` is the latest moment
from which N working hours have passed by `now` (the inverse of Schedule.add_business_hours).
One cut-off per calendar and threshold, so the sweep stays one query per rule and level.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from core.calendars.schedule import MAX_IDLE_DAYS, NoWorkingTimeError, Schedule


def subtract_business_time(schedule: Schedule, end: datetime, duration: timedelta) -> datetime:
    """The latest moment `start` with business_time_between(start, end) == duration."""
    if end.tzinfo is None:
        raise ValueError("business-time arithmetic needs time-zone-aware datetimes")
    if duration <= timedelta(0):
        return end
    if not schedule.has_working_time:
        raise NoWorkingTimeError("the schedule has no working hours")
    remaining = duration
    cursor = end.astimezone(UTC)
    day = cursor.astimezone(schedule.tz).date()
    idle_days = 0
    while True:
        intervals = schedule.working_intervals(day)
        idle_days = 0 if intervals else idle_days + 1
        if idle_days > MAX_IDLE_DAYS:
            raise NoWorkingTimeError(f"no working time for {MAX_IDLE_DAYS} days before {day}")
        for begins, ends in reversed(intervals):
            if begins >= cursor:
                continue
            ends = min(ends, cursor)
            available = ends - begins
            if remaining <= available:
                return (ends - remaining).astimezone(end.tzinfo)
            remaining -= available
            cursor = begins
        day -= timedelta(days=1)


def business_cutoff(schedule: Schedule, now: datetime, hours: Decimal | float) -> datetime:
    return subtract_business_time(schedule, now, timedelta(seconds=round(float(hours) * 3600)))


def window_days() -> int:
    return settings.RULES_BUSINESS_HOURS_WINDOW_DAYS


def within_business_hours_q(path: str, schedule: Schedule, now: datetime) -> Q:
    """`path` falls in a working period, looked at over the last RULES_BUSINESS_HOURS_WINDOW_DAYS
    days (an OR of ranges: a couple of hundred at most, each an index range)."""
    local_today = now.astimezone(schedule.tz).date()
    q = Q(pk__in=[])
    for offset in range(window_days() + 1):
        for begins, ends in schedule.working_intervals(local_today - timedelta(days=offset)):
            q |= Q(**{f"{path}__gte": begins, f"{path}__lt": ends})
    return q


def outside_business_hours_q(path: str, schedule: Schedule, now: datetime) -> Q:
    local_today = now.astimezone(schedule.tz).date()
    start_day = local_today - timedelta(days=window_days())
    window_start = datetime.combine(start_day, datetime.min.time(), tzinfo=schedule.tz)
    return Q(**{f"{path}__gte": window_start, f"{path}__lte": now}) & ~within_business_hours_q(
        path, schedule, now
    )
