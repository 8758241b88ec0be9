"""Browser journeys of the learning engine and the employee portal, with axe-core checks."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import blocking_violations

from .conftest import click_and_wait_for_the_next_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def finish_course_and_pass_the_quiz(page, course, *, start: str) -> None:
    """From the course page: start or continue, mark each remaining lesson done, answer the
    quiz rightly and land on the result."""
    if start == "Continue":
        click_and_wait_for_the_next_page(page, page.get_by_role("link", name="Continue"))
    else:
        click_and_wait_for_the_next_page(page, page.get_by_role("button", name=start))
    done = page.locator("main form button[type=submit]", has_text="Done")
    while done.count():
        click_and_wait_for_the_next_page(page, done)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Quiz")
    for question in course.quiz_questions():
        for choice in question["choices"]:
            if choice["correct"]:
                page.get_by_label(choice["text"], exact=True).check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You passed")


def test_a_partner_takes_a_course_and_gets_a_certificate_anyone_can_check(page, sign_in_as, world):
    course = world.objects["learning:course:partner-sales"]
    sign_in_as(world.people["pacific_rep"].email)
    page.goto("/partner/")
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name="Training"))
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name="Browse courses"))
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name=course.title))
    finish_course_and_pass_the_quiz(page, course, start="Start the course")
    page.get_by_role("link", name="Back to the course").click()
    page.get_by_role("link", name="View your certificate").click()
    expect(page.locator(".certificate-name")).to_have_text("Mei Ling Tan")
    verify = urlsplit(page.locator(".certificate-code a").get_attribute("href")).path
    page.context.clear_cookies()
    page.goto(verify)
    expect(page.get_by_text("This certificate is valid.")).to_be_visible()


def test_an_employee_finishes_assigned_training_and_its_quiz(page, sign_in_as, world):
    """Joko is half-way through the security course he was assigned; he finishes it."""
    course = world.objects["learning:course:security"]
    sign_in_as(world.people["employee"].email)
    page.goto("/employee/learning/")
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name=course.title).first)
    finish_course_and_pass_the_quiz(page, course, start="Continue")
    page.get_by_role("link", name="Back to the course").click()
    expect(page.get_by_role("link", name="View your certificate")).to_be_visible()
    page.goto("/employee/learning/")
    completed = page.locator("section[aria-labelledby=completed-title]")
    expect(completed.get_by_role("link", name=course.title)).to_be_visible()


def test_employee_portal_pages_have_no_serious_accessibility_violations(page, sign_in_as, world):
    sign_in_as(world.people["employee"].email)
    joko_goal = world.objects["staff:goal:employee"]
    found = {}
    for url in (
        "/employee/",
        "/employee/learning/",
        "/employee/learning/courses/",
        f"/employee/learning/courses/{world.objects['learning:course:pdp'].pk}/",
        f"/employee/learning/courses/{world.objects['learning:course:security'].pk}/quiz/",
        "/employee/directory/",
        f"/employee/goals/{joko_goal.pk}/",
        "/employee/inbox/",
        f"/employee/360/people/{world.people['multi'].pk}/",
        world.objects["page:news-index"].url,
    ):
        page.goto(url)
        page.wait_for_load_state()
        violations = blocking_violations(page)
        if violations:
            found[url] = violations
    assert not found, "\n".join(f"{where}:\n  " + "\n  ".join(v) for where, v in found.items())
