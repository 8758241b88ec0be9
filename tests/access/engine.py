"""How the access matrix is read and checked; the table itself lives in matrix.py."""

import fnmatch
import pkgutil
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Column order of the table; the names are the demo people (core/demo/foundation.py).
KINDS = (
    "anonymous",
    "customer",
    "customer_admin",
    "other_customer",
    "partner",
    "other_partner",
    "employee",
    "agent",
    "channel_manager",
    "ir_officer",
    "content_editor",
    "investor",
    "multi",
    "norole",
)

OUTCOMES = {
    "ok": "200, the page itself",
    "login": "302 to a sign-in page",
    "mfa": "302 to the two-factor set-up",
    "deny": "403, the 'no access to this portal' page",
    "404": "404, as if nothing were there",
    "go": "302 somewhere else (a flow moving on)",
    "405": "405, wrong method for a form-only address",
    "400": "400, a malformed or hostile request",
}


@dataclass(frozen=True)
class Row:
    pattern: str  # a URL name, a glob of names, or "/route/glob*"
    sample: str  # which concrete URL of the pattern ("-": the pattern reversed without args)
    expected: dict[str, str]


def parse(table: str) -> list[Row]:
    rows = []
    for line in table.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, sample, *cells = line.split()
        if len(cells) != len(KINDS):
            raise ValueError(f"{pattern} {sample}: {len(cells)} cells for {len(KINDS)} kinds")
        unknown = set(cells) - set(OUTCOMES)
        if unknown:
            raise ValueError(f"{pattern} {sample}: unknown outcomes {unknown}")
        rows.append(Row(pattern, sample, dict(zip(KINDS, cells, strict=True))))
    return rows


def load_tables() -> tuple[list[Row], dict]:
    """The matrix is one table kept in one file per area: matrix.py (the foundation) and
    matrix_<area>.py (tickets, knowledge, ...), each with TABLE and SAMPLES."""
    rows: list[Row] = []
    samples: dict = {}
    here = Path(__file__).parent
    for module in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
        if module.name == "matrix" or module.name.startswith("matrix_"):
            area = import_module(f"{__package__}.{module.name}")
            rows += parse(area.TABLE)
            samples.update(area.SAMPLES)
    return rows, samples


def discover(patterns=None, prefix: str = "", namespaces: tuple = ()):
    """Every URL pattern of the project as (qualified name, route)."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            ns = namespaces + ((entry.namespace,) if entry.namespace else ())
            yield from discover(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = ":".join(namespaces + (entry.name,)) if entry.name else ""
            yield name, "/" + prefix + str(entry.pattern)


def covers(row: Row, name: str, route: str) -> bool:
    if row.pattern.startswith("/"):
        return fnmatch.fnmatchcase(route, row.pattern)
    return bool(name) and fnmatch.fnmatchcase(name, row.pattern)


def sample_url(row: Row, samples: dict, world) -> str:
    builder = samples.get((row.pattern, row.sample))
    if builder is not None:
        return builder(world)
    if row.sample == "-":
        return reverse(row.pattern)
    raise KeyError(f"No sample URL for {row.pattern} {row.sample}: add it to SAMPLES")


def outcome_of(response) -> str:
    status = response.status_code
    if status in (301, 302):
        location = response["Location"].split("?")[0]
        if location.endswith("/two-factor/required/"):
            return "mfa"
        if location.endswith("/login/"):
            return "login"
        return "go"
    if status == 403:
        return "deny" if "access/no_access.html" in _templates(response) else "403"
    return {200: "ok", 400: "400", 404: "404", 405: "405"}.get(status, str(status))


def _templates(response) -> set[str]:
    return {t.name for t in getattr(response, "templates", []) if t.name}
