"""Attachments for demo tickets, made from their file name: a PNG, a PDF or a log excerpt."""

from django.core.files.uploadedfile import SimpleUploadedFile

from core.demo.files import png_bytes, simple_pdf
from core.uploads.validation import validate_upload


def demo_file(name: str):
    if name.endswith(".png"):
        content = png_bytes(rgb=(29, 78, 216) if "map" in name else (11, 110, 121))
    elif name.endswith(".pdf"):
        title = name.removesuffix(".pdf").replace("-", " ").title()
        content = simple_pdf(title, ["Samudra demo document", "Generated for the ticket demo"])
    else:
        content = b"2025-11-18 09:14:02 E/DriverApp: CameraPermission denied\nFATAL EXCEPTION\n"
    return validate_upload(SimpleUploadedFile(name, content))
