"""How knowledge-base search behaves with many articles (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portals \
        .venv/bin/python bench/knowledge_search.py --articles 50000

Creates a throw-away database (test_portals_bench_knowledge), loads N articles with the large
data set's knowledge step (core/demo/large/knowledge.py: bulk rows, eight categories, every
audience, and the search vocabulary), then times, against a bare primary-key
lookup in the same run: a ranked search as an anonymous visitor, a customer and a multi-role
person (first page of ten, with the count), a filtered search, the typo fallback (corrected
from the vocabulary), and the ticket form's suggestions. Not a test: nothing here asserts a time.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.tickets_at_scale import timed  # noqa: E402

DB_NAME = "test_portals_bench_knowledge"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL server.")
    connection.settings_dict["TEST"]["NAME"] = DB_NAME
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(DB_NAME, verbosity=0)


def load(total: int) -> list:
    """The large data set's knowledge step (core/demo/large/knowledge.py), timed."""
    from core.demo.large import PRESETS
    from core.demo.large.knowledge import articles

    def progress(label, done, of, seconds):
        if done == of:
            print(f"{label}: {of:,} in {seconds:.1f} s")

    return articles(PRESETS["small"].with_overrides(articles=total), progress)


def run(args) -> None:
    from django.contrib.auth.models import AnonymousUser

    from core.access.roles import Role
    from core.knowledge import selectors
    from core.knowledge.models import KnowledgeArticle
    from core.tickets.deflection import suggest
    from tests.factories import person_with

    categories = load(args.articles)
    customer = person_with(Role.CUSTOMER)
    multi = person_with(Role.CUSTOMER, Role.PARTNER, Role.INVESTOR)
    anonymous = AnonymousUser()
    some_pk = KnowledgeArticle.objects.order_by("pk").values_list("pk", flat=True)[100]

    def first_page(person, query, **filters):
        def go():
            page = selectors.search_page(person, query, **filters)
            return page.paginator.count, len(page.hits)

        return go

    timed("bare primary-key lookup", lambda: KnowledgeArticle.objects.filter(pk=some_pk).first())
    timed(
        "visible_to(customer).count()",
        lambda: KnowledgeArticle.objects.visible_to(customer).count(),
    )
    for label, person in (("anonymous", anonymous), ("customer", customer), ("multi-role", multi)):
        found = timed(f"search 'scanner battery' as {label}", first_page(person, "scanner battery"))
        print(f"{'':<52} {found[0]:,} found, {found[1]} shown")
    timed(
        "search 'invoice' in one category, as multi-role",
        first_page(multi, "invoice", category=categories[3]),
    )
    found = timed("typo 'scaner batery' (trigram fallback)", first_page(customer, "scaner batery"))
    print(f"{'':<52} {found[0]:,} found")
    timed("ticket-form suggestions, customer", lambda: suggest(customer, "printer driver update"))
    plan = KnowledgeArticle.objects.visible_to(multi).order_by("title")[:10].explain()
    print("\nplan, a multi-role person's first page of articles:\n" + plan)


if __name__ == "__main__":
    main()
