"""Form fields every area shares."""

from django import forms

# The widest primary key any of our tables has (BigAutoField).
LARGEST_KEY = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing keys no row can have before it runs its `IN (...)` query:
    the database driver raises on an integer wider than 64 bits (a 500 instead of a message)."""

    def clean(self, value):
        for key in value if isinstance(value, list | tuple) else ():
            text = str(key).strip()
            if text.lstrip("-").isdigit() and abs(int(text)) > LARGEST_KEY:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return super().clean(value)
