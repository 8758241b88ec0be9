from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from .models import Person

PERSON_FIELDS = ["email", "full_name", "preferred_name", "is_superuser", "groups"]


class PersonCreationForm(UserCreationForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserCreationForm.Meta):
        model = Person
        fields = PERSON_FIELDS


class PersonEditForm(UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label=_("Full name"), max_length=150)

    class Meta(UserEditForm.Meta):
        model = Person
        fields = [*PERSON_FIELDS, "is_active"]


class PersonViewSet(UserViewSet):
    template_prefix = "wagtailusers/people/"  # create.html and edit.html; the rest fall back

    def get_form_class(self, for_update=False):
        return PersonEditForm if for_update else PersonCreationForm
