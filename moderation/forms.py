from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason, sent to the author"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("Please give the author a reason.")},
    )


class ApproveForm(forms.Form):
    override_reason = forms.CharField(
        label=_("Override reason"),
        help_text=_(
            "Needed only to publish despite findings that block publication "
            "(contact details, ID numbers, full dates, addresses). It is recorded."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
