"""The IR home page with key figures, and the board and governance page under it."""

from core.cms.models import HomePage
from core.demo.world import DemoWorld

from ..models import GovernancePage, InvestorHomePage

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


def seed_pages(world: DemoWorld) -> None:
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
