"""Where private uploads live: a storage of their own, never under a publicly served prefix.

Locally that is PRIVATE_MEDIA_ROOT (outside MEDIA_ROOT); with object storage it is the
`private/` prefix of the (private) bucket. Stored names are random; the name a person gave a
file is kept in the database and used only on download.
"""

import uuid
from pathlib import PurePosixPath

from django.core.files.storage import storages
from django.utils import timezone
from django.utils.deconstruct import deconstructible


def private_storage():
    return storages["private"]


@deconstructible
class PrivateUploadPath:
    """upload_to for private files: <area>/<yyyy>/<mm>/<random>.<ext>."""

    def __init__(self, area: str):
        self.area = area

    def __call__(self, instance, filename: str) -> str:
        extension = PurePosixPath(filename).suffix.lower()[:10]
        now = timezone.now()
        return f"{self.area}/{now:%Y/%m}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivateUploadPath) and other.area == self.area

    def __hash__(self) -> int:
        return hash(self.area)
