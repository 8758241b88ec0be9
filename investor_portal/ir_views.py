"""The investor relations screens. The IR site is public: the library, the calendar, the
feeds and the alert sign-up answer everyone, and what each person gets is decided by
core.access.investors inside the query. Registered-only material does not exist for anyone
else: its page and file answer 404, and no listing, search, feed or calendar carries it."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.access import investors as access
from core.investors import calendars, selectors, services
from core.investors.forms import RegisterForm, SubscribeForm
from core.investors.models import DocumentKind, InvestorEvent, Publication, Topic
from core.params import calendar_year, search_text
from core.ratelimits import refuse_if_exhausted
from core.uploads.responses import private_file_response

PAGE_SIZE = 15


@require_GET
def library(request):
    year = calendar_year(request.GET.get("year", ""))
    kind = request.GET.get("category", "")
    kind = kind if kind in DocumentKind.values else ""
    query = search_text(request)
    publications = selectors.library(request.user, year=year, kind=kind, query=query)
    page = Paginator(publications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "investor_portal/library.html",
        {
            "page_obj": page,
            "publications": page.object_list,
            "years": selectors.library_years(request.user, now_year=timezone.now().year),
            "kinds": DocumentKind.choices,
            "year": year,
            "kind": kind,
            "query": query,
            "is_investor": access.is_investor(request.user),
        },
    )


def _publication(request, pk: int) -> Publication:
    return get_object_or_404(
        Publication.objects.visible_to(request.user).select_related("downloads"), pk=pk
    )


@require_GET
def report(request, pk: int):
    publication = _publication(request, pk)
    events = publication.events.filter(pk__in=InvestorEvent.objects.visible_to(request.user))
    return render(
        request,
        "investor_portal/report.html",
        {"publication": publication, "events": events.order_by("starts_at")},
    )


@require_GET
def report_file(request, pk: int):
    publication = _publication(request, pk)
    if not publication.file:
        raise Http404
    services.download_count(publication=publication)
    return private_file_response(publication, download="download" in request.GET)


@require_GET
def events(request):
    now = timezone.now()
    past = Paginator(selectors.past_events(request.user, now), PAGE_SIZE)
    return render(
        request,
        "investor_portal/events.html",
        {
            "upcoming": selectors.upcoming_events(request.user, now, limit=50),
            "page_obj": past.get_page(request.GET.get("page")),
        },
    )


def _event(request, pk: int) -> InvestorEvent:
    return get_object_or_404(InvestorEvent.objects.visible_to(request.user), pk=pk)


@require_GET
def event(request, pk: int):
    item = _event(request, pk)
    materials = item.materials.visible_to(request.user).newest_first()
    return render(
        request,
        "investor_portal/event.html",
        {"event": item, "materials": materials, "is_past": item.ends_at < timezone.now()},
    )


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def event_ics(request, pk: int):
    item = _event(request, pk)
    return _ics_response(calendars.event_ics(item), f"samudra-event-{item.pk}.ics")


@require_GET
def calendar_feed(request):
    """Subscribable: calendar apps fetch it without signing in, so it carries public events."""
    return _ics_response(
        calendars.calendar_ics(selectors.feed_events(), name=_("Samudra financial calendar")),
        "samudra-financial-calendar.ics",
    )


@require_http_methods(["GET", "POST"])
def alerts(request):
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = SubscribeForm(
        request.POST or None, initial={**initial, "language": request.LANGUAGE_CODE}
    )
    if request.method == "POST":
        refused = form.is_valid() and refuse_if_exhausted(
            request, form, action="investor_alerts", key=form.cleaned_data["email"]
        )
        if refused:
            return render(request, "investor_portal/alerts.html", {"form": form}, status=429)
        if form.is_valid():
            services.subscription_request(
                email=form.cleaned_data["email"],
                topics=form.cleaned_data["topics"],
                language=form.cleaned_data["language"],
            )
            return render(
                request,
                "investor_portal/alerts_sent.html",
                {"email": form.cleaned_data["email"]},
            )
        return render(request, "investor_portal/alerts.html", {"form": form}, status=400)
    return render(request, "investor_portal/alerts.html", {"form": form})


@require_GET
def alerts_confirm(request, token: str):
    subscriber = services.subscription_confirm(token=token, person=request.user)
    status = 200 if subscriber else 400
    return render(
        request,
        "investor_portal/alerts_confirmed.html",
        {"subscriber": subscriber, "topics": subscriber.topics if subscriber else []},
        status=status,
    )


@csrf_exempt  # RFC 8058 one-click: mail clients POST without a session; the token is the key
@require_http_methods(["GET", "POST"])
def alerts_unsubscribe(request, token: str):
    """GET shows one button (link scanners must not unsubscribe anyone); POST, from the
    button or a mail client's List-Unsubscribe-Post, unsubscribes. No sign-in needed."""
    from core.investors import tokens

    if tokens.read_unsubscribe_token(token) is None:
        return render(request, "investor_portal/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        subscriber = services.subscription_cancel(token=token)
        if subscriber is None:
            raise Http404
        return render(request, "investor_portal/unsubscribe.html", {"done": True})
    return render(request, "investor_portal/unsubscribe.html", {"token": token})


@require_http_methods(["GET", "POST"])
def register(request):
    """A signed-in person with a confirmed e-mail address registers as an investor."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if access.is_investor(request.user):
        return redirect("investor:dashboard")
    from allauth.account.models import EmailAddress

    confirmed = EmailAddress.objects.filter(
        user=request.user, email__iexact=request.user.email, verified=True
    ).exists()
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and confirmed and form.is_valid():
        services.investor_register(person=request.user, request=request)
        messages.success(request, _("Welcome. You are registered as an investor."))
        return redirect("investor:dashboard")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "investor_portal/register.html",
        {"form": form, "confirmed": confirmed, "topics": Topic.choices},
        status=status,
    )
