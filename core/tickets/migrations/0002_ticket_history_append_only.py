"""On PostgreSQL the database itself refuses to change or delete ticket history rows.

The one change let through is a link going empty when the person (or message) it points to is
deleted; the recorded label stays.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION ticket_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (to_jsonb(NEW) - 'actor_id' - 'message_id') = (to_jsonb(OLD) - 'actor_id' - 'message_id')
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (NEW.message_id IS NULL OR NEW.message_id = OLD.message_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'ticket history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ticket_event_append_only
    BEFORE UPDATE OR DELETE ON tickets_ticketevent
    FOR EACH ROW EXECUTE FUNCTION ticket_event_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS ticket_event_append_only ON tickets_ticketevent;
DROP FUNCTION IF EXISTS ticket_event_append_only();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_tickets_queues_sla_history")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
