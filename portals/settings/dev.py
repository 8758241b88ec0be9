"""The embedded default for a developer's machine: SQLite, eager tasks, console e-mail."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# A fixed key is acceptable only here: dev data is throwaway and never served publicly.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-change-me-8f2b1c9e7d")  # noqa: S105

# Webhook rules may point at a receiver on this machine (the demo's example URL is local).
RULES_WEBHOOK_ALLOW_PRIVATE = env.bool("RULES_WEBHOOK_ALLOW_PRIVATE", default=True)
