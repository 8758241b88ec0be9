"""Builders for rule tests: rules written as data, exactly as staff would enter them."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.rules.models import Action, Condition, EscalationLevel, Rule

JAKARTA = ZoneInfo("Asia/Jakarta")


def rule(
    name="Rule",
    *,
    target="ticket",
    trigger="created",
    conditions=(),
    actions=(),
    levels=(),
    **fields,
) -> Rule:
    """conditions: (field, operator, value) triples; actions: dicts of Action fields;
    levels: (level, after_business_hours) pairs."""
    made = Rule.objects.create(name=name, target_kind=target, trigger=trigger, **fields)
    for position, (field, operator, value) in enumerate(conditions):
        Condition.objects.create(
            rule=made, field=field, operator=operator, value=value, position=position
        )
    for level, hours in levels:
        EscalationLevel.objects.create(rule=made, level=level, after_business_hours=hours)
    for position, action in enumerate(actions):
        Action.objects.create(rule=made, position=position, **action)
    return made


def monday_9am(weeks_ago=0) -> datetime:
    """A Monday 09:00 in Jakarta (the test calendars' opening time)."""
    return datetime(2026, 6, 8, 9, 0, tzinfo=JAKARTA) - timedelta(weeks=weeks_ago)


def recent_local(weekday: int, hour: int) -> datetime:
    """The latest past `weekday` at `hour` Jakarta time, at least a day ago (for rules that
    look at the last weeks, such as "outside business hours")."""
    now = datetime.now(JAKARTA) - timedelta(days=1)
    day = now.date() - timedelta(days=(now.weekday() - weekday) % 7)
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=JAKARTA)
