PERIODIC_TASKS = {
    "Partners: expire deal registrations past protection": (
        "core.partners.tasks.expire_deal_protection",
        "10 * * * *",
    ),
    "Partners: re-assign leads not answered in time": (
        "core.partners.tasks.reassign_lapsed_leads",
        900,
    ),
}
