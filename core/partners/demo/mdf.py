"""Demo market development funds: a budget per firm for this half-year and fund requests at
every stage, from submitted to claimed with proof and paid."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from core.demo.files import simple_pdf
from core.uploads.validation import validate_upload

from ..models import FundRequest, MdfBudget
from ..services import mdf


def _period(today: date) -> tuple[str, date, date]:
    if today.month <= 6:
        return f"{today.year} H1", date(today.year, 1, 1), date(today.year, 6, 30)
    return f"{today.year} H2", date(today.year, 7, 1), date(today.year, 12, 31)


def _proof(name: str):
    content = simple_pdf(
        name.removesuffix(".pdf").replace("-", " ").title(),
        ["Proof of performance", "Samudra demo"],
    )
    return validate_upload(SimpleUploadedFile(name, content))


def seed_mdf(world, hendra) -> None:
    period, starts, ends = _period(world.now.date())
    budgets = {}
    for key, amount, currency in (("nusantara", "25000", "USD"), ("pacific", "15000", "SGD")):
        budgets[key], _ = MdfBudget.objects.get_or_create(
            partner=world.orgs[key],
            period=period,
            defaults={
                "starts_on": starts,
                "ends_on": ends,
                "amount": Decimal(amount),
                "currency": currency,
            },
        )
        world.objects[f"mdf:budget:{key}"] = budgets[key]
    plans = [
        (
            "mdf:seminar",
            "nusantara",
            "partner",
            "Warehouse automation seminar, Jakarta",
            "8000",
            "60 logistics managers; 10 qualified opportunities.",
            ("approve", "8000"),
            ("claim", "7450"),
        ),
        (
            "mdf:expo",
            "nusantara",
            "partner_rep",
            "Booth at Indonesia Logistics Expo",
            "6000",
            "Meet 200 visitors; 25 leads.",
            ("approve", "5000"),
            ("claim", "5000"),
            ("pay",),
        ),
        (
            "mdf:webinar",
            "nusantara",
            "multi",
            "POS webinar series for retailers",
            "2500",
            "Three webinars, 150 sign-ups.",
        ),
        (
            "mdf:linkedin",
            "pacific",
            "other_partner",
            "LinkedIn campaign: cold-chain visibility",
            "4000",
            "1,000 visits; 30 demo requests.",
            ("approve", "3500"),
        ),
        (
            "mdf:roadshow",
            "pacific",
            "pacific_rep",
            "Kuala Lumpur roadshow",
            "9000",
            "Four customer visits a day for a week.",
            ("reject", "Outside this half's focus markets."),
        ),
    ]
    for key, firm, who, activity, cost, outcome, *steps in plans:
        item = FundRequest.objects.filter(budget=budgets[firm], activity=activity).first()
        if item is None:
            item = mdf.fund_request_submit(
                budget=budgets[firm],
                by=world.people[who],
                activity=activity,
                planned_cost=Decimal(cost),
                expected_outcome=outcome,
            )
            for step in steps:
                if step[0] == "approve":
                    item = mdf.fund_request_decide(
                        fund_request=item, by=hendra, approve=True, amount=Decimal(step[1])
                    )
                elif step[0] == "reject":
                    item = mdf.fund_request_decide(
                        fund_request=item, by=hendra, approve=False, note=step[1]
                    )
                elif step[0] == "claim":
                    item = mdf.claim_submit(
                        fund_request=item,
                        by=world.people[who],
                        amount=Decimal(step[1]),
                        notes="Held as planned; attendee list and invoices attached.",
                        proofs=[_proof(f"{key.split(':')[1]}-invoices.pdf")],
                    )
                elif step[0] == "pay":
                    item = mdf.claim_pay(fund_request=item, by=hendra)
        world.objects[key] = item
        world.objects[f"{key}:proof"] = item.proofs.first()
