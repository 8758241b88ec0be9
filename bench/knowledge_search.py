"""How knowledge-base search behaves with many articles (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portals \
        .venv/bin/python bench/knowledge_search.py --articles 50000

Creates a throw-away database (test_portals_bench_knowledge), loads N articles in bulk (page
rows with bulk_create, article rows and the search index each with one INSERT … SELECT),
spread over eight categories and every audience, then times, against a bare primary-key
lookup in the same run: a ranked search as an anonymous visitor, a customer and a multi-role
person (first page of ten, with the count), a filtered search, the typo fallback (trigram
similarity), and the ticket form's suggestions. Not a test: nothing here asserts a time.
"""

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from bench.tickets_at_scale import timed  # noqa: E402

DB_NAME = "test_portals_bench_knowledge"
WORDS = (
    "scanner printer invoice warehouse shipment label password account report dividend "
    "partner deal lead integration webhook battery barcode driver network backup tier "
    "meeting payment refund order stock pallet route vehicle handheld update"
).split()
AUDIENCES = [  # (public, customers, partners, employees, investors), cycled through
    (True, False, False, False, False),
    (False, True, False, False, False),
    (False, True, True, False, False),
    (False, False, True, False, False),
    (False, False, False, True, False),
    (False, False, False, False, True),
]


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


def _base36(n: int, width: int = 4) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = digits[r] + out
    return out.rjust(width, "0")


def load(total: int) -> list:
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from modelsearch.conf import get_app_config
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from core.knowledge import vocabulary
    from core.knowledge.models import KnowledgeArticle
    from tests.knowledge.factories import category

    categories = [category(f"Bench category {n}") for n in range(8)]
    content_type = ContentType.objects.get_for_model(KnowledgeArticle)
    locale_id = categories[0].locale_id
    per_category = total // len(categories)
    started = time.perf_counter()
    for parent in categories:
        pages = []
        for n in range(1, per_category + 1):
            a, b, c = (WORDS[(n * k + parent.pk) % len(WORDS)] for k in (1, 7, 13))
            slug = f"{a}-{b}-{n}"
            pages.append(
                Page(
                    title=f"{a.title()} {b} and {c}: note {n}",
                    draft_title=f"{a.title()} {b} and {c}: note {n}",
                    slug=slug,
                    path=parent.path + _base36(n),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    content_type=content_type,
                    locale_id=locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(pages, batch_size=2000)
        Page.objects.filter(pk=parent.pk).update(numchild=per_category)
    audiences = " ".join(
        f"WHEN {i} THEN ARRAY[{', '.join(str(v).upper() for v in flags)}]"
        for i, flags in enumerate(AUDIENCES)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO knowledge_knowledgearticle (page_ptr_id, summary, body, for_public,
                for_customers, for_partners, for_employees, for_investors)
            SELECT p.id, 'How to handle ' || lower(p.title),
                jsonb_build_array(jsonb_build_object('type', 'paragraph', 'id',
                    gen_random_uuid()::text, 'value', '<p>' || p.title || '. Check the '
                    || split_part(p.slug, '-', 1) || ' settings, restart and try again.</p>')),
                a[1], a[2], a[3], a[4], a[5]
            FROM wagtailcore_page p
            CROSS JOIN LATERAL (SELECT CASE mod(p.id, {len(AUDIENCES)}) {audiences} END AS a) x
            WHERE p.content_type_id = %s
              AND NOT EXISTS (SELECT 1 FROM knowledge_knowledgearticle k WHERE k.page_ptr_id = p.id)
            """,  # noqa: S608 - the f-string holds constants of this file only
            [content_type.pk],
        )
    print(f"loaded {total:,} articles in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    # The index entries in one INSERT … SELECT (the backend's add_bulk refreshes every title
    # norm after each batch, which is far too slow for a bulk load); the vectors are built as
    # the backend builds them: title, autocomplete (simple configuration) and body.
    index = get_search_backend().get_index_for_model(KnowledgeArticle)
    entries = get_app_config().get_model("IndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {entries} (content_type_id, object_id, title, autocomplete, body,
                title_norm, title_text, body_text)
            SELECT %s, p.id::text,
                setweight(to_tsvector(%s, p.title), 'A'),
                to_tsvector('simple', p.title || ' ' || k.summary),
                setweight(to_tsvector(%s, k.summary), 'B')
                    || to_tsvector(%s, k.body -> 0 ->> 'value'),
                1.0, p.title, k.summary || ' ' || (k.body -> 0 ->> 'value')
            FROM knowledge_knowledgearticle k JOIN wagtailcore_page p ON p.id = k.page_ptr_id
            ON CONFLICT (content_type_id, object_id) DO NOTHING
            """,  # noqa: S608 - the table name comes from the model
            [content_type.pk, *[settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]] * 3],
        )
    index._refresh_title_norms()
    print(f"indexed them in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    words = vocabulary.rebuild()
    print(f"nightly vocabulary rebuild: {words:,} words in {time.perf_counter() - started:.1f} s")
    return categories


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
