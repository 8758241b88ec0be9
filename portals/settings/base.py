"""Settings shared by every mode. Values that differ between machines come from the environment.

The embedded default (no environment at all) is SQLite, eager Celery, a local-memory cache,
Wagtail's database search, files on local disk and console e-mail; dev.py and test.py add
only what those modes need, production.py insists on real secrets and HTTPS.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portals"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(str(BASE_DIR / ".env"))

# SECRET_KEY is set by each mode: only dev and test may fall back to a throwaway key.
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_NAME = env("SITE_NAME", default="Samudra Extranet")
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# How many load balancers stand in front of the web nodes (for the client address in the audit log).
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "core.people.wagtail_apps.PeopleWagtailUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "guardian",
    "django_celery_beat",
    "django_htmx",
]
LOCAL_APPS = [
    "core.orgs",
    "core.people",
    "core.access",
    "core.audit",
    "core.notifications",
    "core.cms",
    "core.calendars",
    "core.uploads",
    "core.tickets",
    "core.staff",
    "core.learning",
    "core.investors",
    "core.rules",
    "core.knowledge",
    "core.partners",
    "core.scheduling",
    "core.demo",
    "customer_portal",
    "partner_portal",
    "employee_portal",
    "investor_portal",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.people.middleware.PersonLanguageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "core.access.middleware.AdminMFAMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portals.urls"
WAGTAIL_ADMIN_PREFIX = "/cms/"
DJANGO_ADMIN_PREFIX = "/django-admin/"
WSGI_APPLICATION = "portals.wsgi.application"

FORM_RENDERER = "core.form_renderer.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "core.access.context_processors.portals",
                "portals.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions stop "database is locked" when the dev server's threads and
    # eager tasks write at once; WAL lets readers carry on during a write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portals.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portals",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Authentication: django-allauth with e-mail sign-in, MFA and rate limits ---------------
AUTH_USER_MODEL = "people.Person"
AUTHENTICATION_BACKENDS = [
    "core.access.backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal-landing"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ACCOUNT_ADAPTER = "core.people.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "core.people.forms.SignupDetailsForm"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# allauth counts attempts in the default cache, so production must use the shared Redis cache.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    # Public forms (core.ratelimits): a confirmation e-mail per sign-up, a review per application.
    "investor_alerts": "20/h/ip,3/h/key",
    "partner_application": "10/h/ip",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# django-guardian: object permissions beside the role rules in core.access.
ANONYMOUS_USER_NAME = "anonymous@guardian.invalid"
GUARDIAN_GET_INIT_ANONYMOUS_USER = "core.people.models.guardian_anonymous_person"
GUARDIAN_MONKEY_PATCH_USER = False

# --- Internationalisation --------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("id", _("Bahasa Indonesia"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Private uploads (ticket attachments, claim receipts, ...) live outside MEDIA_ROOT and are
# served only by views that ask the access module (core/uploads).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES["private"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": "/private-files-are-not-served/"},
}
if env("AWS_STORAGE_BUCKET_NAME", default=""):
    # S3-compatible object storage for several web nodes; files stay private (signed URLs
    # are never handed out: every download goes through a checked view).
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL", default=None),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "private"},
    }
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The largest single private upload (bytes); the web server's own body limit must allow
# UPLOADS_MAX_BYTES times the files per message (nginx: client_max_body_size).
UPLOADS_MAX_BYTES = env.int("UPLOADS_MAX_BYTES", default=10 * 1024 * 1024)

# --- Tickets ----------------------------------------------------------------------------------
TICKETS_MAX_ATTACHMENTS = env.int("TICKETS_MAX_ATTACHMENTS", default=5)  # files per message
TICKETS_REOPEN_WINDOW_DAYS = env.int("TICKETS_REOPEN_WINDOW_DAYS", default=14)
TICKETS_AUTO_CLOSE_DAYS = env.int("TICKETS_AUTO_CLOSE_DAYS", default=7)  # resolved → closed

# --- Business rules (core/rules) ----------------------------------------------------------------
# The timer sweep claims and acts on this many records per transaction, and at most
# RULES_SWEEP_MAX_BATCHES such batches per rule and level in one run (the next run carries on).
RULES_SWEEP_BATCH = env.int("RULES_SWEEP_BATCH", default=1000)
RULES_SWEEP_MAX_BATCHES = env.int("RULES_SWEEP_MAX_BATCHES", default=50)
RULES_BUSINESS_HOURS_WINDOW_DAYS = env.int("RULES_BUSINESS_HOURS_WINDOW_DAYS", default=31)
RULES_WEBHOOK_TIMEOUT = env.float("RULES_WEBHOOK_TIMEOUT", default=10.0)  # seconds per attempt
RULES_WEBHOOK_MAX_ATTEMPTS = env.int("RULES_WEBHOOK_MAX_ATTEMPTS", default=8)
RULES_WEBHOOK_BACKOFF_SECONDS = env.int("RULES_WEBHOOK_BACKOFF_SECONDS", default=30)  # doubles
# Loopback and private webhook addresses: refused unless this is on (dev and tests only).
RULES_WEBHOOK_ALLOW_PRIVATE = env.bool("RULES_WEBHOOK_ALLOW_PRIVATE", default=False)

# --- Partner programme (core/partners) -----------------------------------------------------
# Deal protection for a firm without a tier (tiers carry their own deal_protection_days).
PARTNERS_DEFAULT_PROTECTION_DAYS = env.int("PARTNERS_DEFAULT_PROTECTION_DAYS", default=90)
# How long a partner firm has to accept or decline a distributed lead before it moves on.
PARTNERS_LEAD_RESPONSE_HOURS = env.int("PARTNERS_LEAD_RESPONSE_HOURS", default=48)

# --- E-mail ---------------------------------------------------------------------------------
_email = env.email_url("EMAIL_URL", default="consolemail://")
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT") or 25
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=f"{SITE_NAME} <no-reply@samudra.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------------------------
# With no broker the tasks run eagerly in the web process, so a new machine needs only Python.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="") or "memory://"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Longer than the longest countdown or ETA we use, or Redis would hand the task out twice.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=12 * 60 * 60)
}
CELERY_TASK_DEFAULT_RETRY_DELAY = 30
# Fail fast when the broker is down: the outbox and the sweeps deliver the work later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2}

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"  # every download passes the before_serve_document check
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "xlsx",
    "pptx",
    "odt",
    "ods",
    "csv",
    "txt",
    "zip",
    "png",
    "jpg",
]
# One backend everywhere: on SQLite it is FTS5, on PostgreSQL full-text search with an English
# configuration (stemming, stop words) and trigram matching for typos (pg_trgm).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": env("SEARCH_CONFIG", default="english"),
        "FUZZY_SIMILARITY_THRESHOLD": 0.3,
    }
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Knowledge base: views reach the database every N views per article (and every 5 minutes).
KNOWLEDGE_VIEWS_FLUSH_EVERY = env.int("KNOWLEDGE_VIEWS_FLUSH_EVERY", default=10)
KNOWLEDGE_REVIEW_AFTER_DAYS = env.int("KNOWLEDGE_REVIEW_AFTER_DAYS", default=180)
KNOWLEDGE_REVIEW_REMINDER_EVERY_DAYS = env.int("KNOWLEDGE_REVIEW_REMINDER_EVERY_DAYS", default=14)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Wagtail's own background work runs through Django's task framework; run it inline.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Security defaults (production.py tightens the transport ones) ---------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # Wagtail's inline tasks log every run at INFO; keep their failures only.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
