"""The embedded default and the real services: settings, Celery on Redis, PostgreSQL."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from core.notifications.models import OutboundEmail
from core.notifications.services import email_queue
from portals.celery import app, ping

ROOT = Path(__file__).resolve().parents[2]


def test_production_settings_pass_the_deploy_check():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "portals.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "extranet.example",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_a_broker_tasks_run_eagerly():
    assert settings.CELERY_TASK_ALWAYS_EAGER
    assert ping.delay().get() == "pong"


def test_celery_is_configured_to_survive_lost_workers():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.broker_transport_options["visibility_timeout"] >= 6 * 60 * 60


@pytest.mark.celery
def test_a_real_worker_on_redis_answers(celery_worker_on_redis):
    assert ping.delay().get(timeout=20) == "pong"


@pytest.mark.celery
@pytest.mark.postgres  # a worker thread writing beside the test needs real concurrency, not SQLite
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_an_outbox_e_mail_after_commit(celery_worker_on_redis):
    email = email_queue(to="worker@mail.example", subject="Through Redis", text="x")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        email.refresh_from_db()
        if email.status == OutboundEmail.Status.SENT:
            break
        time.sleep(0.1)
    assert email.status == OutboundEmail.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Through Redis"]


@pytest.mark.postgres
@pytest.mark.django_db
def test_the_suite_really_runs_on_postgresql_here():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert "PostgreSQL" in cursor.fetchone()[0]
