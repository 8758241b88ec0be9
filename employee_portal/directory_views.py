"""The employee directory and profiles: employees only; anyone else is told nothing is here."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.access.staff import staff_required
from core.forms import CompactSelect
from core.staff import selectors
from core.staff.models import Department, EmployeeProfile, Goal
from core.staff.services import profile_update


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Name, skill or job title"), required=False, max_length=100
    )
    department = forms.ChoiceField(
        label=gettext_lazy("Department"), required=False, widget=CompactSelect
    )
    location = forms.ChoiceField(
        label=gettext_lazy("Location"), required=False, widget=CompactSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self.fields["department"].choices = everyone + list(
            Department.objects.values_list("slug", "name")
        )
        self.fields["location"].choices = everyone + [(x, x) for x in selectors.locations()]


@staff_required
def directory(request):
    form = DirectorySearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    people = selectors.directory_search(
        q=filters.get("q", ""),
        department=filters.get("department", ""),
        location=filters.get("location", ""),
    )
    page_obj = Paginator(people, 24).get_page(request.GET.get("page"))
    return render(
        request,
        "employee_portal/directory/list.html",
        {"form": form, "page_obj": page_obj, "searching": bool(request.GET.get("q"))},
    )


@staff_required
def profile(request, person_id: int):
    person = get_object_or_404(selectors.employees(), pk=person_id)
    viewer = request.user
    is_manager = getattr(getattr(person, "employee_profile", None), "manager_id", None) == viewer.pk
    return render(
        request,
        "employee_portal/directory/profile.html",
        {
            "person": person,
            "profile": getattr(person, "employee_profile", None),
            "reports": list(selectors.direct_reports(person)[:50]),
            "is_self": person.pk == viewer.pk,
            "is_manager": is_manager,
            "active_goals": Goal.objects.visible_to(viewer)
            .filter(owner=person, status=Goal.Status.ACTIVE)
            .count()
            if is_manager or person.pk == viewer.pk
            else None,
        },
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = EmployeeProfile
        fields = ["location", "phone", "skills", "about"]
        widgets = {"about": forms.Textarea(attrs={"rows": 4})}


@staff_required
def profile_edit(request):
    instance = EmployeeProfile.objects.filter(person=request.user).first()
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        profile_update(person=request.user, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("employee:directory-person", request.user.pk)
    return render(
        request,
        "employee_portal/directory/edit.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
