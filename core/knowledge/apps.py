from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge base every portal shares: Wagtail pages (index → category → article),
    audiences kept by core.access.knowledge, search, feedback and the review workflow."""

    name = "core.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate
        from wagtail.signals import page_published

        from core.tickets.answers import register_answer_page_model
        from core.tickets.deflection import register_suggestion_provider

        from .models import KnowledgeArticle
        from .selectors import article_suggestions
        from .structure import bootstrap_after_migrate
        from .vocabulary import learn_on_publish

        register_suggestion_provider(article_suggestions)
        register_answer_page_model(KnowledgeArticle)
        page_published.connect(
            learn_on_publish, sender=KnowledgeArticle, dispatch_uid="knowledge.vocabulary"
        )
        post_migrate.connect(
            bootstrap_after_migrate, sender=self, dispatch_uid="knowledge.bootstrap"
        )
