"""A large, realistic data set for benchmarks (PostgreSQL only): `manage.py generate_large_data`.

Each area adds its step to LARGE_DATA_STEPS, as the demo's areas add theirs to DEMO_STEPS.
Rows are made by set-based INSERT … SELECT generate_series, so a million tickets take seconds.
"""

from dataclasses import dataclass, fields
from importlib import import_module

from django.db import connection


@dataclass(frozen=True)
class Sizes:
    persons: int
    organisations: int
    tickets: int
    messages: int
    courses: int
    enrolments: int
    deals: int
    subscribers: int
    articles: int

    def with_overrides(self, **overrides) -> "Sizes":
        known = {f.name for f in fields(self)}
        return Sizes(**{**self.__dict__, **{k: v for k, v in overrides.items() if k in known}})


PRESETS = {
    "full": Sizes(
        persons=100_000,
        organisations=10_000,
        tickets=1_000_000,
        messages=5_000_000,
        courses=1_000,
        enrolments=500_000,
        deals=200_000,
        subscribers=100_000,
        articles=50_000,
    ),
    "small": Sizes(
        persons=600,
        organisations=60,
        tickets=3_000,
        messages=9_000,
        courses=6,
        enrolments=1_200,
        deals=400,
        subscribers=300,
        articles=160,
    ),
}

LARGE_DATA_STEPS = [
    "core.demo.large.people.organisations",
    "core.demo.large.people.people",
    "core.demo.large.people.roles",
    "core.demo.large.tickets.tickets",
    "core.demo.large.tickets.messages",
    "core.demo.large.learning.courses",
    "core.demo.large.learning.enrolments",
    "core.demo.large.partners.deals",
    "core.demo.large.investors.subscribers",
    "core.demo.large.knowledge.articles",
]


def generate(sizes: Sizes, progress) -> None:
    for dotted in LARGE_DATA_STEPS:
        module_name, function_name = dotted.rsplit(".", 1)
        getattr(import_module(module_name), function_name)(sizes, progress)
    # Some steps go through the ORM (Wagtail pages, their search index rows), which leaves the
    # planner with the statistics of an almost empty database; fresh ones for every table.
    # A bulk load also leaves the visibility map empty: until autovacuum passes, as it always
    # has on a live database, every index-only scan reads each row from the table too (the
    # agent queue's capped count: 4.4 ms, 0.4 ms after VACUUM). VACUUM cannot run inside a
    # transaction, as the suite's tests do: there the statistics alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)" if connection.get_autocommit() else "ANALYZE")
