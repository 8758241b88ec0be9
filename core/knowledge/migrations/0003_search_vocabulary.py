"""The vocabulary misspelt searches are corrected to (core.knowledge.vocabulary), with a GIN
trigram index on PostgreSQL so `word % term` reads the index. The nightly rebuild task (or
`seed_demo`, or publishing an article) fills it."""

from django.db import migrations, models


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX knowledge_searchword_trgm ON knowledge_searchword "
            "USING gin (word gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_trigram_search_on_postgresql")]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
            ],
            options={"verbose_name": "search word", "verbose_name_plural": "search words"},
        ),
        migrations.RunPython(trigram_index, migrations.RunPython.noop),
    ]
