"""One INSERT … SELECT over generate_series per chunk, with the column list read from the model.

Every column must be given an expression or have a default: a column added later without
either fails here by name instead of loading rows the application cannot read.
"""

import time
from collections.abc import Callable

from django.db import connection, transaction

Progress = Callable[[str, int, int, float], None]


def _default_parameter(field):
    if field.has_default():
        return field.get_db_prep_save(field.get_default(), connection)
    if field.null:
        return None
    if field.blank and field.empty_strings_allowed:
        return ""
    raise LookupError(f"{field.model.__name__}.{field.name} has no default: give it an expression")


def insert_series(
    model,
    *,
    label: str,
    count: int,
    columns: dict[str, str],
    joins: str = "",
    params: dict | None = None,
    chunk: int = 100_000,
    progress: Progress,
) -> None:
    """Insert `count` rows, one per n in 1..count. `columns` maps column names to SQL
    expressions over `n` (and the tables of `joins`); other columns take their defaults."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    known = {f.column for f in fields}
    unknown = set(columns) - known
    if unknown:
        raise LookupError(f"{model.__name__} has no column {sorted(unknown)}")
    names, selects, values = [], [], dict(params or {})
    for field in fields:
        names.append(connection.ops.quote_name(field.column))
        if field.column in columns:
            selects.append(columns[field.column])
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            selects.append("now()")
        else:
            key = f"default_{field.column}"
            values[key] = _default_parameter(field)
            selects.append(f"%({key})s")
    table = connection.ops.quote_name(model._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(selects)} "  # noqa: S608
        f"FROM generate_series(%(low)s, %(high)s) AS n {joins}"
    )
    started = time.perf_counter()
    for low in range(1, count + 1, chunk):
        high = min(low + chunk - 1, count)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, {**values, "low": low, "high": high})
        progress(label, high, count, time.perf_counter() - started)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")


def sql_array(words: list[str]) -> str:
    """A literal text[] of fixed demo words (never user input), for picking names by n."""
    quoted = ",".join("'" + word.replace("'", "''") + "'" for word in words)
    return f"(ARRAY[{quoted}])"
