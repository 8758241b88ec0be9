from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/nav_link.html", takes_context=True)
def nav_link(context, url_name: str, label: str, *, section: str = ""):
    """A portal navigation link, marked current when the page is it (or within its section,
    a view-name prefix such as "customer:ticket")."""
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    current = view_name == url_name or bool(section and view_name.startswith(section))
    return {"href": reverse(url_name), "label": label, "current": current}
