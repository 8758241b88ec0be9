from . import policies
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
    return {"available_portals": policies.portals_for(user), "current_portal": current}
