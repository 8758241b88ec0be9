"""Fill PostgreSQL with the large data set the benchmarks run against (see bench/README.md)."""

import time
from dataclasses import fields

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.demo.large import PRESETS, Sizes, generate
from core.demo.large.people import DOMAIN
from core.people.models import Person
from core.tickets.models import Queue


class Command(BaseCommand):
    help = "Bulk-load a large, realistic data set into PostgreSQL (after seed_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--preset", choices=sorted(PRESETS), default="full")
        for field in fields(Sizes):
            parser.add_argument(
                f"--{field.name}", type=int, help=f"override the preset's {field.name}"
            )

    def handle(self, *args, preset, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The large data set needs PostgreSQL: set DATABASE_URL.")
        if not Queue.objects.filter(slug="support").exists():
            raise CommandError("Run seed_demo first: the generated tickets use its queues.")
        if Person.objects.filter(email__endswith=f"@{DOMAIN}").exists():
            raise CommandError("This database already holds the large data set.")
        sizes = PRESETS[preset].with_overrides(
            **{k: v for k, v in options.items() if v is not None}
        )
        self.stdout.write(f"Generating: {sizes}")
        started = time.perf_counter()
        generate(sizes, self._progress)
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - started:.0f} s."))

    def _progress(self, label: str, done: int, total: int, seconds: float) -> None:
        width = 30
        filled = width * done // max(total, 1)
        bar = "#" * filled + "-" * (width - filled)
        end = "\n" if done >= total else "\r"
        line = f"  {label:<34} [{bar}] {done:>10,}/{total:,} {seconds:6.1f} s"
        self.stdout.write(line, ending=end)
        self.stdout.flush()
