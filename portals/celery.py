"""The Celery app. Configuration comes from Django settings (CELERY_* names)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.dev")

app = Celery("portals")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="portals.ping", ignore_result=False)
def ping() -> str:
    """Health check: `celery -A portals call portals.ping` answers "pong" from a live worker."""
    return "pong"
