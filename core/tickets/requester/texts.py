"""What each portal calls its tickets on the requester's screens."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from core.access.roles import Role


@dataclass(frozen=True)
class RequesterTexts:
    """What a portal calls its tickets (the customer portal's words are the default)."""

    title: Promise | str = gettext_lazy("Tickets")
    heading: Promise | str = gettext_lazy("Your tickets")
    heading_organisation: Promise | str = gettext_lazy("Your organisation's tickets")
    lead: Promise | str = gettext_lazy("Follow your requests, reply and see what our team did.")
    new: Promise | str = gettext_lazy("Ask for help")
    new_lead: Promise | str = gettext_lazy(
        "Tell us what is happening. We reply by e-mail and on the ticket page."
    )
    send: Promise | str = gettext_lazy("Send ticket")
    empty: Promise | str = gettext_lazy("No open tickets. Everything is working, we hope!")
    created: Promise | str = gettext_lazy("Thank you. Your ticket %(reference)s is with our team.")
    team: Promise | str = gettext_lazy("Our support team")


INVESTOR_TEXTS = RequesterTexts(
    title=gettext_lazy("Information requests"),
    heading=gettext_lazy("Your information requests"),
    heading_organisation=gettext_lazy("Your organisation's information requests"),
    lead=gettext_lazy("Questions to investor relations, their answers and your feedback."),
    new=gettext_lazy("Ask investor relations"),
    new_lead=gettext_lazy(
        "Ask for information or send feedback. Investor relations answers by e-mail and here."
    ),
    send=gettext_lazy("Send request"),
    empty=gettext_lazy("You have no open information requests."),
    created=gettext_lazy("Thank you. Your request %(reference)s is with investor relations."),
    team=gettext_lazy("Investor relations"),
)
PARTNER_TEXTS = RequesterTexts(
    title=gettext_lazy("Support"),
    heading=gettext_lazy("Your support requests"),
    heading_organisation=gettext_lazy("Your firm's support requests"),
    lead=gettext_lazy("Questions to the partner desk: follow them, reply and see the answers."),
    new=gettext_lazy("Ask the partner desk"),
    send=gettext_lazy("Send request"),
    empty=gettext_lazy("No open support requests."),
    created=gettext_lazy("Thank you. Your request %(reference)s is with the partner desk."),
    team=gettext_lazy("The partner desk"),
)
TEXTS_FOR_ROLE = {Role.INVESTOR: INVESTOR_TEXTS, Role.PARTNER: PARTNER_TEXTS}
