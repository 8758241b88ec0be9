"""IR officers edit the library and the calendar in Wagtail; other staff cannot."""

import pytest

from core.access.roles import Duty, Role
from tests.factories import person_with

from .factories import event, publication

pytestmark = pytest.mark.django_db


def test_an_ir_officer_lists_and_edits_publications_and_events_in_wagtail(client):
    report = publication()
    call = event()
    client.force_login(person_with(Role.EMPLOYEE, duties=(Duty.IR_OFFICER,)))
    for url in (
        "/cms/snippets/investors/publication/",
        "/cms/snippets/investors/publication/add/",
        f"/cms/snippets/investors/publication/edit/{report.pk}/",
        "/cms/snippets/investors/investorevent/",
        f"/cms/snippets/investors/investorevent/edit/{call.pk}/",
    ):
        assert client.get(url).status_code == 200, url


def test_a_content_editor_cannot_touch_the_ir_library(client):
    client.force_login(person_with(Role.EMPLOYEE, duties=(Duty.CONTENT_EDITOR,)))
    response = client.get("/cms/snippets/investors/publication/add/")
    assert response.status_code in (302, 403, 404)
