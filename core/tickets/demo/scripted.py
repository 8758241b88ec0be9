"""The hand-written demo tickets: a dozen conversations at Sinar Jaya and Acme, each a Script of
what the customer asked and what happened next (see playback for the shorthand A, C, N, …)."""

from .playback import A, C, G, N, R, S, Script

SCRIPTS = [
    Script(
        "customer",
        3.2,
        "Scanner app logs out every few minutes on the Surabaya warehouse floor",
        "Since Monday our handheld scanners (Zebra TC52) drop the session about every 5 minutes. "
        "Pickers have to sign in again and lose their pick list. Wi-Fi looks stable.",
        "high",
        0,
        0,
        ("scanner-error.png",),
        [
            G(0.5, "agent"),
            A(
                1.5,
                "agent",
                "Thank you, Siti. Could you send the app version (Settings → About) and the time "
                "of two recent log-outs? Then we can find them in the server logs.",
                "pending",
            ),
            C(20, "Version 4.12.1. It happened at 09:14 and 09:21 today.", ("about-screen.png",)),
            N(
                21,
                "agent",
                "Session token TTL on the Surabaya tenant is 300 s after the 4.12 config push. "
                "Asked ops to restore 8 h.",
                ("session-log.txt",),
            ),
            A(
                23,
                "agent",
                "We found a wrong session setting on your site and corrected it. Could you "
                "confirm the scanners stay signed in now?",
                "pending",
            ),
        ],
        key="tickets:siti",
    ),
    Script(
        "customer_admin",
        41,
        "Invoice INV-2025-0932 charges 60 users, we have 48",
        "Our October invoice bills 60 named users for WMS. We removed 12 leavers in September. "
        "Please correct the invoice.",
        "normal",
        2,
        4,
        ("invoice-inv-2025-0932.pdf",),
        [
            G(2, "agent_two"),
            A(
                5,
                "agent_two",
                "You are right: the user count was taken before the September clean-up. "
                "We will issue a credit note for 12 users.",
            ),
            N(6, "agent_two", "Credit note CN-2025-0114 requested from finance."),
            A(50, "agent_two", "The credit note is attached.", "resolved", ("credit-note.pdf",)),
            R(60, 5, "Quick and clear, thank you."),
        ],
    ),
    Script(
        "other_customer",
        0.25,
        "Fleet tracker map shows trucks in the wrong city",
        "Since this morning about a third of our trucks show in Melbourne while they are in "
        "Sydney. Dispatch is guessing. This blocks our morning routes.",
        "urgent",
        0,
        1,
        ("map-screenshot.png",),
        [
            G(0.2, "agent"),
            A(
                0.6,
                "agent",
                "We see it too: a GPS provider feed sends stale positions. Engineers are on it.",
            ),
            N(0.8, "agent", "Incident INC-2211 opened with the GPS vendor."),
        ],
        key="tickets:acme",
    ),
    Script(
        "acme_contact",
        0.9,
        "API returns 429 when we sync deliveries at 02:00",
        "Our nightly job posts about 8,000 delivery updates and starts getting HTTP 429 after a "
        "few minutes. What is the rate limit and can it be raised for the night window?",
        "normal",
        3,
        1,
        (),
        [
            G(1, "agent_two"),
            A(
                2,
                "agent_two",
                "The limit is 600 requests a minute per tenant. Batching 100 updates per call "
                "(POST /v2/deliveries/batch) keeps you well under it; shall we raise it anyway?",
                "pending",
            ),
        ],
    ),
    Script(
        "multi",
        2.5,
        "Purchase order upload rejects files over 2 MB",
        "Uploading our PO PDFs to the customer portal fails for anything above 2 MB with "
        "'request too large'. Our POs with drawings are 3–5 MB.",
        "low",
        0,
        3,
        (),
        [
            A(
                5,
                "agent",
                "The limit is 2 MB today; we are raising it to 10 MB next week.",
                "on_hold",
            )
        ],
    ),
    Script(
        "customer",
        96,
        "How do I add a new warehouse location?",
        "We open a second warehouse in Gresik next month. How do we add it and its bin "
        "locations in WMS?",
        "low",
        1,
        0,
        (),
        [
            A(
                3,
                "agent",
                "Go to Setup → Sites → New site, then import bins from the CSV template. "
                "I have linked the guide.",
                "resolved",
            ),
            R(30, 4, "Worked. The CSV template could be easier to find."),
            S(200, "", "closed"),
        ],
    ),
    Script(
        "other_customer",
        130,
        "Single sign-on with Azure AD stopped working after certificate renewal",
        "Our Azure AD signing certificate was renewed yesterday; now nobody from Acme can sign "
        "in to the portal via SSO.",
        "high",
        4,
        3,
        (),
        [
            G(0.5, "agent_two"),
            A(1, "agent_two", "Please send the new federation metadata XML or its URL."),
            C(2, "Here is the metadata URL: https://login.acme-logistics.example/metadata"),
            A(3, "agent_two", "Imported the new certificate. Sign-in works again.", "resolved"),
            R(5, 5, "Saved our morning."),
            S(200, "", "closed"),
        ],
    ),
    Script(
        "customer_admin",
        65,
        "Please remove access for Andi Kurniawan (left the company)",
        "Andi Kurniawan left PT Sinar Jaya on 30 September. Please disable his WMS and portal "
        "access.",
        "normal",
        4,
        3,
        (),
        [
            A(2, "agent", "Done: his accounts are disabled and his open tasks moved to you."),
            S(2.1, "agent", "resolved"),
            S(190, "", "closed"),
        ],
    ),
    Script(
        "customer",
        20,
        "Stock count report shows negative quantities",
        "The daily stock count report shows -14 for SKU SJ-4471 in bin B-12-03. Physical count "
        "is 36.",
        "normal",
        0,
        0,
        ("stock-report.pdf",),
        [
            G(1, "agent"),
            A(4, "agent", "Thanks. Were there returns booked on that SKU last week?", "pending"),
            C(40, "Yes, 50 returns on 2 November, booked twice by mistake."),
            A(
                44,
                "agent",
                "That explains it. I reversed the duplicate return; the report is right again.",
                "resolved",
            ),
        ],
    ),
    Script(
        "other_customer",
        9,
        "Driver app crashes when attaching a delivery photo",
        "On Android 14 (Samsung A54) the driver app closes when the driver taps 'Add photo' on "
        "the proof-of-delivery screen.",
        "high",
        0,
        1,
        ("crash-log.txt",),
        [
            G(1, "agent_two"),
            A(2, "agent_two", "Reproduced on Android 14. A fix is in version 3.8.2."),
            N(3, "agent_two", "Camera permission regression, fixed in build 3.8.2-rc1."),
            S(4, "agent_two", "on_hold"),
            A(120, "agent_two", "Version 3.8.2 is in the Play Store. Please update.", "resolved"),
        ],
    ),
    Script(
        "customer",
        4.5,
        "Training for new warehouse staff in December",
        "We hire 15 seasonal pickers in December. Can you run a half-day WMS training in Surabaya?",
        "low",
        1,
        0,
        (),
        [
            G(2, "agent"),
            A(
                6,
                "agent",
                "Happy to. Which dates suit you in the first week of December?",
                "pending",
            ),
        ],
    ),
    Script(
        "acme_contact",
        6.5,
        "Route optimiser ignores delivery time windows",
        "Routes planned today put three customers with 08:00–10:00 windows after 11:00. Time "
        "windows are set on the orders.",
        "high",
        0,
        1,
        (),
        [
            G(1, "agent"),
            A(2, "agent", "Could you share the route ID and one of the order numbers?", "pending"),
            C(30, "Route R-20251118-07, order ACM-778812."),
            N(
                32,
                "agent",
                "Windows dropped when orders are imported via API v1. Escalated to dev.",
            ),
            A(33, "agent", "We found the cause and a fix is being tested.", "on_hold"),
        ],
    ),
]
