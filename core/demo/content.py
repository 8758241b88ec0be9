"""Demo editorial content: words on the home and portal pages, a public and a portal document."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from core.access.roles import Role
from core.cms.models import ContentPage, HomePage, PortalCollection, PortalPage

from .files import simple_pdf
from .world import DemoWorld

INTROS = {
    Role.CUSTOMER: "<p>Welcome to Samudra support. Our team answers within one business day; "
    "critical incidents are picked up around the clock.</p>",
    Role.PARTNER: "<p>Q4 partner incentive: registered deals closed before 31 December earn an "
    "extra 3% margin.</p>",
    Role.EMPLOYEE: "<p>Annual compliance training is due by 15 December. Thank you for keeping "
    "our customers' data safe.</p>",
    Role.INVESTOR: "<p>Our third-quarter results were published on 30 October. The annual general "
    "meeting takes place in Jakarta in April.</p>",
}


def seed(world: DemoWorld) -> None:
    home = HomePage.objects.get()
    if not home.intro:
        home.intro = (
            "<p>One sign-in for our customers, partners, employees and investors. "
            "Pick your portal after signing in, and switch at any time.</p>"
        )
        home.save_revision().publish()
    for role, intro in INTROS.items():
        page = PortalPage.objects.get(portal=role)
        if not page.intro:
            page.intro = intro
            page.save_revision().publish()
    world.objects["page:about"] = _page(
        home,
        "About Samudra",
        "Who we are and how we work with customers, partners and investors.",
        "Samudra builds logistics and retail software for companies across Southeast Asia "
        "and Australia.",
    )
    world.objects["page:customer-guide"] = _page(
        PortalPage.objects.get(portal=Role.CUSTOMER),
        "Getting started with Samudra support",
        "Severity levels, response times and how to reach us.",
        "Critical (P1): response within 1 hour, around the clock. High (P2): 4 business hours. "
        "Normal (P3): 1 business day.",
    )
    world.objects["document:fact-sheet"] = _document(
        "Samudra company fact sheet",
        "samudra-fact-sheet.pdf",
        Collection.get_first_root_node(),
        [
            "PT Samudra Teknologi Nusantara",
            "Founded 2009, Jakarta",
            "1,200 customers in 14 countries",
        ],
    )
    world.objects["document:customer-guide"] = _document(
        "Customer onboarding guide",
        "customer-onboarding-guide.pdf",
        PortalCollection.objects.get(portal=Role.CUSTOMER).collection,
        [
            "1. Invite your colleagues",
            "2. Open your first ticket",
            "3. Read the getting-started guide",
        ],
    )


def _page(parent, title: str, summary: str, text: str) -> ContentPage:
    page = ContentPage.objects.child_of(parent).filter(title=title).first()
    if page is None:
        page = parent.add_child(
            instance=ContentPage(
                title=title, summary=summary, body=[("paragraph", f"<p>{text}</p>")]
            )
        )
    return page


def _document(title: str, filename: str, collection, lines: list[str]):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=collection)
        document.file.save(filename, ContentFile(simple_pdf(title, lines)), save=False)
        document.save()
    return document
