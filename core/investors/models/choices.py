from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    """What an e-mail alert subscriber may choose to hear about."""

    RESULTS = "results", _("Results and reports")
    FILINGS = "filings", _("Regulatory filings")
    PRESS = "press", _("Press releases")
    EVENTS = "events", _("Events")


class DocumentKind(models.TextChoices):
    ANNUAL_REPORT = "annual", _("Annual report")
    QUARTERLY_REPORT = "quarterly", _("Quarterly report")
    PRESENTATION = "presentation", _("Results presentation")
    FILING = "filing", _("Regulatory filing")
    PRESS_RELEASE = "press", _("Press release")

    @property
    def topic(self) -> Topic:
        return {
            DocumentKind.FILING: Topic.FILINGS,
            DocumentKind.PRESS_RELEASE: Topic.PRESS,
        }.get(self, Topic.RESULTS)


class Period(models.TextChoices):
    FULL_YEAR = "FY", _("Full year")
    Q1 = "Q1", _("First quarter")
    Q2 = "Q2", _("Second quarter")
    H1 = "H1", _("First half")
    Q3 = "Q3", _("Third quarter")
    Q4 = "Q4", _("Fourth quarter")
    NONE = "", _("No period")


class Audience(models.TextChoices):
    """Who may read a publication or see an event. Anything but PUBLIC is never public:
    not by direct address, not in a listing, a search, a feed or an e-mail alert."""

    PUBLIC = "public", _("Everyone")
    REGISTERED = "registered", _("Registered investors")
    HOLDERS = "holders", _("Verified shareholders")


class EventKind(models.TextChoices):
    EARNINGS_CALL = "earnings", _("Earnings call")
    AGM = "agm", _("Annual general meeting")
    INVESTOR_DAY = "investor_day", _("Investor day")
    CONFERENCE = "conference", _("Conference")
