from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge base every portal shares: Wagtail pages (index → category → article),
    audiences kept by core.access.knowledge, search, feedback and the review workflow."""

    name = "core.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge base")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from wagtail.signals import page_published, post_page_move

        from core.tickets.answers import register_answer_page_model
        from core.tickets.deflection import register_suggestion_provider

        from .cached_reads import knowledge_changed
        from .models import KnowledgeArticle, KnowledgeCategoryPage, KnowledgeIndexPage
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
        for model in (KnowledgeArticle, KnowledgeCategoryPage, KnowledgeIndexPage):
            for signal in (post_save, post_delete, post_page_move):
                signal.connect(
                    knowledge_changed, sender=model, dispatch_uid=f"knowledge.changed.{model}"
                )
        for relation in ("organisations", "partner_tiers"):
            through = getattr(KnowledgeArticle, relation).through
            m2m_changed.connect(
                knowledge_changed, sender=through, dispatch_uid=f"knowledge.changed.{relation}"
            )
