"""Pagination whose cost does not grow with the data.

Counting a hundred thousand matching rows costs more than showing the page itself, and nobody
pages that far: beyond `max_pages` people filter or search. So the count stops there, and the
page says "of 50+" instead of an exact, expensive total.
"""

from functools import cached_property

from django.core.paginator import Paginator
from django.db.models import QuerySet


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
