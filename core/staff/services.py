"""Changes to employee profiles and goals. Views call these; they audit what matters."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from core.access.staff import may_comment_on_goal, may_edit_goal
from core.audit.services import audit_record
from core.notifications.services import email_queue_templated

from .models import EmployeeProfile, Goal, GoalComment

PROFILE_SELF_FIELDS = ("location", "phone", "skills", "about")


def _tidy_skills(skills: str) -> str:
    seen, kept = set(), []
    for skill in skills.split(","):
        skill = " ".join(skill.split())
        if skill and skill.lower() not in seen:
            seen.add(skill.lower())
            kept.append(skill)
    return ", ".join(kept)[:500]


@transaction.atomic
def profile_update(*, person, actor, **fields) -> EmployeeProfile:
    """What employees may change about themselves: location, phone, skills, about."""
    unknown = set(fields) - set(PROFILE_SELF_FIELDS)
    if unknown:
        raise ValueError(f"Not self-service fields: {sorted(unknown)}")
    if actor.pk != person.pk:
        raise PermissionDenied
    if "skills" in fields:
        fields["skills"] = _tidy_skills(fields["skills"])
    profile, _created = EmployeeProfile.objects.get_or_create(person=person)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean()
    profile.save()
    audit_record("staff.profile_updated", actor=actor, target=profile, changes=fields)
    return profile


@transaction.atomic
def goal_create(*, owner, title: str, description: str = "", due_on=None) -> Goal:
    goal = Goal.objects.create(owner=owner, title=title, description=description, due_on=due_on)
    audit_record("staff.goal_created", actor=owner, target=goal)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, actor, **fields) -> Goal:
    if not may_edit_goal(actor, goal):
        raise PermissionDenied(_("Only the goal's owner may change it."))
    allowed = {"title", "description", "due_on", "progress", "status"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(name)
        setattr(goal, name, value)
    if goal.status == Goal.Status.ACHIEVED:
        goal.progress = 100
    goal.full_clean()
    goal.save()
    audit_record(
        "staff.goal_updated",
        actor=actor,
        target=goal,
        changes={k: str(v) for k, v in fields.items()},
    )
    return goal


@transaction.atomic
def goal_comment(*, goal: Goal, author, body: str) -> GoalComment:
    """The owner and their manager talk about a goal; the other one hears of each comment."""
    if not may_comment_on_goal(author, goal):
        raise PermissionDenied
    comment = GoalComment.objects.create(goal=goal, author=author, body=body.strip())
    owner = goal.owner
    manager = getattr(getattr(owner, "employee_profile", None), "manager", None)
    reader = manager if author.pk == owner.pk else owner
    if reader is not None:
        email_queue_templated(
            to=reader.email,
            template="staff_goal_comment",
            context={"goal": goal, "comment": comment, "reader": reader, "author": author},
            language=reader.language,
            key=f"staff:goal-comment:{comment.pk}",
        )
    return comment
