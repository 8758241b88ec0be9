"""Writing business calendars. Idempotent, so demo data and deploy scripts may call it again."""

from collections.abc import Iterable, Mapping
from datetime import date, time

from django.db import transaction

from .models import BusinessCalendar, Holiday, WorkingPeriod

OFFICE_WEEK = {day: ((time(8, 0), time(17, 0)),) for day in range(5)}  # Monday–Friday 08–17


@transaction.atomic
def calendar_ensure(
    *,
    name: str,
    time_zone: str,
    week: Mapping[int, Iterable[tuple[time, time]]] = OFFICE_WEEK,
    holidays: Iterable[tuple[date, str]] = (),
    description: str = "",
) -> BusinessCalendar:
    """Create the calendar if missing; add working periods and holidays that are missing.
    What staff changed in the admin stays as they left it."""
    calendar, created = BusinessCalendar.objects.get_or_create(
        name=name, defaults={"time_zone": time_zone, "description": description}
    )
    if created:
        WorkingPeriod.objects.bulk_create(
            WorkingPeriod(calendar=calendar, weekday=day, starts=starts, ends=ends)
            for day, periods in week.items()
            for starts, ends in periods
        )
    known = set(calendar.holidays.values_list("date", flat=True))
    Holiday.objects.bulk_create(
        Holiday(calendar=calendar, date=day, name=label)
        for day, label in holidays
        if day not in known
    )
    calendar.forget_schedule()
    return calendar
