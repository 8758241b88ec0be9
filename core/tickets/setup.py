def ensure_ticket_permissions(**_kwargs) -> None:
    """Nothing to grant yet: who works tickets is queue data (Queue.agent_groups)."""
