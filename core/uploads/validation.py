"""Checking an uploaded file before it is stored: size, kind, and that content matches name."""

import hashlib
import os
from dataclasses import dataclass, field

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .kinds import DEFAULT_KINDS, FileKind, describe, kind_for_extension

# Signatures that mark a file as markup or a script, whatever it is called.
MARKUP_MARKERS = (
    b"<!doctype",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<svg",
    b"<?xml",
    b"<iframe",
    b"<object",
    b"<embed",
    b"<meta",
    b"<link",
    b"<style",
    b"javascript:",
)
SCRIPT_SHEBANG = b"#!"
SNIFF_BYTES = 8192
NAME_LIMIT = 150


def default_max_bytes() -> int:
    return settings.UPLOADS_MAX_BYTES


@dataclass(frozen=True)
class UploadPolicy:
    """What one kind of upload accepts. Areas make their own, e.g. MDF claims: PDFs and images."""

    kinds: frozenset[str] = DEFAULT_KINDS
    max_bytes: int | None = None  # None: settings.UPLOADS_MAX_BYTES

    @property
    def limit(self) -> int:
        return self.max_bytes or default_max_bytes()

    def help_text(self) -> str:
        return _("%(types)s; at most %(size)s each.") % {
            "types": describe(self.kinds),
            "size": filesizeformat(self.limit),
        }


@dataclass(frozen=True)
class CheckedUpload:
    """An upload that passed validation, with what we learned about it."""

    file: object = field(repr=False)  # the UploadedFile
    name: str  # the cleaned original name, shown to people and used on download
    kind: FileKind
    size: int
    sha256: str

    @property
    def content_type(self) -> str:
        return self.kind.mime


def clean_name(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    stem, extension = os.path.splitext(base)
    try:
        cleaned = get_valid_filename(stem)[: NAME_LIMIT - len(extension)] + extension.lower()
    except Exception:  # get_valid_filename refuses names that clean down to nothing
        cleaned = "file" + extension.lower()
    return cleaned or "file"


def validate_upload(uploaded, policy: UploadPolicy | None = None) -> CheckedUpload:
    """Raise ValidationError with a message a person understands, or return a CheckedUpload."""
    policy = policy or UploadPolicy()
    name = clean_name(getattr(uploaded, "name", ""))
    size = uploaded.size
    if size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    if size > policy.limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(policy.limit)},
            code="too_big",
        )
    extension = os.path.splitext(name)[1].lstrip(".")
    kind = kind_for_extension(extension, policy.kinds)
    if kind is None:
        raise ValidationError(
            _("“%(name)s”: this type of file is not accepted. Accepted: %(types)s.")
            % {"name": name, "types": describe(policy.kinds)},
            code="type",
        )
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    guessed = filetype.guess(head)
    mismatch = ValidationError(
        _("“%(name)s” does not contain what its name says (%(kind)s).")
        % {"name": name, "kind": kind.label},
        code="disguised",
    )
    if kind.is_text:
        if guessed is not None or not _looks_like_plain_text(head):
            raise mismatch
    elif guessed is None or guessed.mime not in kind.sniffed_as:
        raise mismatch
    digest = hashlib.sha256()
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
        if kind.is_text and b"\x00" in chunk:
            raise mismatch
    uploaded.seek(0)
    return CheckedUpload(file=uploaded, name=name, kind=kind, size=size, sha256=digest.hexdigest())


def _looks_like_plain_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The sniffing window may cut a multi-byte character in two at its end.
        if error.start < len(head) - 4:
            return False
        text = head[: error.start].decode("utf-8")
    lowered = text.lstrip("\ufeff \t\r\n").lower().encode()
    if lowered.startswith(SCRIPT_SHEBANG):
        return False
    return not any(marker in lowered for marker in MARKUP_MARKERS)
