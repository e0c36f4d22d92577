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


class PeriodForm(forms.Form):
    """The moderation figures' period: the last 4, 12 or 52 weeks."""

    weeks = forms.TypedChoiceField(
        label=_("Period"),
        choices=[(4, _("Last 4 weeks")), (12, _("Last 12 weeks")), (52, _("Last 52 weeks"))],
        coerce=int,
        initial=12,
        required=False,
        error_messages={"invalid_choice": _("Choose a period of 4, 12 or 52 weeks.")},
    )


class EraseSubmitterForm(forms.Form):
    """The confirmation asked before an erasure on request."""

    confirm = forms.BooleanField(
        label=_(
            "I have checked that the person asking sent these stories, and they asked for "
            "everything to be erased."
        ),
        error_messages={
            "required": _("Tick the box to confirm: an erasure cannot be undone."),
        },
    )
