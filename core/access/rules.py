"""Who may edit business rules, test them and read what they did.

Rules live in the Django admin, whose gate (middleware.py: staff with two-factor only, 404 for
everyone else) applies first; within it, Django model permissions decide, so the site
administrator can hand "rules.change_rule" to a support lead without making them superuser.
"""

from . import policies


def may_edit_rules(person) -> bool:
    return policies.may_use_django_admin(person) and person.has_perm("rules.change_rule")


def may_test_rule(person) -> bool:
    """The test screen shows records (titles of tickets): viewing rules is not enough on its
    own, the person must also be allowed to see those records in the admin."""
    return policies.may_use_django_admin(person) and person.has_perm("rules.view_rule")


def may_read_deliveries(person) -> bool:
    return policies.may_use_django_admin(person) and person.has_perm("rules.view_webhookdelivery")
