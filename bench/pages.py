"""The pages the benchmark drives, as the person each is measured for. Features add theirs."""

from dataclasses import dataclass

DEWI = "dewi.lestari@mail.example"  # customer + partner + investor


@dataclass(frozen=True)
class Page:
    label: str
    path: str
    email: str | None = None  # None: anonymous


BARE = Page("bare view (/healthz/)", "/healthz/")

PAGES = [
    Page("home page (anonymous)", "/"),
    Page("portal picker (multi-role)", "/portals/", DEWI),
    Page("customer dashboard (multi-role)", "/customer/", DEWI),
    Page("partner dashboard (multi-role)", "/partner/", DEWI),
    Page("investor dashboard (multi-role)", "/investor/", DEWI),
]

# The employee portal and the learning engine (feature/learning).
JOKO = "joko.susilo@samudra.example"  # employee, finance
ARI = "ari.nugroho@samudra.example"  # site administrator: the report covers every employee
PAGES += [
    Page("employee dashboard (news, learning, goals)", "/employee/", JOKO),
    Page("learner dashboard (employee)", "/employee/learning/", JOKO),
    Page("course catalogue (employee)", "/employee/learning/courses/", JOKO),
    Page("directory (employee)", "/employee/directory/", JOKO),
    Page("approvals inbox (administrator)", "/employee/inbox/", ARI),
    Page("training report (administrator)", "/employee/learning/report/", ARI),
    Page("partner training (multi-role)", "/partner/learning/", DEWI),
]

# Tickets at scale: with `--large`, p1@large.example administers the organisation that holds
# one generated ticket in ten, and ticket L-1 carries a 200-message thread.
LARGE_ORG_ADMIN = "p1@large.example"
RINA = "rina.kusuma@samudra.example"  # support agent
LARGE_PAGES = [
    Page(
        "customer ticket list (admin, large org)",
        "/customer/tickets/?scope=organisation&status=all",
        LARGE_ORG_ADMIN,
    ),
    Page("agent queue sorted by SLA (support)", "/employee/work/queues/support/", RINA),
    Page("agent ticket page (200 messages)", "/employee/work/tickets/L-1/", RINA),
]

# The knowledge base, the partner programme and investor relations.
AGUS = "agus.wijaya@nusantara-solutions.example"  # partner admin, Gold tier
WULAN = "wulan.sari@mail.example"  # individual investor
PAGES += [
    Page("knowledge search (multi-role)", "/help/search/?q=ticket+priority", DEWI),
    Page("partner deal list (partner admin)", "/partner/deals/", AGUS),
    Page("investor report library (investor)", "/investor/reports/", WULAN),
    Page("investor report library (anonymous)", "/investor/reports/"),
]
