from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import kind_for_mime
from .validation import CheckedUpload


class PrivateFile(models.Model):
    """Base of every privately stored upload. A subclass adds the record it belongs to and
    declares its file field with `private_file_field("<area>")`:

        class ClaimReceipt(PrivateFile):
            claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="receipts")
            file = private_file_field("mdf-claims")

    Store with `receipt = ClaimReceipt.from_upload(checked, uploaded_by=person, claim=claim)`,
    serve with `core.uploads.responses.private_file_response(receipt)` from a view that has
    asked the access module first.
    """

    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @property
    def kind(self):
        return kind_for_mime(self.content_type)

    @property
    def shows_inline(self) -> bool:
        kind = self.kind
        return bool(kind and kind.inline)

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @classmethod
    def from_upload(cls, checked: CheckedUpload, *, uploaded_by=None, save=True, **fields):
        instance = cls(
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=uploaded_by,
            **fields,
        )
        instance.file.save(checked.name, checked.file, save=False)
        if save:
            instance.save()
        return instance


def private_file_field(area: str, **kwargs) -> models.FileField:
    from .storage import PrivateUploadPath, private_storage

    return models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=PrivateUploadPath(area),
        max_length=255,
        **kwargs,
    )
