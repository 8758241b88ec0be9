"""The RSS feed of releases: public publications only, whoever asks (a feed reader signs in
as nobody, and a feed must never carry registered-only material)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from . import selectors


class ReleasesFeed(Feed):
    title = _("Samudra investor relations: releases")
    link = reverse_lazy("investor:library")
    description = _("Reports, results presentations, regulatory filings and press releases.")

    def items(self):
        return selectors.feed_publications(limit=30)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.get_category_display()} · {item.period_label}. {item.summary}"

    def item_link(self, item):
        return reverse("investor:report", args=[item.pk])

    def item_pubdate(self, item):
        return item.first_published_at

    def item_guid(self, item):
        return f"{settings.SITE_URL.rstrip('/')}/ir/publication/{item.pk}"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_category_display()]
