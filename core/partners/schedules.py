PERIODIC_TASKS = {
    "Partners: expire deal registrations past protection": (
        "core.partners.tasks.expire_deal_protection",
        "10 * * * *",
    ),
}
