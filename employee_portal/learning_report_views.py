"""The manager's training report. Managers see the people who report to them (directly or
through others); site administrators see every employee; anyone else finds nothing here."""

from dataclasses import dataclass
from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access.staff import managed_people, staff_required
from core.forms import CompactModelChoiceField, SuggestingTextInput
from core.learning import reports, selectors
from core.learning.models import CoursePage
from core.learning.services import assignment_create
from core.pagination import OneQueryPaginator
from core.params import search_text
from core.people.models import Person

COURSES_PER_PAGE = 20
OVERDUE_PER_PAGE = 25
# Up to this many people the form offers a list; a larger team types the person's e-mail.
PEOPLE_LISTED = 200
# Up to this many live courses the form offers a list; beyond, the manager types a title.
COURSES_LISTED = 100
COURSE_SUGGESTIONS = 10


@dataclass(frozen=True)
class Team:
    people: QuerySet | list[int]  # who the viewer looks after: a Person queryset, or their ids
    size: int
    listed: list[tuple[int, str]] | None  # (pk, name) by name, when the form lists them


class AssignForm(forms.Form):
    """A manager assigns a course to someone in their team, with a due date."""

    person = CompactModelChoiceField(
        label=gettext_lazy("Who"),
        queryset=Person.objects.none(),
        label_field=Person.label_expression(),
    )
    course = CompactModelChoiceField(
        label=gettext_lazy("Course"), queryset=CoursePage.objects.none(), label_field="title"
    )
    due_on = forms.DateField(
        label=gettext_lazy("Due"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, team: Team, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = Person.objects.filter(pk__in=team.people)
        if team.listed is not None:
            self.fields["person"].queryset = self.people
            self.fields["person"].offer(team.listed)
        else:
            self.fields["person"] = forms.EmailField(
                label=gettext_lazy("Who (their e-mail address)"), max_length=254
            )
        courses = selectors.assignable_course_choices(limit=COURSES_LISTED)
        if len(courses) <= COURSES_LISTED:
            self.fields["course"].queryset = selectors.assignable_courses()
            self.fields["course"].offer(courses)
        else:
            self.fields["course"] = forms.CharField(
                label=gettext_lazy("Course"),
                help_text=gettext_lazy("Type the course's title."),
                max_length=300,
                widget=SuggestingTextInput(reverse_lazy("employee:learning-course-suggestions")),
            )

    @property
    def courses_typed(self) -> bool:
        """Whether the course is typed (a long list), so that the page loads htmx."""
        return not isinstance(self.fields["course"], CompactModelChoiceField)

    def clean_course(self):
        course = self.cleaned_data["course"]
        if isinstance(course, CoursePage):
            return course
        found = selectors.courses_titled(course)
        if not found:
            raise forms.ValidationError(_("No live course has this title."))
        if len(found) > 1:
            labels = [selectors.course_label(c.pk, c.title, shared=True) for c in found]
            raise forms.ValidationError(
                _("Several live courses have this title; type the one you mean: %(courses)s.")
                % {"courses": "; ".join(labels)}
            )
        return found[0]

    def clean_person(self):
        person = self.cleaned_data["person"]
        if isinstance(person, Person):
            return person
        found = self.people.filter(email__iexact=person).first()
        if found is None:
            raise forms.ValidationError(_("No one you look after has this address."))
        return found

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on <= timezone.localdate():
            raise forms.ValidationError(_("Choose a day after today."))
        return due_on


def _team(request):
    """The people the viewer looks after (404 when nobody)."""
    team = managed_people(request.user)
    if not team.exists():
        raise Http404
    return team


def _team_to_assign(request) -> Team:
    """The team, its size and, while it is short, the form's list of it: one query tells
    all three for a short list (404 when nobody), a count follows for a long one."""
    people = managed_people(request.user)
    listed = list(
        Person.objects.filter(pk__in=people)
        .order_by("full_name", "pk")
        .values_list("pk", Person.label_expression())[: PEOPLE_LISTED + 1]
    )
    if not listed:
        raise Http404
    if len(listed) > PEOPLE_LISTED:
        return Team(people, people.count(), None)
    # The report's queries then name the people: PostgreSQL plans a short list of ids in
    # half the time of the subquery that found them (0.3 ms instead of 0.6 a query).
    return Team([pk for pk, _name in listed], len(listed), listed)


@staff_required
def report(request, **kwargs):
    team = _team_to_assign(request)
    now = timezone.now()
    courses = OneQueryPaginator(
        reports.completion_by_course(team.people, now=now), COURSES_PER_PAGE
    ).get_page(request.GET.get("courses"))
    by_course = reports.course_lines(courses)
    overdue = OneQueryPaginator(reports.overdue(team.people, now=now), OVERDUE_PER_PAGE).get_page(
        request.GET.get("page")
    )
    overdue.object_list = reports.with_teams(overdue.object_list)
    return render(
        request,
        "employee_portal/learning/report.html",
        {
            "team_size": team.size,
            "by_course": by_course,
            "courses_page": courses,
            "by_team": reports.completion_by_team_and_course(team.people, by_course, now=now),
            "chart": reports.chart(by_course),
            "page_obj": overdue,
            "now": now,
            "assign_form": kwargs.get("assign_form") or AssignForm(team),
        },
        status=400 if kwargs.get("assign_form") else 200,
    )


@staff_required
@require_POST
def assign(request):
    form = AssignForm(_team_to_assign(request), request.POST)
    if not form.is_valid():
        return report(request, assign_form=form)
    data = form.cleaned_data
    due_at = timezone.make_aware(datetime.combine(data["due_on"], time(23, 59)))
    assignment_create(
        person=data["person"], course=data["course"], due_at=due_at, assigned_by=request.user
    )
    messages.success(
        request,
        _("%(course)s is assigned to %(person)s.")
        % {"course": data["course"].title, "person": data["person"].full_name},
    )
    return redirect("employee:learning-report")


@staff_required
def course_suggestions(request):
    """The assign form's course suggestions: <option>s for its <datalist>, asked by htmx
    with what is typed so far (`?course=`), for the same people as the report."""
    _team(request)
    query = search_text(request, "course")
    return render(
        request,
        "employee_portal/learning/_course_suggestions.html",
        {"suggestions": selectors.course_suggestions(query, limit=COURSE_SUGGESTIONS)},
    )


@staff_required
def report_csv(request):
    team = _team(request)
    response = StreamingHttpResponse(reports.csv_rows(team), content_type="text/csv")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="training-report-{stamp}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
