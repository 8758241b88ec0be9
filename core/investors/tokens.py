"""Signed tokens for the e-mail alert links: nothing to store, nothing to guess.

- confirmation: the address and the chosen topics, valid for CONFIRM_MAX_AGE; following it
  creates (or updates) the subscriber, so an address nobody confirmed is never written down;
- unsubscribe: the subscriber's id and address, valid for ever (a link in an old alert must
  still work), usable without signing in.
"""

from django.core import signing

CONFIRM_SALT = "investors.alerts.confirm"
UNSUBSCRIBE_SALT = "investors.alerts.unsubscribe"
CONFIRM_MAX_AGE = 3 * 24 * 3600


def confirm_token(*, email: str, topics: list[str], language: str) -> str:
    return signing.dumps({"e": email, "t": sorted(topics), "l": language}, salt=CONFIRM_SALT)


def read_confirm_token(token: str) -> dict | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        return None
    return data


def unsubscribe_token(subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.email], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(data, list) and len(data) == 2 and isinstance(data[0], int)):
        return None
    return data[0], str(data[1])
