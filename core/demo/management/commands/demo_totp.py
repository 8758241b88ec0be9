import time

from allauth.mfa import app_settings
from allauth.mfa.adapter import get_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.people.models import Person


class Command(BaseCommand):
    help = "Print the current two-factor code of a demo account (development only)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("demo_totp is for development machines (DEBUG on) only.")
        person = Person.objects.filter(email=email.strip().lower()).first()
        authenticator = Authenticator.objects.filter(
            user=person, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError(f"{email} has no authenticator.")
        secret = get_adapter().decrypt(authenticator.data["secret"])
        counter = int(time.time()) // app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
        self.stdout.write(f"(secret for an authenticator app: {secret})", self.style.NOTICE)
