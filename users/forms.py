from django import forms
from django.utils.translation import gettext_lazy as _

from .services import APP_CODE, normalise_code


class FieldErrorsMixin:
    """Each field names its help and its errors (Wagtail's field template gives the
    errors' element the id ``<field id>-error``), and says when it is invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field_id = self.auto_id % self.add_prefix(name)
            described = [f"{field_id}-error"]
            if field.help_text:
                described.insert(0, f"{field_id}-helptext")
            field.widget.attrs["aria-describedby"] = " ".join(described)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"


def code_input(autofocus=True):
    attrs = {"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "off"}
    if autofocus:
        attrs["autofocus"] = ""
    return forms.TextInput(attrs=attrs)


class SignInCodeForm(FieldErrorsMixin, forms.Form):
    """The second step of signing in: a code from the app, or a backup code."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=32,
        help_text=_(
            "The 6-digit code your authenticator app shows now. Lost your phone? "
            "Enter one of your backup codes instead."
        ),
        error_messages={"required": _("Enter the code from your authenticator app.")},
        widget=code_input(),
    )

    def clean_code(self):
        return normalise_code(self.cleaned_data["code"])


class ConfirmAppForm(FieldErrorsMixin, forms.Form):
    """The first code from a newly added app, to show that it was set up right."""

    code = forms.CharField(
        label=_("Code from your app"),
        max_length=16,
        help_text=_("The 6 digits your authenticator app shows for this account."),
        error_messages={"required": _("Enter the 6-digit code your app shows.")},
        widget=code_input(autofocus=False),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if not APP_CODE.fullmatch(code):
            raise forms.ValidationError(_("The code is 6 digits, such as 123456."))
        return code


class RemoveAppForm(FieldErrorsMixin, forms.Form):
    """Turning two-step verification off: a current code, or the password."""

    confirmation = forms.CharField(
        label=_("A current code from your app, or your password"),
        max_length=128,
        strip=False,
        error_messages={"required": _("Enter a current code from your app, or your password.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
