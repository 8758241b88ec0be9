"""Celery entry points: thin, idempotent, retried with back-off."""

from celery import shared_task

from . import services, vocabulary


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def flag_stale_reviews() -> int:
    return services.stale_reviews_flag()


@shared_task(autoretry_for=(Exception,), retry_backoff=30, retry_backoff_max=600, max_retries=5)
def flush_article_views() -> int:
    return services.views_flush()


@shared_task(autoretry_for=(Exception,), retry_backoff=60, retry_backoff_max=3600, max_retries=5)
def rebuild_search_vocabulary() -> int:
    return vocabulary.rebuild()
