"""The periodic jobs every installation needs, written to django-celery-beat's tables.

The database is the truth: staff can change an interval or pause a job in the admin, and
a deploy only adds jobs that are missing. (Beat's own settings-based schedule would overwrite
their changes on every restart.)
"""

from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

# name → (task, every N seconds) or (task, crontab "minute hour day month weekday")
DEFAULT_PERIODIC_TASKS: dict[str, tuple[str, int | str]] = {
    "Resend stalled e-mails": ("core.notifications.tasks.resend_stalled_outbound_emails", 60),
}


def _schedule_fields(every: int | str) -> dict:
    if isinstance(every, int):
        interval, _ = IntervalSchedule.objects.get_or_create(
            every=every, period=IntervalSchedule.SECONDS
        )
        return {"interval": interval}
    minute, hour, day_of_month, month_of_year, day_of_week = every.split()
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute=minute,
        hour=hour,
        day_of_month=day_of_month,
        month_of_year=month_of_year,
        day_of_week=day_of_week,
    )
    return {"crontab": crontab}


def ensure_periodic_tasks(**_kwargs) -> None:
    existing = set(PeriodicTask.objects.values_list("name", flat=True))
    for name, (task, every) in DEFAULT_PERIODIC_TASKS.items():
        if name not in existing:
            PeriodicTask.objects.create(name=name, task=task, **_schedule_fields(every))
