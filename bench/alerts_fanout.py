"""Fan an alert out to 100,000 subscribers with the locmem e-mail backend and report the time.

Run by hand (not a timed test):  .venv/bin/python -m bench.alerts_fanout [subscribers]
It uses a throw-away SQLite database (or DATABASE_URL's server with a test database), lists
the recipients with the one set-based INSERT … SELECT, sends every batch, and compares the
time per e-mail with building and "sending" the same messages with no database work at all.
"""

import os
import sys
import time


def main(count: int = 100_000) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core import mail
    from django.core.mail import EmailMessage, get_connection
    from django.test.utils import (
        setup_databases,
        setup_test_environment,
        teardown_databases,
        teardown_test_environment,
    )

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    setup_test_environment()
    names = setup_databases(verbosity=0, interactive=False)
    try:
        from core.demo.files import simple_pdf  # noqa: F401 - imports the apps
        from core.investors import fanout
        from core.investors.models import Alert, Publication, Subscriber

        started = time.perf_counter()
        Subscriber.objects.bulk_create(
            (Subscriber(email=f"bench{i}@mail.example", wants_results=True) for i in range(count)),
            batch_size=5000,
        )
        loaded = time.perf_counter() - started
        item = Publication.objects.create(
            title="Bench results",
            category="quarterly",
            fiscal_year=2026,
            period="Q3",
            live=True,
            original_name="x.pdf",
            content_type="application/pdf",
            size=1,
            sha256="0",
        )
        alert = Alert.objects.create(topic="results", publication=item, subject=item.title)

        started = time.perf_counter()
        fanout.recipients_list(alert)
        listed = time.perf_counter() - started
        started = time.perf_counter()
        while fanout.batch_send(alert):
            pass
        sent = time.perf_counter() - started
        assert len(mail.outbox) == count, len(mail.outbox)
        assert len({m.to[0] for m in mail.outbox}) == count

        mail.outbox = []
        started = time.perf_counter()
        with get_connection() as connection:
            for i in range(count):
                connection.send_messages([EmailMessage("Bench", "Body", to=[f"b{i}@x.example"])])
        bare = time.perf_counter() - started

        print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
        print(f"subscribers loaded:        {count:>8} in {loaded:6.1f} s")
        print(f"recipients listed (1 SQL): {count:>8} in {listed:6.2f} s")
        print(
            f"alert e-mails sent:        {count:>8} in {sent:6.1f} s "
            f"({count / sent:,.0f}/s, batches of {fanout.BATCH_SIZE})"
        )
        print(f"bare messages, no database:{count:>8} in {bare:6.1f} s ({count / bare:,.0f}/s)")
    finally:
        teardown_databases(names, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
