from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .kinds import KINDS
from .validation import CheckedUpload, UploadPolicy, validate_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; cleans to a list of CheckedUpload (empty when optional)."""

    widget = MultipleFileInput

    def __init__(self, *, policy: UploadPolicy | None = None, max_files: int = 5, **kwargs):
        self.policy = policy or UploadPolicy()
        self.max_files = max_files
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", self.policy.help_text())
        super().__init__(**kwargs)
        accept = sorted(f".{ext}" for key in self.policy.kinds for ext in KINDS[key].extensions)
        self.widget.attrs.setdefault("accept", ",".join(accept))

    def clean(self, data, initial=None) -> list[CheckedUpload]:
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > self.max_files:
            raise ValidationError(
                ngettext(
                    "Attach at most %(count)d file at a time.",
                    "Attach at most %(count)d files at a time.",
                    self.max_files,
                )
                % {"count": self.max_files},
                code="too_many",
            )
        checked, errors = [], []
        for uploaded in files:
            try:
                checked.append(validate_upload(uploaded, self.policy))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked

    def bound_data(self, data, initial):
        return data

    def has_changed(self, initial, data) -> bool:
        return bool(data)


ATTACHMENTS_LABEL = _("Attachments")
