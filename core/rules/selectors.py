"""Reads for the rule screens."""

from django.db.models import Q
from django.utils.translation import gettext as _

from core.calendars.schedule import NoWorkingTimeError

from .conditions import ConditionError, Context, rule_q
from .timing import business_cutoff

TEST_PAGE_SIZE = 25


def matching_records(rule, *, level=None, now):
    """(queryset, problem): the records the rule matches now, newest first, filtered in the
    database; at an escalation level, only those old enough for it. "changed to" conditions
    match records that hold that value now (there is no event to compare with)."""
    target = rule.target
    if target is None:
        return None, _("No such kind of record is registered.")
    schedule = rule.calendar.schedule() if rule.calendar_id else None
    try:
        q = rule_q(rule, Context(now=now, schedule=schedule))
        if level is not None:
            cutoff = business_cutoff(schedule, now, level.after_business_hours)
            q &= Q(**{f"{target.clock_field}__lte": cutoff})
    except (ConditionError, NoWorkingTimeError, AttributeError) as error:
        return None, str(error)
    return target.records().filter(q).order_by("-pk"), ""
