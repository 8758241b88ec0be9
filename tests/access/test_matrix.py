import re

import pytest
from django.test import Client

from .engine import KINDS, covers, discover, load_tables, outcome_of, sample_url

ROWS, SAMPLES = load_tables()
ADMIN_ROUTES = ("/cms/", "/django-admin/")
# Admin addresses that are static assets or sign-out, and show nothing to anyone.
ADMIN_ASSETS = ("/cms/sprite/", "/cms/jsi18n/", "/cms/logout/", "/django-admin/logout/")


def test_every_url_pattern_is_in_the_matrix():
    missing = [
        f"{name or '(unnamed)'} {route}"
        for name, route in discover()
        if not any(covers(row, name, route) for row in ROWS)
    ]
    assert not missing, "URL patterns with no row in tests/access/matrix.py:\n" + "\n".join(missing)


def test_every_row_names_a_real_pattern():
    patterns = list(discover())
    stale = [row.pattern for row in ROWS if not any(covers(row, n, r) for n, r in patterns)]
    assert not stale, f"Rows for patterns that no longer exist: {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.pattern}[{row.sample}]")
def test_access_matrix(row, module_world):
    url = sample_url(row, SAMPLES, module_world)
    mismatches = []
    for kind in KINDS:
        client = Client()
        if kind != "anonymous":
            client.force_login(module_world.people[kind])
        got = outcome_of(client.get(url))
        if got != row.expected[kind]:
            mismatches.append(f"{kind}: expected {row.expected[kind]}, got {got}")
    assert not mismatches, f"GET {url}\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_no_admin_address_answers_anyone_but_staff(module_world):
    """Every admin page without arguments: anonymous people are sent to sign in (or find
    nothing), and people without admin rights are told nothing is there, whatever their portals."""
    customer = Client()
    customer.force_login(module_world.people["multi"])
    anonymous = Client()
    checked = 0
    for _name, route in discover():
        if not route.startswith(ADMIN_ROUTES) or re.search(r"[<(\\]", route):
            continue
        if route in ADMIN_ASSETS:
            continue
        url = route.replace("^", "").replace("$", "")
        assert outcome_of(anonymous.get(url)) in ("login", "404"), url
        assert outcome_of(customer.get(url)) == "404", url
        checked += 1
    assert checked > 50
