"""Settings for the test suite. DATABASE_URL picks PostgreSQL; without it, in-memory SQLite."""

import hashlib

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, env

SECRET_KEY = env("SECRET_KEY", default="test-only-insecure-key-4c1d9a3e5b7f")  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A worker started by a fault test reads these from its environment.
EMAIL_BACKEND = env("TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = env("TEST_CELERY_BROKER_URL", default="memory://")
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
if not CELERY_TASK_ALWAYS_EAGER:
    # A fault test's worker: hand back the tasks of a killed worker within seconds.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
MEDIA_ROOT = BASE_DIR / "test-artifacts" / "media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "test-artifacts" / "private-media"
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": "/private/"},
    },
}
KNOWLEDGE_VIEWS_FLUSH_EVERY = 1

# Several checkouts on one machine share one PostgreSQL server: give each its own test database.
_checkout = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": f"test_portals_{_checkout}"}

# Webhook tests post to a local http.server on 127.0.0.1; production refuses such addresses.
RULES_WEBHOOK_ALLOW_PRIVATE = True
