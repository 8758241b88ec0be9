import pytest
from django import forms

from core.forms import ModelMultipleChoiceField
from core.orgs.models import Organisation


class PickOrganisations(forms.Form):
    organisations = ModelMultipleChoiceField(queryset=Organisation.objects.all())


@pytest.mark.django_db
@pytest.mark.parametrize("key", [str(2**64), "-" + str(2**70), 2**63])
def test_a_key_wider_than_any_row_is_an_invalid_choice_not_a_crash(key):
    form = PickOrganisations({"organisations": [key]})
    assert not form.is_valid()
    assert form.errors["organisations"][0].startswith("Select a valid choice.")


@pytest.mark.django_db
def test_real_keys_still_choose_their_rows():
    firm = Organisation.objects.create(name="PT Maju", slug="pt-maju", kind="customer")
    form = PickOrganisations({"organisations": [str(firm.pk)]})
    assert form.is_valid()
    assert list(form.cleaned_data["organisations"]) == [firm]
