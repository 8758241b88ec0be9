"""The kinds of file people may upload, and how each is recognised and served.

Binary kinds are recognised by their content (the `filetype` package reads the first bytes);
text kinds have no signature, so they must decode as text and must not look like markup or a
script. Name and content must agree: a PNG called report.pdf is refused.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    key: str
    label: str
    extensions: tuple[str, ...]
    mime: str
    # The MIME types `filetype` may report for this kind; empty for text kinds (no signature).
    sniffed_as: tuple[str, ...] = ()
    inline: bool = False  # shown in the browser (safe images, PDF); everything else downloads

    @property
    def is_text(self) -> bool:
        return not self.sniffed_as


KINDS: dict[str, FileKind] = {
    kind.key: kind
    for kind in (
        FileKind("png", _("PNG image"), ("png",), "image/png", ("image/png",), inline=True),
        FileKind(
            "jpeg", _("JPEG image"), ("jpg", "jpeg"), "image/jpeg", ("image/jpeg",), inline=True
        ),
        FileKind("gif", _("GIF image"), ("gif",), "image/gif", ("image/gif",), inline=True),
        FileKind("webp", _("WebP image"), ("webp",), "image/webp", ("image/webp",), inline=True),
        FileKind("pdf", _("PDF"), ("pdf",), "application/pdf", ("application/pdf",), inline=True),
        FileKind(
            "docx",
            _("Word document"),
            ("docx",),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        ),
        FileKind(
            "xlsx",
            _("Excel workbook"),
            ("xlsx",),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
        ),
        FileKind(
            "pptx",
            _("PowerPoint presentation"),
            ("pptx",),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ("application/vnd.openxmlformats-officedocument.presentationml.presentation",),
        ),
        FileKind(
            "odt",
            _("OpenDocument text"),
            ("odt",),
            "application/vnd.oasis.opendocument.text",
            ("application/vnd.oasis.opendocument.text",),
        ),
        FileKind(
            "ods",
            _("OpenDocument spreadsheet"),
            ("ods",),
            "application/vnd.oasis.opendocument.spreadsheet",
            ("application/vnd.oasis.opendocument.spreadsheet",),
        ),
        FileKind("zip", _("ZIP archive"), ("zip",), "application/zip", ("application/zip",)),
        FileKind("txt", _("plain text"), ("txt", "log"), "text/plain"),
        FileKind("csv", _("CSV"), ("csv",), "text/csv"),
    )
}

# What an attachment may be unless a caller narrows it (support tickets take all of these).
DEFAULT_KINDS = frozenset(KINDS)
IMAGE_AND_PDF_KINDS = frozenset({"png", "jpeg", "gif", "webp", "pdf"})


def kind_for_extension(extension: str, allowed: frozenset[str]) -> FileKind | None:
    extension = extension.lower()
    for key in allowed:
        kind = KINDS[key]
        if extension in kind.extensions:
            return kind
    return None


def kind_for_mime(mime: str) -> FileKind | None:
    return next((kind for kind in KINDS.values() if kind.mime == mime), None)


def describe(allowed: frozenset[str]) -> str:
    """'PDF, PNG, …' for help texts and error messages."""
    extensions = sorted({ext for key in allowed for ext in KINDS[key].extensions})
    return ", ".join(ext.upper() for ext in extensions)
