import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.production")

application = get_wsgi_application()

from portals.heap import freeze_when_loaded  # noqa: E402 - needs the application loaded

freeze_when_loaded()
