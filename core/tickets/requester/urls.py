"""The requester's screens put together, and the URLs a portal includes at its prefix."""

from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from core.access.guards import portal_required
from core.access.roles import Role

from .read import ReadViews
from .texts import TEXTS_FOR_ROLE, RequesterTexts
from .write import WriteViews


class RequesterScreens(ReadViews, WriteViews):
    """One portal's requester screens: the read and write views over the same settings."""

    def urlpatterns(self) -> list:
        guard = portal_required(self.role)

        def get(view):
            return guard(require_GET(view))

        def post(view):
            return guard(require_POST(view))

        return [
            path("", get(self.ticket_list), name="tickets"),
            path("new/", guard(self.ticket_new), name="ticket-new"),
            path("suggestions/", get(self.ticket_suggestions), name="ticket-suggestions"),
            path("<str:reference>/", get(self.ticket_detail), name="ticket-detail"),
            path("<str:reference>/reply/", post(self.ticket_reply), name="ticket-reply"),
            path("<str:reference>/status/", post(self.ticket_status), name="ticket-status"),
            path("<str:reference>/rating/", post(self.ticket_rate), name="ticket-rate"),
            *(
                [path("<str:reference>/invite/", post(self.ticket_invite), name="ticket-invite")]
                if self.on_behalf
                else []
            ),
            path(
                "<str:reference>/files/<int:file_id>/",
                get(self.ticket_file),
                name="ticket-file",
            ),
        ]


def requester_urlpatterns(
    role: Role,
    *,
    queue: str | None = None,
    texts: RequesterTexts | None = None,
    product_areas: bool | None = None,
    on_behalf: bool = False,
) -> list:
    """The requester's ticket URLs for one portal; the portal includes them at its prefix.
    Texts default to the portal's own words; investors are not asked for a product.
    `on_behalf`: the form offers the end customers the person's firm serves (partners)."""
    return RequesterScreens(
        role,
        queue=queue,
        texts=texts or TEXTS_FOR_ROLE.get(role, RequesterTexts()),
        product_areas=role != Role.INVESTOR if product_areas is None else product_areas,
        on_behalf=on_behalf,
    ).urlpatterns()
