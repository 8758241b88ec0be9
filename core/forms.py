"""Form fields every area shares."""

from django import forms

from core.params import LARGEST_KEY


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing keys no row can have before it runs its `IN (...)` query:
    the database driver raises on an integer wider than 64 bits (a 500 instead of a message)."""

    def clean(self, value):
        for key in value if isinstance(value, list | tuple) else ():
            digits = str(key).strip().lstrip("-")
            if digits.isascii() and digits.isdigit() and int(digits) > LARGEST_KEY:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": key},
                )
        return super().clean(value)
