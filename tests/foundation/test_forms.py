import pytest
from django import forms

from core.forms import CompactModelChoiceField, ModelMultipleChoiceField
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


class PickOrganisation(forms.Form):
    organisation = CompactModelChoiceField(
        queryset=Organisation.objects.order_by("name"), label_field="name"
    )


@pytest.mark.django_db
def test_a_long_select_writes_what_djangos_select_writes():
    firms = [
        Organisation.objects.create(name=name, slug=slug, kind="customer")
        for name, slug in [("PT <Maju> & Co", "maju"), ("CV Sejahtera", "sejahtera")]
    ]
    form = PickOrganisation({"organisation": str(firms[0].pk)})
    html = str(form["organisation"])
    assert html.startswith('<select id="id_organisation" name="organisation" required>')
    assert '<option value="">---------</option>' in html
    assert f'<option value="{firms[0].pk}" selected>PT &lt;Maju&gt; &amp; Co</option>' in html
    assert f'<option value="{firms[1].pk}">CV Sejahtera</option>' in html
    assert html.index("CV Sejahtera") < html.index("PT &lt;Maju")
    assert form.is_valid() and form.cleaned_data["organisation"] == firms[0]


@pytest.mark.django_db
def test_a_long_select_refuses_a_key_it_does_not_list():
    form = PickOrganisation({"organisation": "999999"})
    assert not form.is_valid()
    assert "Select a valid choice." in form.errors["organisation"][0]
