from datetime import datetime

from django.db import transaction

from core.jobs import enqueue_after_commit

from .. import notify
from ..models import TicketEvent


@transaction.atomic
def record_breaches(*, kind: str, ticket_ids: list[int], at: datetime) -> None:
    """History rows for freshly flagged tickets (one INSERT), and one task for the notices."""
    from ..tasks import notify_sla_breaches

    TicketEvent.objects.bulk_create(
        TicketEvent(ticket_id=pk, kind=TicketEvent.Kind.SLA_BREACH, new_value=kind, at=at)
        for pk in ticket_ids
    )
    if not notify.is_muted():
        enqueue_after_commit(notify_sla_breaches, kind, ticket_ids)
