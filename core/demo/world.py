"""What the demo steps share: the organisations and people made so far, and a seeded random."""

from dataclasses import dataclass, field
from datetime import datetime
from random import Random

from django.contrib.auth.hashers import make_password
from django.utils import timezone

DEMO_PASSWORD = "Samudra-demo-2026"  # printed by seed_demo; demo data only


@dataclass
class DemoWorld:
    now: datetime = field(default_factory=timezone.now)
    random: Random = field(default_factory=lambda: Random(2026))
    orgs: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    # Anything else a step makes that later steps or tests refer to, e.g. "page:customer-guide".
    objects: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # Hashed once: a strong hash takes a good part of a second, and every demo person shares it.
    password_hash: str = field(default_factory=lambda: make_password(DEMO_PASSWORD))

    def note(self, line: str) -> None:
        self.notes.append(line)
