"""Serving a private file: only ever from a view that has asked the access module first."""

from django.http import FileResponse, Http404

# Nothing in a served file may run or load anything; PDFs keep the browser's viewer working.
CSP_DOWNLOAD = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
CSP_PDF = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'"


def private_file_response(stored, *, download: bool = False) -> FileResponse:
    """Stream `stored` (a PrivateFile). Safe images and PDFs are shown inline unless
    `download`; every other kind is sent as an attachment. A file missing from storage is 404."""
    inline = stored.shows_inline and not download
    try:
        handle = stored.file.open("rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=stored.original_name,
        content_type=stored.content_type if inline else _download_type(stored),
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        CSP_PDF if inline and stored.content_type == "application/pdf" else CSP_DOWNLOAD
    )
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _download_type(stored) -> str:
    # Text is served as an attachment with its own type; nothing is ever text/html.
    if stored.content_type.startswith("text/"):
        return f"{stored.content_type}; charset=utf-8"
    return stored.content_type
