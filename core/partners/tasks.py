"""Celery entry points: thin, idempotent, retried with back-off."""

from celery import shared_task

from .services.deals import deals_expire


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def expire_deal_protection() -> int:
    return deals_expire()


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def reassign_lapsed_leads() -> int:
    from .services.leads import leads_reassign_lapsed

    return leads_reassign_lapsed()
