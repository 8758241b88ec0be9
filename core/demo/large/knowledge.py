"""Knowledge articles in bulk: page rows with bulk_create (paths computed here, as treebeard
would), article rows and search-index entries each with one INSERT … SELECT, spread over
eight generated categories and every audience; then the vocabulary misspelt searches are
corrected to, as the nightly job builds it."""

import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.knowledge import vocabulary
from core.knowledge.models import KnowledgeArticle, KnowledgeCategoryPage, KnowledgeIndexPage

CATEGORIES = 8
WORDS = (
    "scanner printer invoice warehouse shipment label password account report dividend "
    "partner deal lead integration webhook battery barcode driver network backup tier "
    "meeting payment refund order stock pallet route vehicle handheld update"
).split()
# (public, customers, partners, employees, investors), cycled through by page id.
AUDIENCES = [
    (True, False, False, False, False),
    (False, True, False, False, False),
    (False, True, True, False, False),
    (False, False, True, False, False),
    (False, False, False, True, False),
    (False, False, False, False, True),
]
PATH_STEP = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def articles(sizes, progress) -> list[KnowledgeCategoryPage]:
    index = KnowledgeIndexPage.objects.first()
    if index is None:
        raise LookupError("No knowledge base: run migrate (or seed_demo) first.")
    categories = [
        KnowledgeCategoryPage.objects.filter(slug=f"generated-{n}").first()
        or index.add_child(
            instance=KnowledgeCategoryPage(title=f"Generated topics {n}", slug=f"generated-{n}")
        )
        for n in range(1, CATEGORIES + 1)
    ]
    started = time.perf_counter()
    content_type = ContentType.objects.get_for_model(KnowledgeArticle)
    per_category = sizes.articles // CATEGORIES
    for done, parent in enumerate(categories, start=1):
        if parent.numchild:
            continue  # already loaded by an earlier run
        Page.objects.bulk_create(
            [_page(parent, n, content_type) for n in range(1, per_category + 1)], batch_size=2000
        )
        Page.objects.filter(pk=parent.pk).update(numchild=per_category)
        progress("articles", done * per_category, sizes.articles, time.perf_counter() - started)
    _article_rows(content_type)
    _index_entries(content_type)
    words = vocabulary.rebuild()
    progress("search vocabulary", words, words, time.perf_counter() - started)
    return categories


def _page(parent, n: int, content_type) -> Page:
    a, b, c = (WORDS[(n * k + parent.pk) % len(WORDS)] for k in (1, 7, 13))
    title = f"{a.title()} {b} and {c}: note {n}"
    slug = f"{a}-{b}-{n}"
    return Page(
        title=title,
        draft_title=title,
        slug=slug,
        path=parent.path + _path_step(n),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
        content_type=content_type,
        locale_id=parent.locale_id,
        translation_key=uuid.uuid4(),
    )


def _path_step(n: int, width: int = 4) -> str:
    out = ""
    while n:
        n, r = divmod(n, len(PATH_STEP))
        out = PATH_STEP[r] + out
    return out.rjust(width, "0")


def _article_rows(content_type) -> None:
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
            """,  # noqa: S608 - the f-string holds constants of this module only
            [content_type.pk],
        )


def _index_entries(content_type) -> None:
    """The search index in one INSERT … SELECT (the backend's add_bulk refreshes every title
    norm after each batch: far too slow here), vectors built as the backend builds them."""
    search_config = settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]
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
            [content_type.pk, search_config, search_config, search_config],
        )
    get_search_backend().get_index_for_model(KnowledgeArticle)._refresh_title_norms()
