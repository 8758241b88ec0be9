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
