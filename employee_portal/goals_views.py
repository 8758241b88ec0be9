"""Personal goals with progress; the manager reads their reports' goals and comments."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.access.staff import may_comment_on_goal, may_edit_goal, staff_required
from core.staff.models import Goal
from core.staff.services import goal_comment, goal_create, goal_update


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["title", "description", "due_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "due_on": forms.DateInput(attrs={"type": "date"}),
        }


class ProgressForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["progress", "status"]
        widgets = {"progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5})}


class CommentForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _goals(person):
    return (
        Goal.objects.visible_to(person)
        .select_related("owner")
        .annotate(comment_count=Count("comments"))
    )


@staff_required
def goal_list(request):
    goals = _goals(request.user)
    mine = list(goals.filter(owner=request.user)[:100])
    team = list(
        goals.exclude(owner=request.user)
        .filter(status=Goal.Status.ACTIVE)
        .order_by("owner__full_name", "due_on")[:200]
    )
    return render(request, "employee_portal/goals/list.html", {"mine": mine, "team": team})


@staff_required
def goal_new(request):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goal = goal_create(owner=request.user, **form.cleaned_data)
        messages.success(request, _("Your goal is set."))
        return redirect("employee:goal", goal.pk)
    return render(
        request,
        "employee_portal/goals/form.html",
        {"form": form, "goal": None},
        status=400 if form.errors else 200,
    )


@staff_required
def goal_detail(request, goal_id: int):
    goal = get_object_or_404(_goals(request.user), pk=goal_id)
    progress_form = ProgressForm(instance=goal)
    if request.method == "POST":
        if not may_edit_goal(request.user, goal):
            raise PermissionDenied
        progress_form = ProgressForm(request.POST, instance=Goal.objects.get(pk=goal.pk))
        if progress_form.is_valid():
            goal_update(goal=goal, actor=request.user, **progress_form.cleaned_data)
            messages.success(request, _("Progress saved."))
            return redirect("employee:goal", goal.pk)
    return render(
        request,
        "employee_portal/goals/detail.html",
        {
            "goal": goal,
            "comments": goal.comments.select_related("author"),
            "progress_form": progress_form,
            "comment_form": CommentForm(),
            "may_edit": may_edit_goal(request.user, goal),
            "may_comment": may_comment_on_goal(request.user, goal),
        },
        status=400 if progress_form.errors else 200,
    )


@staff_required
def goal_edit(request, goal_id: int):
    goal = get_object_or_404(Goal.objects.visible_to(request.user), pk=goal_id)
    if not may_edit_goal(request.user, goal):
        raise PermissionDenied
    form = GoalForm(request.POST or None, instance=Goal.objects.get(pk=goal.pk))
    if request.method == "POST" and form.is_valid():
        goal_update(goal=goal, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your goal is saved."))
        return redirect("employee:goal", goal.pk)
    return render(
        request,
        "employee_portal/goals/form.html",
        {"form": form, "goal": goal},
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def goal_comment_add(request, goal_id: int):
    goal = get_object_or_404(Goal.objects.visible_to(request.user), pk=goal_id)
    form = CommentForm(request.POST)
    if not may_comment_on_goal(request.user, goal):
        raise PermissionDenied
    if form.is_valid():
        goal_comment(goal=goal, author=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Comment added."))
        return redirect("employee:goal", goal.pk)
    messages.error(request, _("Write a comment first."))
    return redirect("employee:goal", goal.pk)
