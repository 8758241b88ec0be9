"""The translation catalogues: refresh them from the code, compile them, say what is missing.

`bin/translations` runs `python -m portals.translations`; the suite (tests/i18n) uses the same
functions, so it fails when the code holds a string the committed catalogue lacks, or when the
catalogue has an untranslated or fuzzy entry, a lost placeholder, or a stale compiled file.

Extraction needs GNU gettext (`xgettext`, `msgmerge`), as Django's `makemessages` does;
compiling is pure Python (polib), and the compiled `.mo` files are committed, so running the
site needs no gettext at all.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

# Languages that ship a catalogue besides the source language (English).
TRANSLATED_LANGUAGES = ["id"]
# The project has no JavaScript strings, so only Django's "django" domain has a catalogue.
DOMAINS = ["django"]
# Folders whose files are not the product's user-facing code.
IGNORE_PATTERNS = [
    ".venv",
    "venv",
    "bench",
    "tests",
    "staticfiles",
    "media",
    "private-media",
    "test-artifacts",
    "node_modules",
    ".i18n-*",
    # Skipping the catalogues' own folder keeps makemessages from filing every string there
    # first, so that the check below can extract into a scratch folder instead.
    "locale",
]
MAKEMESSAGES_OPTIONS = {
    "ignore_patterns": IGNORE_PATTERNS,
    "add_location": "file",  # file names without line numbers: small diffs, easy merges
    "no_obsolete": True,
    "verbosity": 0,
}
HEADER = {
    "Project-Id-Version": "Samudra Extranet",
    "Report-Msgid-Bugs-To": "",
    "Language-Team": "Bahasa Indonesia",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}

# %(name)s, %s, %d … (python-format) and {name} (python-brace-format); HTML tags.
_PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
_BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*(?:![rsa])?(?::[^{}]*)?\}|\{\}")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b")


def base_dir() -> Path:
    return Path(settings.BASE_DIR)


def catalogue_path(language: str, domain: str = "django", *, root: Path | None = None) -> Path:
    return (root or base_dir() / "locale") / language / "LC_MESSAGES" / f"{domain}.po"


@contextmanager
def _in_project():
    previous = os.getcwd()
    os.chdir(base_dir())
    try:
        yield
    finally:
        os.chdir(previous)


def need_gettext() -> None:
    missing = [tool for tool in ("xgettext", "msgmerge", "msguniq") if not shutil.which(tool)]
    if missing:
        raise RuntimeError(
            "GNU gettext is needed to extract strings (missing: "
            + ", ".join(missing)
            + "). On Debian: apt-get install -y gettext"
        )


def refresh(language: str, domain: str = "django") -> Path:
    """Run makemessages for one language, then tidy the header. Translations are kept;
    strings no longer in the code are dropped; changed ones come back fuzzy."""
    need_gettext()
    with _in_project():
        call_command("makemessages", locale=[language], domain=domain, **MAKEMESSAGES_OPTIONS)
    path = catalogue_path(language, domain)
    po = polib.pofile(str(path), wrapwidth=100)
    po.metadata.update({**HEADER, "Language": language})
    for stale in ("Last-Translator", "PO-Revision-Date", "POT-Creation-Date"):
        po.metadata.pop(stale, None)
    po.metadata_is_fuzzy = False
    po.header = f"Samudra Extranet: {language} translation of the portals' screens and e-mails."
    po.save(str(path))
    return path


def code_msgids(domain: str = "django") -> set[tuple[str | None, str]]:
    """Every (context, msgid) the code marks for translation today, extracted afresh into a
    throw-away folder (the committed catalogue is not touched)."""
    need_gettext()
    # makemessages files each string under the first locale path that is a parent of its
    # source file, so the scratch folder must live in the project folder.
    scratch = Path(tempfile.mkdtemp(prefix=".i18n-", dir=base_dir()))
    try:
        with _in_project(), override_settings(LOCALE_PATHS=[str(scratch)]):
            call_command("makemessages", locale=["id"], domain=domain, **MAKEMESSAGES_OPTIONS)
        po = polib.pofile(str(catalogue_path("id", domain, root=scratch)))
        return {(entry.msgctxt, entry.msgid) for entry in po}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@dataclass
class Problem:
    language: str
    kind: str  # "untranslated", "fuzzy", "placeholders", "missing", "stale .mo"
    msgid: str
    detail: str = ""

    def __str__(self) -> str:
        text = self.msgid if len(self.msgid) < 90 else self.msgid[:87] + "..."
        detail = f" ({self.detail})" if self.detail else ""
        return f"[{self.language}] {self.kind}: {text!r}{detail}"


def _markers(text: str) -> Counter:
    found = [m for m in _PERCENT.findall(text) if m != "%%"]
    found += _BRACE.findall(text)
    found += ["<" + tag.lower() for tag in _TAG.findall(text)]
    return Counter(found)


def placeholder_problems(entry: polib.POEntry) -> list[str]:
    """Placeholders (%(name)s, %s, {name}) and HTML tags must survive translation."""
    problems = []
    if entry.msgid_plural:
        # With one plural form, the single translation stands for the plural sentence.
        pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
    else:
        pairs = [(entry.msgid, entry.msgstr)]
    for source, translated in pairs:
        if not translated:
            continue
        want, got = _markers(source), _markers(translated)
        if want != got:
            lost = sorted((want - got).elements())
            extra = sorted((got - want).elements())
            problems.append(f"lost {lost}" * bool(lost) + f" extra {extra}" * bool(extra))
    return problems


def catalogue_problems(
    language: str, domain: str = "django", *, root: Path | None = None
) -> list[Problem]:
    """What the committed catalogue of one language lacks or gets wrong."""
    path = catalogue_path(language, domain, root=root)
    if not path.exists():
        return [Problem(language, "missing", str(path), "no catalogue")]
    po = polib.pofile(str(path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(Problem(language, "fuzzy", entry.msgid))
        elif not entry.translated():
            problems.append(Problem(language, "untranslated", entry.msgid))
        for detail in placeholder_problems(entry):
            problems.append(Problem(language, "placeholders", entry.msgid, detail))
    mo_path = path.with_suffix(".mo")
    if not mo_path.exists():
        problems.append(Problem(language, "stale .mo", str(mo_path), "not compiled"))
    elif _compiled(po) != _compiled(polib.mofile(str(mo_path))):
        problems.append(Problem(language, "stale .mo", str(mo_path), "run bin/translations"))
    return problems


def _compiled(catalogue) -> dict:
    """What gettext would look up: translated, non-fuzzy entries only."""
    table = {}
    for entry in catalogue:
        if isinstance(entry, polib.POEntry) and (
            entry.obsolete or "fuzzy" in entry.flags or not entry.translated()
        ):
            continue
        key = (entry.msgctxt or None, entry.msgid, entry.msgid_plural or None)
        plural = {int(n): text for n, text in entry.msgstr_plural.items()}
        table[key] = plural or entry.msgstr
    return table


def compile_catalogue(language: str, domain: str = "django") -> Path:
    path = catalogue_path(language, domain)
    mo_path = path.with_suffix(".mo")
    polib.pofile(str(path)).save_as_mofile(str(mo_path))
    return mo_path


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    problems: list[Problem] = []
    for language in TRANSLATED_LANGUAGES:
        for domain in DOMAINS:
            if not check_only:
                path = refresh(language, domain)
                print(f"Refreshed {path.relative_to(base_dir())}")
                compile_catalogue(language, domain)
            problems += catalogue_problems(language, domain)
            if check_only:
                have = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue_path(language)))}
                problems += [
                    Problem(language, "missing", msgid, "in the code, not in the catalogue")
                    for context, msgid in sorted(code_msgids(domain) - have, key=str)
                ]
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} entries need a translator's attention (see README, Translations).")
        return 1
    print("Every string has its translation.")
    return 0


if __name__ == "__main__":  # pragma: no cover - run by bin/translations
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portals.settings.dev")
    django.setup()
    sys.exit(main(sys.argv[1:]))
