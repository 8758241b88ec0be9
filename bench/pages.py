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
