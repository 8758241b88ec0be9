"""axe-core (served from the test dependencies, not a CDN) on the main page of every portal:
no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKING = {"serious", "critical"}

# (who signs in, the page to check); None = anonymous
PAGES = [
    (None, "/"),
    (None, "/accounts/login/"),
    (None, "/accounts/signup/"),
    ("multi", "/portals/"),
    ("customer_admin", "/customer/"),
    ("partner", "/partner/"),
    ("employee", "/employee/"),
    ("investor", "/investor/"),
    ("multi", "/employee/"),  # the no-access page with its request form
    ("customer", "/accounts/profile/"),
]


def blocking_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s), "
        f"first: {v['nodes'][0]['html'][:120]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def test_main_pages_have_no_serious_accessibility_violations(page, sign_in_as, world):
    found = {}
    signed_in_as = None
    for who, url in PAGES:
        if who != signed_in_as:
            page.context.clear_cookies()
            if who is not None:
                sign_in_as(world.people[who].email)
            signed_in_as = who
        page.goto(url)
        page.wait_for_load_state()
        violations = blocking_violations(page)
        if violations:
            found[f"{who or 'anonymous'} {url}"] = violations
    assert not found, "\n".join(f"{where}:\n  " + "\n  ".join(v) for where, v in found.items())
