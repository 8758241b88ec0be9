"""Production: real secrets from the environment, HTTPS only, shared cache, compressed static."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Sign-in rate limits and sessions must be shared by every web node: Redis is required here.
REDIS_URL = env("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "portals.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "portals",
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Webhooks never reach loopback or private addresses from production.
RULES_WEBHOOK_ALLOW_PRIVATE = False
