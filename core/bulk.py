"""Saving many rows that each get their own values, in one statement.

Django's `bulk_update` writes one `CASE WHEN id = … THEN …` per row and field: for a thousand
tickets and five fields that is five thousand expressions to build in Python and for the
database to parse, about a second. On PostgreSQL `update_each` sends one array per column
instead (`UPDATE … FROM unnest(…)`); elsewhere it is `bulk_update`.
"""

from collections.abc import Iterable

from django.db import connections, models


def update_each(objs: Iterable[models.Model], fields: list[str], *, using: str = "default") -> int:
    """Save `fields` of every object (all of one model) with the object's own values.
    Returns the number of rows updated."""
    objs = list(objs)
    if not objs:
        return 0
    model = type(objs[0])
    connection = connections[using]
    if connection.vendor != "postgresql":
        return model._base_manager.using(using).bulk_update(objs, fields)
    meta = model._meta
    columns = [meta.pk, *(meta.get_field(name) for name in fields)]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    assignments = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in columns[1:])
    arrays = ", ".join(f"%s::{f.db_type(connection)}[]" for f in columns)
    names = ", ".join(quote(f.column) for f in columns)
    sql = (
        f"UPDATE {table} SET {assignments} FROM unnest({arrays}) AS v({names}) "  # noqa: S608 - names from the model, values as parameters
        f"WHERE {table}.{quote(meta.pk.column)} = v.{quote(meta.pk.column)}"
    )
    params = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for obj in objs]
        for field in columns
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount
