PERIODIC_TASKS = {
    "Business rules: time-based rules and escalations": (
        "core.rules.tasks.sweep_time_rules",
        60,
    ),
    "Business rules: retry webhooks": ("core.rules.tasks.retry_webhooks", 60),
}
