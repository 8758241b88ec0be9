"""Typo-tolerant search on PostgreSQL uses trigram similarity (pg_trgm); SQLite needs nothing."""

from django.db import migrations


def enable_trigram(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_knowledge_base_pages_feedback_reviews")]

    operations = [migrations.RunPython(enable_trigram, migrations.RunPython.noop)]
