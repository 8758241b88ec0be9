from . import navigation, policies
from .roles import PORTAL_BY_NAMESPACE


def portals(request):
    """The portal switcher's data: the portals this person holds and the one they are in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"available_portals": [], "current_portal": None}
    current = getattr(request, "portal", None)
    if current is None and request.resolver_match is not None:
        namespaces = request.resolver_match.namespaces
        current = PORTAL_BY_NAMESPACE.get(namespaces[0]) if namespaces else None
    available = policies.portals_for(user)
    # A page of a portal the person does not hold (its no-access page) belongs to no portal.
    current = current if current in available else None
    return {
        "available_portals": available,
        "current_portal": current,
        "portal_nav": navigation.items_for(user, current) if current else [],
    }
