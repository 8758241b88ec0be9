from django.core.management.base import BaseCommand

from core.demo.foundation import ORGANISATIONS, PEOPLE
from core.demo.steps import seed_world


def describe(spec) -> str:
    hats = [h for h in spec.hats if h.ended_years_ago is None]
    parts = [
        f"{h.role.label.lower()}{' admin' if h.admin else ''}"
        + (f" at {ORGANISATIONS[h.org][0]}" if h.org else "")
        for h in hats
    ]
    parts += [duty.label.lower() for duty in spec.duties]
    if spec.superuser:
        parts.append("site administrator")
    return ", ".join(parts) or "no role yet"


class Command(BaseCommand):
    help = "Load believable demo data (idempotent: running it again adds only what is missing)."

    def handle(self, *args, **options):
        world = seed_world()
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Sign in as:"))
        width = max(len(spec.email) for spec in PEOPLE.values())
        for spec in PEOPLE.values():
            self.stdout.write(f"  {spec.email:<{width}}  {spec.name}: {describe(spec)}")
        for note in world.notes:
            self.stdout.write(note)
        self.stdout.write(
            "Staff accounts use two-factor sign-in; get the current code with:\n"
            "  python manage.py demo_totp <e-mail>"
        )
