PERIODIC_TASKS = {
    "Learning: apply assignment rules": (
        "core.learning.tasks.apply_assignment_rules",
        "15 * * * *",
    ),
    "Learning: reminders and escalations": (
        "core.learning.tasks.send_assignment_notices",
        "0 8 * * *",
    ),
    "Learning: flag certificates for renewal": (
        "core.learning.tasks.flag_certificate_renewals",
        "30 6 * * *",
    ),
}
