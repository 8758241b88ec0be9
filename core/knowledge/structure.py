"""What the knowledge base needs in every installation: its index page under the home page,
the "Knowledge review" workflow (content editors approve before anything is published), and
the right for support agents to write drafts there. Idempotent; never undoes editors' changes."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core.access.roles import Duty
from core.cms.models import HomePage

from .models import KnowledgeIndexPage

WORKFLOW_NAME = "Knowledge review"
TASK_NAME = "Content editors approve"


def ensure_knowledge_base() -> KnowledgeIndexPage | None:
    index = KnowledgeIndexPage.objects.first()
    if index is not None:
        return index
    home = HomePage.objects.first()
    if home is None:
        return None
    return home.add_child(
        instance=KnowledgeIndexPage(
            title="Help centre",
            slug="help",
            intro="Answers from our support, partner and investor relations teams.",
        )
    )


def ensure_review_workflow(index: KnowledgeIndexPage) -> Workflow:
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        editors = Group.objects.filter(name=Duty.CONTENT_EDITOR.value).first()
        if editors is not None:
            task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def ensure_agent_drafting(index: KnowledgeIndexPage) -> None:
    """Support agents may open Wagtail and add (and edit their own) articles; publishing
    stays with the workflow's reviewers."""
    agents = Group.objects.filter(name=Duty.AGENT.value).first()
    if agents is None:
        return
    admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin is not None:
        agents.permissions.add(admin)
    add_page = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename="add_page"
    ).first()
    if add_page is not None:
        GroupPagePermission.objects.get_or_create(group=agents, page=index, permission=add_page)


@transaction.atomic
def ensure_knowledge_structure() -> KnowledgeIndexPage | None:
    index = ensure_knowledge_base()
    if index is not None:
        ensure_review_workflow(index)
        ensure_agent_drafting(index)
    return index


def bootstrap_after_migrate(**kwargs) -> None:
    ensure_knowledge_structure()
