from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import dateformat, timezone, translation
from django.utils.html import format_html

from core.cms.selectors import current_site

register = template.Library()


@register.simple_tag
def kept_url(view_name: str, *args) -> str:
    """`{% url view_name arg … %}`, the address kept per process (see kept_reverse)."""
    return kept_reverse(view_name, *args)


def kept_reverse(view_name: str, *args) -> str:
    """reverse(view_name, args=args), kept with everything else that decides it: the script
    prefix and the URLconf (the site mounts each app once, so no current app changes an
    address). Django checks every argument against its pattern again on each call (about
    40 µs an address); pages link the same addresses on every request (the header) and lists
    show the same rows to everyone who opens them."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    return _kept_reverse(view_name, args, get_script_prefix(), urlconf)


@lru_cache(maxsize=4096)
def _kept_reverse(view_name: str, args: tuple, script_prefix: str, urlconf: str) -> str:
    return reverse(view_name, args=args, urlconf=urlconf)


@register.inclusion_tag("includes/nav_link.html", takes_context=True)
def nav_link(context, url_name: str, label: str, *, section: str = ""):
    """A portal navigation link, marked current when the page is it (or within its section,
    a view-name prefix such as "customer:ticket")."""
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    current = view_name == url_name or bool(section and view_name.startswith(section))
    return {"href": kept_reverse(url_name), "label": label, "current": current}


@register.simple_tag(takes_context=True)
def page_url(context, page) -> str:
    """Wagtail's `{% pageurl %}` for the pages Django views link to: the request's site comes
    from the cache (core.cms.selectors.current_site). Wagtail's own page views have it already,
    so their templates keep `{% pageurl %}`."""
    request = context.get("request")
    if request is None:
        return page.get_url()
    return page.relative_url(current_site(request), request) or ""


@register.simple_tag(takes_context=True)
def page_query(context, number, param: str = "page") -> str:
    """The current query string with `param` set to `number`: filters and the other list's
    page survive paging (a page may hold two paginated lists, each with its own parameter)."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"


@register.simple_tag
def time_element(moment, format_string: str) -> str:
    """`<time datetime="…">…</time>` for a moment (a datetime or date) in the active time
    zone, shown in `format_string` (the date filter's format), and nothing for no moment.
    One conversion and one formatting, where two `|date` filters made two of each: lists
    show one or two of these a row."""
    if not moment:
        return ""
    zone = timezone.get_current_timezone_name()
    return _time_element(moment, format_string, translation.get_language(), zone)


@lru_cache(maxsize=4096)
def _time_element(moment, format_string: str, language: str, zone: str) -> str:
    """The element, kept for this moment, format, language and time zone (the arguments that
    decide it; the last two are read from the active settings inside). Django's formatting
    costs ~50 µs, and a list shows the same rows to everyone who opens it."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return format_html(
        '<time datetime="{}">{}</time>',
        moment.isoformat(),
        dateformat.format(moment, format_string),
    )
