PERIODIC_TASKS = {
    "Business rules: time-based rules and escalations": (
        "core.rules.tasks.sweep_time_rules",
        60,
    ),
}
