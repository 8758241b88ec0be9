"""The demo's ticket history beyond the scripted conversations: 28 generated, resolved
tickets spread over the last six months, and Bengawan's, from Siti's time there to its current
admin's two tickets past their SLA."""

from core.access.roles import Role
from core.demo.foundation import DemoPerson, Hat
from core.demo.world import DemoWorld

from .playback import A, C, G, R, S, Script, find_hat, play

BENGAWAN_ADMIN = DemoPerson(
    "Yohanes Prasetyo",
    "yohanes.prasetyo@bengawan.example",
    (Hat(Role.CUSTOMER, "bengawan", "Head of Store Systems", admin=True, years_ago=3),),
    language="id",
)

GENERATED_SUBJECTS = [
    ("Barcode labels print with the wrong font", 0, 0),
    ("Export to Excel cuts off after 10,000 rows", 0, 0),
    ("Can we get a second admin account?", 4, 3),
    ("Truck maintenance reminders not sent", 0, 1),
    ("Receipt printer prints blank receipts at store 14", 0, 2),
    ("How do I change the tax rate for a product group?", 1, 2),
    ("Invoice sent to the wrong e-mail address", 2, 4),
    ("Webhook deliveries fail with TLS error", 3, 1),
    ("Loyalty points not added after the promotion", 0, 2),
    ("Slow loading of the picking dashboard", 0, 0),
    ("Password reset e-mail never arrives", 4, 3),
    ("Need a copy of our signed contract", 2, 4),
    ("Cycle count tasks assigned to inactive users", 0, 0),
    ("POS terminal shows 'offline' though network is up", 0, 2),
    ("Request: dark mode for the driver app", 1, 1),
    ("Duplicate customers after CSV import", 3, 3),
    ("Goods receipt cannot be reversed", 0, 0),
    ("Question about the annual price increase", 2, 4),
    ("Delivery notes missing the customer PO number", 0, 0),
    ("Two-factor codes rejected for one user", 4, 3),
    ("Store opening hours wrong on receipts", 1, 2),
    ("API documentation link is broken", 3, 3),
    ("Fuel card import fails for October", 0, 1),
    ("Cashier cannot void a line after discount", 0, 2),
    ("Replenishment suggestions look too high", 1, 0),
    ("Request a sandbox environment for testing", 3, 3),
    ("Monthly usage report is empty", 2, 4),
    ("Proof-of-delivery PDFs show the wrong time zone", 0, 1),
]
GENERATED_REQUESTERS = ["customer", "customer_admin", "other_customer", "acme_contact", "multi"]
GENERATED_AGENT_REPLIES = [
    "Thank you for the details. We could reproduce it and have applied a fix on your tenant.",
    "This is configured per site: Setup → Preferences. I changed it for you; please check.",
    "We have passed this to our product team and will tell you when it is planned.",
    "Done. Please try again and tell us if anything still looks wrong.",
]
GENERATED_COMMENTS = ["Thanks!", "Fixed quickly.", "", "Took a while, but solved.", "Great help."]


def play_generated(world: DemoWorld, categories, areas) -> None:
    rnd = world.random
    for index, (subject, category, area) in enumerate(GENERATED_SUBJECTS):
        requester = GENERATED_REQUESTERS[index % len(GENERATED_REQUESTERS)]
        days_ago = 8 + index * 6.3 + rnd.random() * 3
        agent = "agent" if index % 3 else "agent_two"
        steps = [G(1 + rnd.random(), agent)]
        steps.append(A(2 + rnd.random() * 5, agent, GENERATED_AGENT_REPLIES[index % 4]))
        if index % 4 == 1:
            steps.append(C(20, "Thanks, that works now."))
        steps.append(S(30 + rnd.random() * 40, agent, "resolved"))
        if index % 2 == 0:
            steps.append(R(60, 3 + index % 3, GENERATED_COMMENTS[index % 5]))
        if days_ago > 14:
            steps.append(S(24 * 9, "", "closed"))
        play(
            world,
            Script(
                requester,
                days_ago,
                subject,
                f"{subject}. Please have a look — details on request.",
                ("low", "normal", "normal", "high")[index % 4],
                category,
                area,
                steps=steps,
            ),
            categories,
            areas,
        )


def play_bengawan(world: DemoWorld, categories, areas) -> None:
    """Siti's requests from when she worked there, and the current admin's."""
    people = world.people
    siti_then = find_hat(people["customer"], "bengawan", world)
    for days_ago, subject in (
        (640, "POS end-of-day report does not balance at Solo Baru store"),
        (610, "Need 20 more POS licences for the Lebaran season"),
    ):
        play(
            world,
            Script(
                "customer",
                days_ago,
                subject,
                subject + ".",
                "normal",
                0,
                2,
                steps=[
                    A(3, "agent_two", "Sorted: please check again tomorrow morning.", "resolved"),
                    S(24 * 9, "", "closed"),
                ],
            ),
            categories,
            areas,
            hat=siti_then,
        )
    for days_ago, subject, breach in (
        (5.5, "Price labels show the old promotion price at 6 stores", True),
        (4.0, "Store managers cannot approve refunds above Rp 1.000.000", True),
        (30, "Add our new store in Klaten to the POS rollout", False),
    ):
        steps = [] if breach else [A(2, "agent", "Planned for the January rollout.", "resolved")]
        play(
            world,
            Script("bengawan_admin", days_ago, subject, subject + ".", "high", 0, 2, steps=steps),
            categories,
            areas,
        )
