"""Business calendars as data: a time zone, the working week and holidays.

`calendar.schedule()` turns the rows into a `Schedule` (core/calendars/schedule.py), which does
the arithmetic; the model offers the same two questions for convenience.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.people.models.person import validate_time_zone

from .schedule import MIDNIGHT, Schedule


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class BusinessCalendar(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, validators=[validate_time_zone], default="Asia/Jakarta"
    )
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("business calendar")
        verbose_name_plural = _("business calendars")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.time_zone})"

    def schedule(self) -> Schedule:
        """The calendar as a Schedule; read once per instance (periods and holidays: 2 queries,
        none when they were prefetched)."""
        cached = self.__dict__.get("_schedule")
        if cached is None:
            week: dict[int, list[tuple[time, time]]] = {}
            for period in self.periods.all():
                week.setdefault(period.weekday, []).append((period.starts, period.ends))
            cached = Schedule(
                time_zone=self.time_zone,
                week={day: tuple(periods) for day, periods in week.items()},
                holidays=frozenset(holiday.date for holiday in self.holidays.all()),
            )
            self.__dict__["_schedule"] = cached
        return cached

    def forget_schedule(self) -> None:
        self.__dict__.pop("_schedule", None)

    def add_business_hours(self, start: datetime, hours: float | int | Decimal) -> datetime:
        return self.schedule().add_business_hours(start, hours)

    def business_hours_between(self, a: datetime, b: datetime) -> float:
        return self.schedule().business_hours_between(a, b)

    def is_holiday(self, day: date) -> bool:
        return day in self.schedule().holidays


class WorkingPeriod(models.Model):
    """One stretch of working time on a weekday, e.g. Monday 08:00–17:00 (local time).
    Several per day make a lunch break; an end of 00:00 means midnight."""

    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="periods")
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"), help_text=_("00:00 means midnight."))

    class Meta:
        verbose_name = _("working period")
        verbose_name_plural = _("working periods")
        ordering = ["weekday", "starts"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")) | Q(ends=MIDNIGHT),
                name="calendars_period_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["calendar", "weekday", "starts"], name="calendars_one_period_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self) -> None:
        super().clean()
        if self.ends != MIDNIGHT and self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("A working period ends after it starts.")})


class Holiday(models.Model):
    """A whole local day without working time (public holiday, collective leave)."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="holidays"
    )
    date = models.DateField(_("date"))
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="calendars_one_holiday_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
