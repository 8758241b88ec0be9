"""The periodic jobs every installation needs, written to django-celery-beat's tables.

Each app lists its jobs in a `schedules.py` module:

    PERIODIC_TASKS = {"Resend stalled e-mails": ("core.notifications.tasks.resend_...", 60)}

(a number is an interval in seconds; a string is a crontab "minute hour day month weekday").
The database is the truth: staff can change an interval or pause a job in the admin, and a
deploy only adds jobs that are missing. (Beat's own settings-based schedule would overwrite
their changes on every restart.)
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule
from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask


def default_periodic_tasks() -> dict[str, tuple[str, int | str]]:
    found: dict[str, tuple[str, int | str]] = {}
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, "schedules"):
            found.update(import_module(f"{app.name}.schedules").PERIODIC_TASKS)
    return found


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
    for name, (task, every) in default_periodic_tasks().items():
        if name not in existing:
            PeriodicTask.objects.create(name=name, task=task, **_schedule_fields(every))
