"""The Indonesian catalogue ships complete: every string of the code is in it, translated, not
fuzzy, with its placeholders intact, and compiled. A change that adds a string without its
translation fails here; `bin/translations` says what to translate."""

import shutil

import polib
import pytest
from django.utils import translation

from portals import translations
from portals.translations import Problem, catalogue_path, catalogue_problems


def _listing(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems) + "\nRun bin/translations and translate these."


@pytest.mark.parametrize("language", translations.TRANSLATED_LANGUAGES)
def test_the_committed_catalogue_is_complete_and_compiled(language):
    problems = catalogue_problems(language)
    assert problems == [], _listing(problems)


@pytest.mark.skipif(
    not (shutil.which("xgettext") and shutil.which("msgmerge")),
    reason="needs GNU gettext (bin/test installs it: apt-get install -y gettext)",
)
def test_every_string_marked_in_the_code_is_in_the_catalogue():
    in_code = translations.code_msgids()
    assert len(in_code) > 500  # the extraction really read the templates and the Python code
    for language in translations.TRANSLATED_LANGUAGES:
        committed = {(e.msgctxt, e.msgid) for e in polib.pofile(str(catalogue_path(language)))}
        missing = [
            Problem(language, "missing", msgid, "in the code, not in the catalogue")
            for _context, msgid in sorted(in_code - committed, key=str)
        ]
        assert missing == [], _listing(missing)


def test_the_catalogue_declares_indonesian_and_its_single_plural_form():
    po = polib.pofile(str(catalogue_path("id")))
    assert po.metadata["Language"] == "id"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert not po.metadata_is_fuzzy


def test_django_reads_the_compiled_catalogue():
    with translation.override("id"):
        assert translation.gettext("Sign out") == "Keluar"
        assert translation.gettext("Sign in") == "Masuk"
        assert translation.gettext("Tickets") == "Tiket"
        assert (
            translation.ngettext("%(total)s person", "%(total)s people", 3) % {"total": 3}
            == "3 orang"
        )
    with translation.override("en"):
        assert translation.gettext("Sign out") == "Sign out"


def _write_catalogue(root, entries, *, compile_it=True):
    po = polib.POFile()
    po.metadata = {"Language": "id", "Plural-Forms": "nplurals=1; plural=0;"}
    for entry in entries:
        po.append(entry)
    path = catalogue_path("id", root=root)
    path.parent.mkdir(parents=True)
    po.save(str(path))
    if compile_it:
        po.save_as_mofile(str(path.with_suffix(".mo")))
    return path


def test_the_check_reports_untranslated_fuzzy_and_broken_entries(tmp_path):
    _write_catalogue(
        tmp_path,
        [
            polib.POEntry(msgid="Good", msgstr="Bagus"),
            polib.POEntry(msgid="Forgotten", msgstr=""),
            polib.POEntry(msgid="Guessed", msgstr="Ditebak", flags=["fuzzy"]),
            polib.POEntry(msgid="Hello %(name)s", msgstr="Halo %(nama)s"),
            polib.POEntry(msgid="Status: <strong>%(new)s</strong>", msgstr="Status: %(new)s"),
            polib.POEntry(msgid="{count} new", msgstr="baru"),
            polib.POEntry(
                msgid="%(n)s ticket",
                msgid_plural="%(n)s tickets",
                msgstr_plural={0: "tiket"},
            ),
            polib.POEntry(msgid="100%% done", msgstr="100%% selesai"),
        ],
    )
    found = {(p.kind, p.msgid) for p in catalogue_problems("id", root=tmp_path)}
    assert found == {
        ("untranslated", "Forgotten"),
        ("fuzzy", "Guessed"),
        ("placeholders", "Hello %(name)s"),
        ("placeholders", "Status: <strong>%(new)s</strong>"),
        ("placeholders", "{count} new"),
        ("placeholders", "%(n)s ticket"),
    }


def test_the_check_reports_a_compiled_file_older_than_its_catalogue(tmp_path):
    path = _write_catalogue(tmp_path, [polib.POEntry(msgid="Good", msgstr="Bagus")])
    assert catalogue_problems("id", root=tmp_path) == []
    po = polib.pofile(str(path))
    po.append(polib.POEntry(msgid="Later", msgstr="Nanti"))
    po.save()
    assert [p.kind for p in catalogue_problems("id", root=tmp_path)] == ["stale .mo"]
    path.with_suffix(".mo").unlink()
    assert [p.kind for p in catalogue_problems("id", root=tmp_path)] == ["stale .mo"]
