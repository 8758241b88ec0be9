"""Five fiscal years of demo reports, presentations, filings and press releases (2022–2026),
each disclosed with its alert, and the Q3 2026 report scheduled for the earnings call's
morning."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile

from core.demo.files import simple_pdf
from core.demo.world import DemoWorld
from core.uploads.validation import validate_upload

from ..models import (
    Alert,
    Audience,
    Disclosure,
    DocumentKind,
    Publication,
    PublicationDownloads,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
K, Q, P, F, R = (
    DocumentKind.ANNUAL_REPORT,
    DocumentKind.QUARTERLY_REPORT,
    DocumentKind.PRESENTATION,
    DocumentKind.FILING,
    DocumentKind.PRESS_RELEASE,
)
# (fiscal year, period, kind, title, published (Jakarta), language, audience, summary)
PUBLICATIONS = []
REVENUE = {2022: "3.41", 2023: "3.87", 2024: "4.29", 2025: "4.82", 2026: "5.31"}
for year in range(2022, 2027):
    nxt = year + 1
    PUBLICATIONS += [
        (
            year,
            "Q1",
            Q,
            f"Q1 {year} interim report",
            (year, 4, 28, 7, 0),
            "en",
            "public",
            f"Revenue for the quarter and our outlook for {year}.",
        ),
        (
            year,
            "H1",
            Q,
            f"H1 {year} interim report",
            (year, 7, 30, 7, 0),
            "en",
            "public",
            "Half-year results with reviewed financial statements.",
        ),
        (
            year,
            "H1",
            P,
            f"H1 {year} results presentation",
            (year, 7, 30, 7, 5),
            "en",
            "public",
            "Slides of the half-year earnings call.",
        ),
        (
            year,
            "Q3",
            Q,
            f"Q3 {year} interim report",
            (year, 10, 29, 7, 0),
            "en",
            "public",
            "Nine-month results and the trading update.",
        ),
        (
            year,
            "",
            R,
            f"Samudra wins logistics platform contract, {year}",
            (year, 3, 12, 9, 0),
            "en",
            "public",
            "A multi-year platform contract with a regional logistics group.",
        ),
        (
            year,
            "",
            F,
            f"Notice of annual general meeting {nxt}",
            (year, 12, 2, 8, 0),
            "id",
            "public",
            "Panggilan RUPS Tahunan: agenda, record date and proxy form.",
        ),
    ]
    if year < 2026:
        PUBLICATIONS += [
            (
                year,
                "FY",
                K,
                f"Annual report {year}",
                (nxt, 2, 26, 7, 0),
                "en",
                "public",
                f"The integrated annual report for fiscal {year}, with audited statements.",
            ),
            (
                year,
                "FY",
                K,
                f"Laporan tahunan {year}",
                (nxt, 2, 26, 7, 0),
                "id",
                "public",
                f"Laporan tahunan terintegrasi tahun buku {year}.",
            ),
            (
                year,
                "FY",
                P,
                f"FY {year} results presentation",
                (nxt, 2, 26, 7, 5),
                "en",
                "public",
                "Full-year results, guidance and capital allocation.",
            ),
            (
                year,
                "FY",
                F,
                f"Audited financial statements FY {year} (OJK filing)",
                (nxt, 3, 27, 16, 0),
                "id",
                "public",
                "Filed with the Financial Services Authority.",
            ),
            (
                year,
                "FY",
                R,
                f"Samudra reports full-year {year} results",
                (nxt, 2, 26, 7, 0),
                "en",
                "public",
                f"Revenue of IDR {REVENUE[year]} trillion.",
            ),
        ]
PUBLICATIONS += [
    (
        2025,
        "",
        P,
        "Investor day 2025: five-year plan",
        (2025, 9, 18, 9, 0),
        "en",
        "registered",
        "The detailed plan presented at the investor day (registered investors).",
    ),
    (
        2025,
        "FY",
        F,
        "Letter to shareholders on the 2025 final dividend",
        (2026, 3, 2, 8, 0),
        "en",
        "holders",
        "Dividend mechanics for shareholders on the register.",
    ),
]
SCHEDULED_TITLE = "Q3 2026 interim report"


def _pdf(title: str, year: int):
    content = simple_pdf(title, ["PT Samudra Teknologi Tbk", f"Fiscal year {year}", "Demo"])
    name = title.lower().replace(" ", "-").replace(",", "").replace("(", "").replace(")", "")
    return validate_upload(SimpleUploadedFile(f"{name[:60]}.pdf", content))


def seed_publications(world: DemoWorld) -> dict[str, Publication]:
    sarah = world.people["ir_officer"]
    found = {p.title: p for p in Publication.objects.all()}
    rnd = world.random
    for year, period, kind, title, when, language, audience, summary in PUBLICATIONS:
        if title in found or title == SCHEDULED_TITLE:
            continue
        at = datetime(*when, tzinfo=JAKARTA)
        if at > world.now:
            continue
        publication = Publication.from_upload(
            _pdf(title, year),
            uploaded_by=sarah,
            save=False,
            title=title,
            summary=summary,
            category=kind,
            fiscal_year=year,
            period=period,
            language=language,
            audience=audience,
            live=True,
            has_unpublished_changes=False,
            first_published_at=at,
            last_published_at=at,
        )
        publication.save()
        PublicationDownloads.objects.create(
            publication=publication, count=int(rnd.random() * 400 * (2027 - year) ** 0.5)
        )
        disclosed(publication, Disclosure.Kind.PUBLICATION, at, sarah)
        found[title] = publication
    if SCHEDULED_TITLE not in found:
        call_day = earnings_call_at(world)
        scheduled = Publication.from_upload(
            _pdf(SCHEDULED_TITLE, 2026),
            uploaded_by=sarah,
            save=False,
            title=SCHEDULED_TITLE,
            summary="Nine-month results and the trading update.",
            category=Q,
            fiscal_year=2026,
            period="Q3",
            language="en",
            audience=Audience.PUBLIC,
            live=False,
            go_live_at=call_day.replace(hour=7, minute=0),
        )
        scheduled.save()
        # Publishing with a go-live time in the future schedules it (Wagtail): it goes live,
        # and its alert goes out, when `publish_scheduled` runs on the results morning.
        scheduled.save_revision(user=sarah).publish(user=sarah, skip_permission_checks=True)
        found[SCHEDULED_TITLE] = scheduled
    world.objects["investors:public-report"] = found["Annual report 2025"]
    world.objects["investors:registered-report"] = found["Investor day 2025: five-year plan"]
    world.objects["investors:holders-report"] = found[
        "Letter to shareholders on the 2025 final dividend"
    ]
    world.objects["investors:scheduled-report"] = found[SCHEDULED_TITLE]
    return found


def disclosed(item, kind, at, by) -> None:
    """What publishing `item` (a publication or an event) at `at` left behind: its disclosure
    record and, when it is public, its alert, already sent."""
    Disclosure.objects.get_or_create(
        kind=kind,
        object_id=item.pk,
        defaults={
            "title": item.title,
            "category": item.kind if kind == Disclosure.Kind.EVENT else item.category,
            "audience": item.audience,
            "published_at": at,
            "published_by": by,
        },
    )
    if item.audience == Audience.PUBLIC:
        lookup = {"event": item} if kind == Disclosure.Kind.EVENT else {"publication": item}
        topic = "events" if kind == Disclosure.Kind.EVENT else item.topic
        Alert.objects.get_or_create(
            **lookup,
            defaults={
                "topic": topic,
                "subject": item.title,
                "created_at": at,
                "fanned_out_at": at,
                "finished_at": at,
            },
        )


def earnings_call_at(world: DemoWorld) -> datetime:
    day = (world.now + timedelta(days=7)).astimezone(JAKARTA)
    return day.replace(hour=16, minute=0, second=0, microsecond=0)
