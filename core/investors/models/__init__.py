from .alerts import Alert, AlertDelivery, Subscriber
from .choices import Audience, DocumentKind, EventKind, Period, Topic
from .disclosures import Disclosure, InvestorProfile
from .events import InvestorEvent
from .pages import GovernancePage, InvestorHomePage
from .publications import Publication, PublicationDownloads

__all__ = [
    "Alert",
    "AlertDelivery",
    "Audience",
    "Disclosure",
    "DocumentKind",
    "EventKind",
    "GovernancePage",
    "InvestorEvent",
    "InvestorHomePage",
    "InvestorProfile",
    "Period",
    "Publication",
    "PublicationDownloads",
    "Subscriber",
    "Topic",
]
