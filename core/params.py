"""Reading a list's filters from the query string.

What arrives there is whatever a URL carries, not what a form cleaned: PostgreSQL refuses text
holding NUL bytes, and a search box has no business with a 10 kB string. Views read free text
and numbers through these helpers so a crafted link gets the ordinary page, never a 500.
"""

SEARCH_MAX_LENGTH = 100
# The widest primary key any of our tables has (BigAutoField); SQLite overflows past it.
LARGEST_KEY = 2**63 - 1


def search_text(request, name: str = "q", *, max_length: int = SEARCH_MAX_LENGTH) -> str:
    return request.GET.get(name, "").replace("\x00", "").strip()[:max_length]


def whole_number(text: str) -> int | None:
    """`text` as an integer a key or count can hold, or None. (`str.isdigit` admits "²",
    which int refuses.)"""
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if number <= LARGEST_KEY else None


def calendar_year(text: str) -> int | None:
    """A year a date filter can use: `__year=99999` would fail building its bounds."""
    number = whole_number(text.strip())
    return number if number is not None and 1900 < number < 3000 else None
