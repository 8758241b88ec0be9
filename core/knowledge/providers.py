"""The knowledge base's part in customer 360: a person's article feedback. Only feedback on
articles the viewing employee may read is shown or counted (audiences hold here too); the
Wagtail moderation of articles reaches the approvals inbox through core/staff/providers.py."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import customer360

from .models import ArticleFeedback, KnowledgeArticle


def _feedback(person, viewer):
    readable = KnowledgeArticle.objects.visible_to(viewer).values("pk")
    return ArticleFeedback.objects.filter(person=person, article__in=readable)


def _person_feedback(person, limit, viewer=None):
    rows = _feedback(person, viewer)
    total = rows.count()
    found = []
    for feedback in rows.select_related("article").order_by("-updated_at")[:limit]:
        found.append(
            customer360.Row(
                title=feedback.article.title,
                detail=feedback.comment,
                url=feedback.article.url,
                at=feedback.updated_at,
                badge=_("Helpful") if feedback.helpful else _("Not helpful"),
                tone="success" if feedback.helpful else "warning",
            )
        )
    return found, total


customer360.register_section(
    customer360.SectionSpec(
        "knowledge-feedback",
        gettext_lazy("Article feedback"),
        customer360.PERSON,
        _person_feedback,
        order=70,
        empty=gettext_lazy("No feedback on help articles."),
    )
)
