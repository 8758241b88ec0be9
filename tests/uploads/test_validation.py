"""Upload validation: size, kind, and content that must match the name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from core.demo.files import png_bytes, simple_pdf
from core.uploads.forms import MultipleFileField
from core.uploads.kinds import IMAGE_AND_PDF_KINDS
from core.uploads.validation import UploadPolicy, clean_name, validate_upload

PNG = png_bytes()
PDF = simple_pdf("Invoice", ["line"])
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("screen.png", PNG, "image/png"),
        ("invoice.PDF", PDF, "application/pdf"),
        ("notes.txt", "Stok gudang: 36 unit ✓\n".encode(), "text/plain"),
        ("export.csv", b"sku,qty\nSJ-4471,36\n", "text/csv"),
    ],
)
def test_accepted_files_are_described_by_their_content(name, content, mime):
    checked = validate_upload(upload(name, content))
    assert checked.content_type == mime
    assert checked.size == len(content)
    assert len(checked.sha256) == 64
    assert checked.name == name.rsplit(".", 1)[0] + "." + name.rsplit(".", 1)[1].lower()


@override_settings(UPLOADS_MAX_BYTES=1000)
def test_a_file_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("big.pdf", PDF + b"%" * 2000))
    assert error.value.code == "too_big"
    assert "at most" in error.value.messages[0]


def test_a_policy_can_set_its_own_smaller_limit_and_kinds():
    policy = UploadPolicy(kinds=IMAGE_AND_PDF_KINDS, max_bytes=50)
    with pytest.raises(ValidationError):
        validate_upload(upload("screen.png", PNG), policy)
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("data.csv", b"a,b\n"), UploadPolicy(kinds=IMAGE_AND_PDF_KINDS))
    assert error.value.code == "type"


@pytest.mark.parametrize(
    "name",
    ["setup.exe", "page.html", "logo.svg", "run.sh", "macro.js", "tool.bat", "noextension"],
)
def test_executables_markup_and_scripts_are_refused_by_name(name):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, b"anything at all"))
    assert error.value.code == "type"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", EXE),  # a Windows program called invoice.pdf
        ("photo.png", ELF),  # a Linux program called photo.png
        ("photo.png", PDF),  # a PDF called photo.png
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("readme.txt", b"<!DOCTYPE html><html><body onload=alert(1)>"),
        ("readme.txt", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>'),
        ("notes.txt", b"#!/bin/sh\nrm -rf /\n"),
        ("data.csv", PNG),  # binary content with a text name
        ("data.csv", b"a,b\n\x00\x01\x02"),
        ("data.txt", EXE),
    ],
)
def test_disguised_files_are_refused_because_content_and_name_disagree(name, content):
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, content))
    assert error.value.code == "disguised"


def test_empty_files_are_refused():
    with pytest.raises(ValidationError) as error:
        validate_upload(upload("empty.txt", b""))
    assert error.value.code == "empty"


def test_names_are_cleaned_of_paths_and_odd_characters():
    assert clean_name("../../etc/passwd.txt") == "passwd.txt"
    assert clean_name("C:\\Users\\siti\\laporan stok (final).PDF") == "laporan_stok_final.pdf"
    assert clean_name("<script>.png").endswith(".png")


def test_the_multiple_file_field_checks_every_file_and_the_count():
    field = MultipleFileField(max_files=2)
    assert field.clean([]) == []
    checked = field.clean([upload("a.png", PNG), upload("b.pdf", PDF)])
    assert [c.kind.key for c in checked] == ["png", "pdf"]
    with pytest.raises(ValidationError):
        field.clean([upload("a.png", PNG), upload("b.png", PNG), upload("c.png", PNG)])
    with pytest.raises(ValidationError) as error:
        field.clean([upload("a.png", PNG), upload("evil.pdf", EXE)])
    assert "evil.pdf" in error.value.messages[0]
