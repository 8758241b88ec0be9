"""Celery entry points: thin, idempotent, retried with back-off."""

from celery import shared_task

from . import sweeps


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def apply_assignment_rules() -> int:
    return sweeps.rules_apply()


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def send_assignment_notices() -> dict:
    return sweeps.notices_send()


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def flag_certificate_renewals() -> int:
    return sweeps.renewals_flag()
