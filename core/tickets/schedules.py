PERIODIC_TASKS = {
    "Flag missed ticket SLA targets": ("core.tickets.tasks.sweep_sla_breaches", 60),
    "Close resolved tickets": ("core.tickets.tasks.close_resolved_tickets", "15 * * * *"),
}
