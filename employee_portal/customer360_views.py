"""Customer 360: find a person or organisation and see everything about them on one page.
Staff only; every section comes from the registry in core/customer360.py."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from core import customer360
from core.access.staff import staff_required
from core.orgs.models import Organisation
from core.people.models import Person

RESULTS = 25


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Name, e-mail address or organisation"), max_length=100, required=False
    )


def _people():
    return Person.objects.exclude(email=settings.ANONYMOUS_USER_NAME)


@staff_required
def search(request):
    form = SearchForm(request.GET or None)
    people = organisations = None
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    if q:
        person_q = Q()
        for term in q.split()[:6]:
            person_q &= Q(full_name__icontains=term) | Q(email__icontains=term)
        found_people = _people().filter(person_q).order_by("full_name")
        found_orgs = Organisation.objects.filter(
            Q(name__icontains=q) | Q(email_domain__icontains=q)
        ).order_by("name")
        people = (list(found_people[:RESULTS]), found_people.count())
        organisations = (list(found_orgs[:RESULTS]), found_orgs.count())
    return render(
        request,
        "employee_portal/customer360/search.html",
        {"form": form, "q": q, "people": people, "organisations": organisations},
    )


def _page(request, subject, kind: str):
    return render(
        request,
        "employee_portal/customer360/subject.html",
        {
            "subject": subject,
            "kind": kind,
            "sections": customer360.sections_for(subject, kind, viewer=request.user),
            "timeline": customer360.timeline_for(subject, kind, viewer=request.user),
        },
    )


@staff_required
def person(request, person_id: int):
    return _page(request, get_object_or_404(_people(), pk=person_id), customer360.PERSON)


@staff_required
def organisation(request, organisation_id: int):
    subject = get_object_or_404(Organisation, pk=organisation_id)
    return _page(request, subject, customer360.ORGANISATION)
