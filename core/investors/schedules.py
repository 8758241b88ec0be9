PERIODIC_TASKS = {
    "Investor relations: publish scheduled items": (
        "core.investors.tasks.publish_scheduled_items",
        60,
    ),
    "Investor relations: resume e-mail alerts": ("core.investors.tasks.resume_alerts", 300),
}
