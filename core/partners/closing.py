"""Recording a registration's outcome from the close form: the step the partner's deal page and
the channel manager's share (each then says what happened in its own words and place)."""

from .forms import CloseDealForm
from .lifecycle import Side, TransitionNotAllowed
from .models import DealRegistration
from .services import deals as deal_services


def deal_close_from_form(
    form: CloseDealForm, *, deal: DealRegistration, by, side: Side
) -> DealRegistration | None:
    """Record the outcome a valid `form` names (won, or lost with its note) as `side`, and
    return the closed registration. None when nothing was recorded: the form's field errors
    say what was missing, or its non-field error why the registration cannot close."""
    if not form.is_valid():
        return None
    try:
        return deal_services.deal_close(
            deal=deal,
            by=by,
            side=side,
            won=form.cleaned_data["outcome"] == "won",
            reason=form.cleaned_data["reason"],
        )
    except TransitionNotAllowed as error:
        form.add_error(None, error.message)
        return None
