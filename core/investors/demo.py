"""Demo investor relations: the IR home with key figures and governance, five fiscal years of
reports and filings (2022–2026), past and upcoming events (the Q3 2026 earnings call with its
report scheduled for the call's morning, AGM 2027), alert subscribers, Wulan as a verified
shareholder and her information request in the IR queue. Idempotent."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from core.access.roles import Role
from core.cms.models import HomePage
from core.demo.files import simple_pdf
from core.demo.world import DemoWorld
from core.people.models import RoleAssignment
from core.tickets import notify
from core.tickets.lifecycle import Side
from core.tickets.models import Queue, Ticket
from core.tickets.services import ticket_create, ticket_reply
from core.uploads.validation import validate_upload

from .models import (
    Alert,
    Audience,
    Disclosure,
    DocumentKind,
    GovernancePage,
    InvestorEvent,
    InvestorHomePage,
    InvestorProfile,
    Publication,
    PublicationDownloads,
    Subscriber,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
WULAN_REQUEST = "Dividend payment date for the 2025 final dividend"
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

KEY_FIGURES = [
    ("Revenue", "4.82", "IDR trillion", "FY 2025", "+12% year on year"),
    ("EBITDA margin", "21.4", "%", "FY 2025", "+1.3 pt"),
    ("Recurring revenue", "68", "% of revenue", "FY 2025", ""),
    ("Dividend per share", "86", "IDR", "FY 2025", "payout 45%"),
    ("Customers", "2,140", "organisations", "30 Sep 2026", ""),
]
FIGURE_FIELDS = ("label", "value", "unit", "period", "change")
BOARD = [
    ("Ratna Hadiwijaya", "President Commissioner", "2019", True),
    ("Michael Brennan", "Independent Commissioner", "2021", True),
    ("Sri Mulyani Kartika", "Commissioner", "2020", False),
    ("Bambang Hartono", "Chief Operating Officer, Director", "2018", False),
]


def seed(world: DemoWorld) -> None:
    with transaction.atomic():
        _seed_pages(world)
        publications = _seed_publications(world)
        _seed_events(world, publications)
        _seed_people(world)
    _seed_requests(world)
    world.note(
        "Investor relations: /investor-relations/ (public), /investor/reports/ and "
        "/investor/events/; sign in as Wulan (verified shareholder) for investor material; "
        "Sarah (IR officer) edits under Investor relations in /cms/."
    )


def _seed_pages(world: DemoWorld) -> None:
    home = InvestorHomePage.objects.first()
    if home is None:
        site_home = HomePage.objects.get()
        home = site_home.add_child(
            instance=InvestorHomePage(
                title="Investor relations",
                slug="investor-relations",
                tagline="PT Samudra Teknologi Tbk · IDX: SMDR",
                profile=(
                    "<p>Samudra builds the customer, partner and workforce platforms that "
                    "Indonesian and regional businesses run on: support desks, partner "
                    "programmes and learning for more than 2,000 organisations.</p>"
                ),
                strategy=(
                    "<p>Our 2025–2030 plan: grow recurring revenue to 80%, expand with channel "
                    "partners across ASEAN, and keep a payout ratio of 40–50% of net profit.</p>"
                ),
                key_figures=[
                    ("figure", dict(zip(FIGURE_FIELDS, row, strict=True))) for row in KEY_FIGURES
                ],
                key_figures_note="Audited figures under Indonesian FAS; as reported 26 Feb 2026.",
            )
        )
        home.save_revision().publish()
        governance = home.add_child(
            instance=GovernancePage(
                title="Board and governance",
                slug="governance",
                intro="Our two-tier board, its committees and the policies we hold ourselves to.",
                body=[
                    ("heading", "Board of Commissioners"),
                    *[
                        (
                            "board_member",
                            {"name": n, "position": p, "since": s, "independent": i},
                        )
                        for n, p, s, i in BOARD
                    ],
                    ("heading", "Committees"),
                    (
                        "committee",
                        {
                            "name": "Audit Committee",
                            "chair": "Michael Brennan",
                            "members": ["Michael Brennan", "Dr. Hana Wibisono", "Andi Saputra"],
                            "remit": "Financial reporting, internal control and the auditor.",
                        },
                    ),
                    (
                        "committee",
                        {
                            "name": "Nomination and Remuneration Committee",
                            "chair": "Ratna Hadiwijaya",
                            "members": ["Ratna Hadiwijaya", "Sri Mulyani Kartika"],
                            "remit": "Board succession and the pay of directors.",
                        },
                    ),
                    ("heading", "Policies"),
                    (
                        "policy",
                        {
                            "title": "Disclosure policy",
                            "summary": "Material information reaches every investor at once.",
                            "text": "<p>Results are published before market open on the day "
                            "announced in the financial calendar, in English and Bahasa "
                            "Indonesia, and sent to every alert subscriber.</p>",
                        },
                    ),
                    (
                        "policy",
                        {
                            "title": "Dividend policy",
                            "summary": "A payout of 40–50% of net profit, paid yearly.",
                        },
                    ),
                ],
            )
        )
        governance.save_revision().publish()
    world.objects["page:ir-home"] = home


def _pdf(title: str, year: int):
    content = simple_pdf(title, ["PT Samudra Teknologi Tbk", f"Fiscal year {year}", "Demo"])
    name = title.lower().replace(" ", "-").replace(",", "").replace("(", "").replace(")", "")
    return validate_upload(SimpleUploadedFile(f"{name[:60]}.pdf", content))


def _seed_publications(world: DemoWorld) -> dict[str, Publication]:
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
        _disclosed(publication, Disclosure.Kind.PUBLICATION, at, sarah)
        found[title] = publication
    if SCHEDULED_TITLE not in found:
        call_day = _call_day(world)
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


def _disclosed(item, kind, at, by) -> None:
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


def _call_day(world: DemoWorld) -> datetime:
    day = (world.now + timedelta(days=7)).astimezone(JAKARTA)
    return day.replace(hour=16, minute=0, second=0, microsecond=0)


def _seed_events(world: DemoWorld, publications: dict) -> None:
    sarah = world.people["ir_officer"]
    call = _call_day(world)
    events = [
        (
            "Q3 2026 earnings call",
            "earnings",
            call,
            60,
            "Asia/Jakarta",
            "public",
            [SCHEDULED_TITLE],
        ),
        (
            "Annual general meeting 2027",
            "agm",
            datetime(2027, 5, 12, 9, 0, tzinfo=JAKARTA),
            180,
            "Asia/Jakarta",
            "public",
            ["Notice of annual general meeting 2027"],
        ),
        (
            "Singapore investor conference 2027",
            "conference",
            datetime(2027, 3, 9, 10, 0, tzinfo=ZoneInfo("Asia/Singapore")),
            480,
            "Asia/Singapore",
            "public",
            [],
        ),
        (
            "Investor day 2025",
            "investor_day",
            datetime(2025, 9, 18, 9, 0, tzinfo=JAKARTA),
            300,
            "Asia/Jakarta",
            "registered",
            ["Investor day 2025: five-year plan"],
        ),
        (
            "H1 2026 earnings call",
            "earnings",
            datetime(2026, 7, 30, 16, 0, tzinfo=JAKARTA),
            60,
            "Asia/Jakarta",
            "public",
            ["H1 2026 results presentation", "H1 2026 interim report"],
        ),
        (
            "FY 2025 earnings call",
            "earnings",
            datetime(2026, 2, 26, 16, 0, tzinfo=JAKARTA),
            75,
            "Asia/Jakarta",
            "public",
            ["FY 2025 results presentation", "Annual report 2025"],
        ),
        (
            "Annual general meeting 2026",
            "agm",
            datetime(2026, 5, 13, 9, 0, tzinfo=JAKARTA),
            180,
            "Asia/Jakarta",
            "public",
            ["Notice of annual general meeting 2026"],
        ),
    ]
    existing = {e.title: e for e in InvestorEvent.objects.all()}
    for title, kind, start, minutes, zone, audience, materials in events:
        event = existing.get(title)
        if event is None:
            published = min(world.now, start - timedelta(days=30))
            event = InvestorEvent.objects.create(
                title=title,
                kind=kind,
                starts_at=start,
                ends_at=start + timedelta(minutes=minutes),
                time_zone=zone,
                location=(
                    "Samudra Tower, Jl. Jend. Sudirman Kav. 52, Jakarta"
                    if kind in ("agm", "investor_day")
                    else "Online"
                ),
                description=f"{title}, hosted by the board of directors and management.",
                webcast_url="https://webcast.samudra.example/ir" if kind != "agm" else "",
                dial_in=(
                    "Indonesia +62 21 5088 1599 · Singapore +65 6950 1234\nAccess code 482 917"
                    if kind == "earnings"
                    else ""
                ),
                audience=audience,
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
            )
            event.materials.set([publications[m] for m in materials if m in publications])
            _disclosed(event, Disclosure.Kind.EVENT, published, sarah)
        world.objects[f"investors:event:{kind}:{start.year}"] = event
    world.objects["investors:public-event"] = InvestorEvent.objects.get(title=events[0][0])
    world.objects["investors:registered-event"] = InvestorEvent.objects.get(
        title="Investor day 2025"
    )


SUBSCRIBERS = [
    ("wulan.sari@mail.example", "id", (1, 1, 1, 1)),
    ("dewi.lestari@mail.example", "id", (1, 0, 0, 1)),
    ("kenji.tanaka@garudacapital.example", "en", (1, 1, 1, 1)),
    ("research@garudacapital.example", "en", (1, 1, 0, 0)),
    ("anna.schmidt@nordfonds.example", "en", (1, 0, 1, 1)),
    ("rizal.hakim@mail.example", "id", (1, 0, 1, 0)),
    ("priya.raman@lionrock.example", "en", (1, 1, 1, 1)),
    ("yusuf.pratama@mail.example", "id", (0, 0, 1, 0)),
]


def _seed_people(world: DemoWorld) -> None:
    for email, language, (results, filings, press, events) in SUBSCRIBERS:
        Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "wants_results": bool(results),
                "wants_filings": bool(filings),
                "wants_press": bool(press),
                "wants_events": bool(events),
                "confirmed_at": world.now - timedelta(days=200),
            },
        )
    wulan = world.people["investor"]
    profile, _ = InvestorProfile.objects.get_or_create(person=wulan)
    if profile.holder_verified_at is None:
        profile.holder_verified_at = world.now - timedelta(days=120)
        profile.holder_verified_by = world.people["ir_officer"]
        profile.holder_reference = "KSEI sub-account 00-1234-5678 (broker statement)"
        profile.save()
    InvestorProfile.objects.get_or_create(person=world.people["multi"])


@transaction.atomic
def _seed_requests(world: DemoWorld) -> None:
    wulan = world.people["investor"]
    ticket = Ticket.objects.filter(requester=wulan, subject=WULAN_REQUEST).first()
    if ticket is None:
        hat = RoleAssignment.objects.filter(person=wulan, role=Role.INVESTOR).first()
        queue = Queue.objects.filter(slug="investor-relations").first()
        at = world.now - timedelta(days=3)
        with notify.muted():
            ticket = ticket_create(
                requester=wulan,
                role_assignment=hat,
                subject=WULAN_REQUEST,
                description=(
                    "Selamat siang. I hold Samudra shares through my broker. When will the final "
                    "dividend for fiscal 2025 be paid, and what is the recording date?"
                ),
                queue=queue,
                at=at,
            )
            ticket_reply(
                ticket=ticket,
                author=world.people["ir_officer"],
                side=Side.AGENT,
                body=(
                    "Dear Ms Sari, the AGM on 12 May 2027 will vote on the final dividend; the "
                    "recording date and payment date follow in the AGM results announcement."
                ),
                attachments=(),
                at=at + timedelta(hours=5),
            )
    world.objects["investors:wulan-request"] = ticket
