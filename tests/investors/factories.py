"""Builders for investor-relations tests: publications with a real PDF, events, subscribers."""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.demo.files import simple_pdf
from core.investors.models import InvestorEvent, Publication, Subscriber
from core.uploads.validation import validate_upload


def pdf(name="report.pdf"):
    return validate_upload(SimpleUploadedFile(name, simple_pdf("Report", ["Figures"])))


def publication(*, title="Annual report 2025", live=True, audience="public", **fields):
    fields = {
        "category": "annual",
        "fiscal_year": 2025,
        "period": "FY",
        "summary": "Audited statements.",
        **fields,
    }
    at = fields.pop("at", timezone.now() - timedelta(days=1))
    item = Publication.from_upload(
        pdf(),
        save=False,
        title=title,
        audience=audience,
        live=live,
        first_published_at=at if live else None,
        last_published_at=at if live else None,
        **fields,
    )
    item.save()
    return item


def event(*, title="Q3 earnings call", audience="public", days=7, live=True, **fields):
    start = timezone.now() + timedelta(days=days)
    return InvestorEvent.objects.create(
        title=title,
        kind=fields.pop("kind", "earnings"),
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        time_zone=fields.pop("time_zone", "Asia/Jakarta"),
        audience=audience,
        live=live,
        first_published_at=timezone.now() if live else None,
        **fields,
    )


def subscribers(n, *, topic="results", start=0, **fields):
    return Subscriber.objects.bulk_create(
        Subscriber(email=f"holder{start + i}@mail.example", **{f"wants_{topic}": True}, **fields)
        for i in range(n)
    )
