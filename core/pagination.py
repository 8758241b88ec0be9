"""Pagination whose cost does not grow with the data.

Counting a hundred thousand matching rows costs more than showing the page itself, and nobody
pages that far: beyond `max_pages` people filter or search. So the count stops there, and the
page says "of 50+" instead of an exact, expensive total. A short list pays no count query
at all: its rows carry their count.
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import Count, QuerySet, Window

from core.params import LARGEST_KEY


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, max_pages: int = 50, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.max_pages = max_pages

    @cached_property
    def count(self) -> int:
        # One row past the cap tells "more" from "exactly the cap", in one bounded query.
        head = self.object_list[: self.per_page * self.max_pages + 1]
        return head.count() if isinstance(head, QuerySet) else len(head)

    @property
    def is_capped(self) -> bool:
        return self.count > self.per_page * self.max_pages

    @cached_property
    def num_pages(self) -> int:
        return min(super().num_pages, self.max_pages)


class OneQueryPaginator(Paginator):
    """Reads a page and the list's length in one query: each row carries COUNT(*) OVER (),
    the whole list's count. The window makes the database produce every row of the list, so
    this serves lists of dict rows (`.values()`) that it produces anyway to sort them, such as
    one aggregate row per course or rows ordered by a column of a joined table, where the
    count would cost a query of its own over the same rows. Only `get_page` reads, and answers as
    Django's does: the first page for what is not a number, the last for a number below 1 or
    past the end (which costs a count to find it). No orphans."""

    TOTAL = "one_query_total"

    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if self.orphans or not self.allow_empty_first_page:
            raise ValueError("OneQueryPaginator keeps no orphans and always has a first page.")

    def get_page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        # A page whose offset no database integer holds is past the end, never a query.
        plausible = 1 <= number <= LARGEST_KEY // self.per_page
        rows = self._rows(number) if plausible else []
        if not rows and number != 1:
            number = self.num_pages
            rows = self._rows(number)
        return self._get_page(rows, number, self)

    def _rows(self, number: int) -> list[dict]:
        bottom = (number - 1) * self.per_page
        rows = list(
            self.object_list.annotate(**{self.TOTAL: Window(Count("*"))})[
                bottom : bottom + self.per_page
            ]
        )
        for row in rows:
            self.__dict__["count"] = row.pop(self.TOTAL)
        if number == 1 and not rows:
            self.__dict__["count"] = 0
        return rows
