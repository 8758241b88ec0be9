"""Access filters written to SQL once, however often one statement or one request uses them.

Django resolves a Q at every filter() and writes its SQL at every use: for a list's count and
again for its page, for a SELECT column and again for a window over it. The ticket access
filters, with their subqueries, cost the ticket pages several milliseconds a use that way.
`KeptConditions` keeps them between requests too: building and writing a person's ticket
filter took about 2 ms of every ticket page, for SQL that changes only with their access."""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

from django.apps import apps
from django.db.models import BooleanField, Expression, Q
from django.db.models.sql import Query


class CompiledCondition(Expression):
    """`condition` on `model`'s rows, resolved once and written once per database. Usable in
    filter() and annotate() of `model`'s querysets; nested in another query (its tables
    renamed), it is written afresh for the new names."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, model, condition):
        super().__init__()
        self.model = model
        self.where = Query(model).build_where(condition)
        self._sql = {}  # database alias -> (sql, params)

    def get_source_expressions(self):
        return [self.where]

    def set_source_expressions(self, expressions):
        (self.where,) = expressions
        self._sql = {}  # renamed tables: the SQL written so far no longer applies

    def resolve_expression(self, *args, **kwargs):
        return self  # resolved once, in __init__

    def as_sql(self, compiler, connection):
        if compiler.query.model is not self.model:
            raise ValueError(f"A condition on {self.model.__name__} rows used on another model.")
        if connection.alias not in self._sql:
            sql, params = compiler.compile(self.where)
            self._sql[connection.alias] = f"({sql})", tuple(params)
        return self._sql[connection.alias]


class KeptConditions:
    """The last `size` conditions built, each under a key that names everything its Q was
    built from: the same key must always build the same SQL. Per process; a condition is
    only read once built (its SQL per database is written on first use, the same either
    way), so sharing one between requests and threads is safe."""

    def __init__(self, model_label: str, size: int = 512):
        self.model_label = model_label  # "app_label.Model": the rules' modules load before models
        self.size = size
        self._kept: OrderedDict[Hashable, CompiledCondition] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], Q]) -> CompiledCondition:
        with self._lock:
            condition = self._kept.get(key)
            if condition is not None:
                self._kept.move_to_end(key)
                return condition
        condition = CompiledCondition(apps.get_model(self.model_label), build())
        with self._lock:
            self._kept[key] = condition
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return condition
