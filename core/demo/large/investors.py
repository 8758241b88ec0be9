"""Confirmed alert subscribers, each following some of the topics."""

from core.investors.models import Subscriber

from .people import DOMAIN
from .sql import insert_series


def subscribers(sizes, progress) -> None:
    insert_series(
        Subscriber,
        label="alert subscribers",
        count=sizes.subscribers,
        columns={
            "email": f"'subscriber' || n || '@{DOMAIN}'",
            "language": "CASE WHEN n %% 3 = 0 THEN 'id' ELSE 'en' END",
            "wants_results": "n %% 2 = 0",
            "wants_filings": "n %% 3 = 0",
            "wants_press": "n %% 4 <> 0",
            "wants_events": "n %% 5 < 2",
            "confirmed_at": "now() - (n %% 900 || ' days')::interval",
            "unsubscribed_at": "CASE WHEN n %% 25 = 0 THEN now() - (n %% 30 || ' days')"
            "::interval END",
        },
        progress=progress,
    )
