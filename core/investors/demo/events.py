"""Demo investor events, past and upcoming: earnings calls with their materials, AGMs, the
investor day (registered investors) and a conference in Singapore."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.demo.world import DemoWorld

from ..models import Disclosure, InvestorEvent
from .publications import JAKARTA, SCHEDULED_TITLE, disclosed, earnings_call_at


def seed_events(world: DemoWorld, publications: dict) -> None:
    sarah = world.people["ir_officer"]
    call = earnings_call_at(world)
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
            disclosed(event, Disclosure.Kind.EVENT, published, sarah)
        world.objects[f"investors:event:{kind}:{start.year}"] = event
    world.objects["investors:public-event"] = InvestorEvent.objects.get(title=events[0][0])
    world.objects["investors:registered-event"] = InvestorEvent.objects.get(
        title="Investor day 2025"
    )
