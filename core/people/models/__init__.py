from .access_requests import AccessRequest
from .person import Person, PersonManager, guardian_anonymous_person, normalise_email
from .roles import RoleAssignment, RoleAssignmentQuerySet

__all__ = [
    "AccessRequest",
    "Person",
    "PersonManager",
    "RoleAssignment",
    "RoleAssignmentQuerySet",
    "guardian_anonymous_person",
    "normalise_email",
]
