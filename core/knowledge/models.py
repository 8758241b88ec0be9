"""The knowledge base's pages and the rows readers leave behind.

Pages: KnowledgeIndexPage (one, under the home page) → KnowledgeCategoryPage → KnowledgeArticle.
Counters (views, votes) and review reminders live in their own tables, never on the page:
a page row is overwritten from its revision on every publish, and a view must not be an edit.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.access import knowledge as access

from .blocks import ArticleBodyBlock


class KnowledgeIndexPage(Page):
    """The knowledge base's home: categories, popular and most helpful articles, search."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["knowledge.KnowledgeCategoryPage"]
    max_count = 1
    template = "knowledge/knowledge_index_page.html"

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request, *args, **kwargs):
        from .selectors import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(request.user, self))
        return context


class KnowledgeCategoryPage(Page):
    summary = models.CharField(_("summary"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = ["knowledge.KnowledgeArticle"]
    template = "knowledge/knowledge_category_page.html"

    class Meta:
        verbose_name = _("knowledge category")
        verbose_name_plural = _("knowledge categories")

    def get_context(self, request, *args, **kwargs):
        from .selectors import category_context

        context = super().get_context(request, *args, **kwargs)
        context.update(category_context(request.user, self, request.GET.get("page")))
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.KnowledgeArticle", on_delete=models.CASCADE, related_name="tagged_items"
    )


class KnowledgeArticleQuerySet(PageQuerySet):
    def visible_to(self, person) -> "KnowledgeArticleQuerySet":
        """Live articles whose audience matches any of the person's current roles."""
        return self.live().filter(access.article_visibility(person))


class KnowledgeArticle(Page):
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences shown in lists.")
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("article"))
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tags"))

    for_public = models.BooleanField(
        _("everyone"), default=False, help_text=_("Anyone, without signing in.")
    )
    for_customers = models.BooleanField(_("customers"), default=False)
    for_partners = models.BooleanField(_("partners"), default=False)
    for_employees = models.BooleanField(_("employees"), default=False)
    for_investors = models.BooleanField(_("investors"), default=False)
    organisations = ParentalManyToManyField(
        "orgs.Organisation",
        blank=True,
        related_name="knowledge_articles",
        verbose_name=_("only these organisations"),
        help_text=_(
            "Narrows the roles above to people holding them at these organisations. "
            "Leave empty (and no tiers) for everyone in those roles."
        ),
    )
    partner_tiers = ParentalManyToManyField(
        "orgs.PartnerTier",
        blank=True,
        related_name="knowledge_articles",
        verbose_name=_("only these partner tiers"),
        help_text=_("Partners of firms in these tiers (besides the organisations named)."),
    )

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_articles",
        help_text=_("Keeps the article accurate; reminded when the review date passes."),
    )
    review_by = models.DateField(
        _("review by"), null=True, blank=True, help_text=_("After this date it is flagged stale.")
    )
    source_ticket = models.ForeignKey(
        "tickets.Ticket",
        verbose_name=_("written from ticket"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(KnowledgeArticleQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("title"),
        index.AutocompleteField("summary"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.FilterField("for_public"),
        index.FilterField("for_customers"),
        index.FilterField("for_partners"),
        index.FilterField("for_employees"),
        index.FilterField("for_investors"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_links", heading=_("Related articles"), label=_("Related article")),
    ]
    audience_panels = [
        MultiFieldPanel(
            [
                FieldPanel("for_public"),
                FieldRowPanel(
                    [
                        FieldPanel("for_customers"),
                        FieldPanel("for_partners"),
                        FieldPanel("for_employees"),
                        FieldPanel("for_investors"),
                    ]
                ),
                FieldPanel("organisations"),
                FieldPanel("partner_tiers", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who may read this article"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("review_by"), FieldPanel("source_ticket")],
            heading=_("Upkeep"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(audience_panels, heading=_("Audience and upkeep")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["knowledge.KnowledgeCategoryPage"]
    subpage_types: list[str] = []
    template = "knowledge/knowledge_article.html"

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")

    def clean(self):
        super().clean()
        if self.for_public:
            return
        if not access.readable_by_some_role(self):
            raise ValidationError(
                _("Choose who may read the article: everyone, or at least one role.")
            )

    @property
    def is_stale(self) -> bool:
        return self.review_by is not None and self.review_by < timezone.localdate()

    def serve(self, request, *args, **kwargs):
        if not access.may_read(request.user, self):
            if not request.user.is_authenticated and access.readable_by_some_role(self):
                return redirect_to_login(request.get_full_path())
            raise Http404
        response = super().serve(request, *args, **kwargs)
        from .services import article_view_record

        article_view_record(article_id=self.pk)
        return response

    def get_context(self, request, *args, **kwargs):
        from .selectors import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(request.user, self))
        return context


class RelatedArticle(Orderable):
    article = ParentalKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        KnowledgeArticle,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="related_from",
    )

    panels = [FieldPanel("related")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")


class ArticleStats(models.Model):
    """Views and votes per article, kept apart from the page (see the module docstring)."""

    article = models.OneToOneField(
        KnowledgeArticle, primary_key=True, on_delete=models.CASCADE, related_name="stats"
    )
    views = models.PositiveIntegerField(default=0)
    helpful_yes = models.PositiveIntegerField(default=0)
    helpful_no = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("article statistics")
        verbose_name_plural = _("article statistics")
        indexes = [
            models.Index(fields=["-views"], name="knowledge_stats_views"),
            models.Index(fields=["-helpful_yes"], name="knowledge_stats_helpful"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views} views, {self.helpful_yes}/{self.helpful_no}"


class ArticleFeedback(models.Model):
    """'Was this helpful?': one vote per person per article, which they may change."""

    article = models.ForeignKey(KnowledgeArticle, on_delete=models.CASCADE, related_name="feedback")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="article_feedback"
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("article feedback")
        verbose_name_plural = _("article feedback")
        constraints = [
            models.UniqueConstraint(fields=["article", "person"], name="knowledge_one_vote_each")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} · {self.person_id} · {'yes' if self.helpful else 'no'}"


class ReviewReminder(models.Model):
    """One row per article, review date and reminder period: the stale-review job e-mails
    the owner once per period, however often it runs."""

    article = models.ForeignKey(
        KnowledgeArticle, on_delete=models.CASCADE, related_name="review_reminders"
    )
    review_by = models.DateField()
    period = models.PositiveIntegerField(help_text=_("Periods since the review date, from 0."))
    sent_to = models.EmailField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "review_by", "period"], name="knowledge_one_reminder_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.article_id} · {self.review_by} · {self.period}"


class SearchWord(models.Model):
    """One word the live articles use: what a misspelt search term is corrected to
    (core.knowledge.vocabulary)."""

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
