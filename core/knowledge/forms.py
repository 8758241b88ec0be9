from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CompactSelect


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the knowledge base"), max_length=200, required=False)
    # The search page is the busiest form of the knowledge base: its selects are written
    # in one pass (Django's Select renders a template per option).
    category = forms.ChoiceField(label=_("Category"), required=False, widget=CompactSelect)
    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=CompactSelect)

    def set_choices(self, categories, tags) -> None:
        self.fields["category"].choices = [("", _("All categories"))] + [
            (c.slug, c.title) for c in categories
        ]
        self.fields["tag"].choices = [("", _("All tags"))] + [(t.slug, t.name) for t in tags]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Was this article helpful?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What could be better? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
