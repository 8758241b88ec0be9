PERIODIC_TASKS = {
    "Resend stalled e-mails": ("core.notifications.tasks.resend_stalled_outbound_emails", 60),
}
