"""The demo's knowledge articles, written out: nineteen published for every audience (one only
for Sinar Jaya, one only for Gold and Platinum partners, one past its review date) and one
draft for review."""

from dataclasses import dataclass, field

PUBLIC = {"for_public": True}
CUSTOMERS = {"for_customers": True}
PARTNERS = {"for_partners": True}
EMPLOYEES = {"for_employees": True}
INVESTORS = {"for_investors": True}


@dataclass(frozen=True)
class Spec:
    key: str
    category: str
    title: str
    summary: str
    paragraphs: tuple[str, ...]
    audience: dict
    tags: tuple[str, ...] = ()
    owner: str = "content_editor"
    views: int = 0
    review_in_days: int = 180
    organisations: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    code: str = ""
    extra: dict = field(default_factory=dict)


ARTICLES = [
    Spec(
        "kb:sign-in",
        "getting-started",
        "Signing in with one account for every portal",
        "One e-mail address and password open every portal you hold a role in.",
        (
            "Sign in once at the top right of any page. If you are a customer and a partner, "
            "the portal menu switches between them without signing in again.",
            "Forgot your password? Use the reset link on the sign-in page; the link is valid "
            "for three days.",
        ),
        PUBLIC,
        ("account", "password"),
        views=412,
    ),
    Spec(
        "kb:public",
        "getting-started",
        "What Samudra support covers",
        "Our support hours, channels and what each support plan includes.",
        (
            "Standard support answers within one business day, Monday to Friday, 08:00 to "
            "17:00 Jakarta time. Gold and Platinum accounts reach us around the clock for "
            "critical incidents.",
            "Support covers the Samudra Warehouse, Fleet and Retail applications, their mobile "
            "scanners and the integration API.",
        ),
        PUBLIC,
        ("support", "plans"),
        views=301,
    ),
    Spec(
        "kb:two-factor",
        "getting-started",
        "Setting up two-factor authentication",
        "Add an authenticator app to protect your account with a six-digit code.",
        (
            "Open Two-factor authentication in your account menu, scan the QR code with an "
            "authenticator app such as Google Authenticator or Microsoft Authenticator, and "
            "type the code it shows.",
            "Keep your recovery codes somewhere safe: each works once if you lose your phone.",
        ),
        PUBLIC,
        ("account", "security"),
        views=188,
    ),
    Spec(
        "kb:customer",
        "tickets",
        "How to choose a ticket priority",
        "Critical, high, normal or low: what each means and how fast we respond.",
        (
            "Critical (P1): your operation has stopped, for example no scanner can log in. We "
            "respond within one hour, around the clock.",
            "High (P2): a key function fails but there is a workaround. Response within four "
            "business hours. Normal (P3): one business day. Low (P4): questions and requests.",
        ),
        CUSTOMERS,
        ("tickets", "priority", "sla"),
        owner="agent",
        views=265,
    ),
    Spec(
        "kb:scanner-logout",
        "tickets",
        "Scanner app logs out after an update",
        "Why handheld scanners sign out after version 4.2 and how to keep them signed in.",
        (
            "Version 4.2 of the scanner app resets the device session when the clock on the "
            "handheld is more than five minutes off. Turn on automatic time in Android "
            "settings, then sign in again.",
            "If the device is managed, ask your administrator to allow the time server "
            "pool.ntp.org in the mobile device policy.",
        ),
        CUSTOMERS,
        ("scanner", "mobile", "login"),
        owner="agent",
        views=143,
    ),
    Spec(
        "kb:attachments",
        "tickets",
        "Adding logs and screenshots to a ticket",
        "Which files we accept and how to export scanner logs.",
        (
            "You can attach up to five files of 10 MB each: images, PDF, Office documents, "
            "ZIP archives, plain text and CSV. Programs and scripts are refused.",
            "To export scanner logs, open Settings → Diagnostics → Share logs on the handheld "
            "and e-mail them to yourself, then attach the ZIP file.",
        ),
        CUSTOMERS,
        ("tickets", "attachments", "scanner"),
        owner="agent",
        views=97,
    ),
    Spec(
        "kb:sinarjaya",
        "tickets",
        "Sinar Jaya: warehouse cut-over weekend plan",
        "The agreed plan for moving the Surabaya warehouse to Samudra Warehouse 5.",
        (
            "Cut-over starts Friday 18:00 WIB. Scanning stops at 17:30; the last stock count "
            "is exported at 17:45. Our on-site engineer is reachable on the bridge line.",
            "Go/no-go call on Saturday at 10:00 with Budi Santoso and the Samudra project lead.",
        ),
        CUSTOMERS,
        ("migration", "warehouse"),
        owner="agent",
        views=22,
        organisations=("sinarjaya",),
    ),
    Spec(
        "kb:api-keys",
        "integrations",
        "Creating and rotating API keys",
        "Issue a key for each integration and rotate it without downtime.",
        (
            "Organisation admins create keys under Settings → API keys. Give each "
            "integration its own key so you can revoke one without stopping the others.",
            "To rotate, create the new key, deploy it, then revoke the old one; both work "
            "for up to 24 hours.",
        ),
        {**CUSTOMERS, **PARTNERS},
        ("api", "security", "integration"),
        views=120,
        code='curl -H "Authorization: Bearer $SAMUDRA_KEY" https://api.samudra.example/v2/orders',
    ),
    Spec(
        "kb:webhooks",
        "integrations",
        "Receiving order events with webhooks",
        "Subscribe to order and shipment events and verify their signatures.",
        (
            "Each webhook request carries an X-Samudra-Signature header: an HMAC-SHA256 of the "
            "body with your webhook secret. Reject requests whose signature does not match.",
            "We retry failed deliveries with back-off for 24 hours; answer with a 2xx status "
            "within ten seconds.",
        ),
        {**CUSTOMERS, **PARTNERS},
        ("api", "webhooks", "integration"),
        views=76,
    ),
    Spec(
        "kb:partner",
        "partners",
        "Registering a deal",
        "Protect an opportunity by registering it before you quote.",
        (
            "Register the deal with the customer's name, the products and the expected close "
            "date. The channel team answers within two business days.",
            "An approved registration protects the deal for your tier's protection period: "
            "60 days for Registered partners, up to 180 days for Platinum.",
        ),
        PARTNERS,
        ("deals", "registration"),
        owner="channel_manager",
        views=154,
    ),
    Spec(
        "kb:mdf",
        "partners",
        "Requesting market development funds",
        "How much MDF your tier earns and how to claim an approved activity.",
        (
            "Silver partners earn 2% of their sales as market development funds, Gold 3% and "
            "Platinum 5%. Request funds before the activity and claim with proof afterwards.",
        ),
        PARTNERS,
        ("mdf", "marketing"),
        owner="channel_manager",
        views=88,
    ),
    Spec(
        "kb:partner-gold",
        "partners",
        "Gold and Platinum: joint account planning",
        "Quarterly planning sessions with your channel manager and priority leads.",
        (
            "Gold and Platinum partners meet their channel manager every quarter to plan "
            "target accounts. Leads for those accounts are offered to you first for 48 hours.",
        ),
        PARTNERS,
        ("leads", "tiers"),
        owner="channel_manager",
        views=31,
        tiers=("gold", "platinum"),
    ),
    Spec(
        "kb:employee",
        "internal",
        "Escalating a ticket to engineering",
        "When and how support hands a ticket to the product engineering team.",
        (
            "Escalate when a defect is reproduced or a customer's operation has stopped for "
            "more than an hour. Add an internal note with the steps to reproduce and the "
            "customer's version.",
            "Engineering acknowledges P1 escalations within 30 minutes on the #incident channel.",
        ),
        EMPLOYEES,
        ("escalation", "tickets"),
        owner="agent",
        views=64,
    ),
    Spec(
        "kb:expenses",
        "internal",
        "Claiming travel expenses",
        "Submit receipts within 30 days; per-diem rates for Indonesian cities.",
        (
            "Claims go through the finance system with a photo of each receipt. Per diem in "
            "Jakarta and Surabaya is Rp 450.000 a day; outside Java Rp 400.000.",
        ),
        EMPLOYEES,
        ("finance", "travel"),
        owner="employee",
        views=51,
    ),
    Spec(
        "kb:stale",
        "internal",
        "Laptop and VPN set-up for new staff",
        "Getting your laptop enrolled and connecting to the office VPN.",
        (
            "IT enrols your laptop on your first day. Install the VPN client from the company "
            "portal and sign in with your Samudra account and two-factor code.",
        ),
        EMPLOYEES,
        ("it", "onboarding"),
        owner="content_editor",
        views=39,
        review_in_days=-45,
    ),
    Spec(
        "kb:investor",
        "investors",
        "Dividend payment dates and how they are paid",
        "Record dates, payment dates and how dividends reach your account.",
        (
            "The final dividend for 2025 of Rp 35 per share is paid on 28 May 2026 to "
            "shareholders on the register on 12 May 2026, through KSEI to your securities "
            "account.",
        ),
        INVESTORS,
        ("dividend", "shareholders"),
        owner="ir_officer",
        views=73,
    ),
    Spec(
        "kb:agm",
        "investors",
        "Attending the annual general meeting",
        "Registering, voting by proxy and asking questions at the AGM in Jakarta.",
        (
            "The AGM takes place in Jakarta in April. Register through eASY.KSEI to attend or "
            "to give a proxy; questions can be sent in advance to the IR team.",
        ),
        INVESTORS,
        ("agm", "shareholders", "voting"),
        owner="ir_officer",
        views=45,
    ),
    Spec(
        "kb:results",
        "investors",
        "Where to find quarterly results",
        "Reports, presentations and call recordings for each quarter.",
        (
            "Quarterly reports are published within 30 days of the quarter's end, with the "
            "presentation and a recording of the analyst call.",
        ),
        {**PUBLIC, **INVESTORS},
        ("results", "reports"),
        owner="ir_officer",
        views=132,
    ),
    Spec(
        "kb:data-protection",
        "getting-started",
        "How we protect your data",
        "Where your data is stored, who can see it and how to ask for a copy.",
        (
            "Customer data is stored in data centres in Jakarta and Singapore and processed "
            "under Indonesia's Personal Data Protection Law (UU PDP). Ask for a copy or "
            "deletion through a support ticket.",
        ),
        {**CUSTOMERS, **PARTNERS, **EMPLOYEES, **INVESTORS},
        ("security", "privacy"),
        views=58,
    ),
]

DRAFT = Spec(
    "kb:in-review",
    "tickets",
    "Printing shipping labels on Zebra printers",
    "Label size, driver settings and the test print.",
    (
        "Use the ZDesigner driver with 100 × 150 mm labels at 203 dpi, and print the test page "
        "from the printer settings before the first shipment.",
    ),
    CUSTOMERS,
    ("printing", "labels"),
    owner="agent",
)
