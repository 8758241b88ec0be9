"""Each portal's navigation. Portal apps register their links at start-up; what a person
sees is filtered by the same access rules that guard the views behind the links."""

from collections.abc import Callable
from dataclasses import dataclass

from . import policies
from .roles import Duty, Portal, Role


@dataclass(frozen=True)
class NavItem:
    role: Role
    url_name: str
    label: str
    order: int = 100
    section: str = ""  # a view-name prefix that also marks the link current
    duty: Duty | None = None  # staff links shown only to people with this duty
    # A further test of the person, for links whose audience is data (e.g. who works a
    # ticket queue); it must be cheap or cached on the person, as it runs on every page.
    check: Callable[[object], bool] | None = None


_ITEMS: list[NavItem] = []


def register(item: NavItem) -> None:
    if item not in _ITEMS:
        _ITEMS.append(item)


def items_for(person, portal: Portal) -> list[NavItem]:
    return sorted(
        (
            item
            for item in _ITEMS
            if item.role == portal.role
            and (item.duty is None or policies.has_duty(person, item.duty))
            and (item.check is None or item.check(person))
        ),
        key=lambda item: (item.order, str(item.label)),
    )
