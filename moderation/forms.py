from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from screening import BLOCK, CATEGORIES, screen
from stories.forms import MessageForm


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
    author_override_reason = forms.CharField(
        label=_("Reason to publish before the author approves"),
        help_text=_(
            "Needed only when the author has not approved your edits yet and publishing "
            "waits for their approval. It is recorded."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


class PhotoDescriptionsForm(forms.Form):
    """On approval, the moderator confirms what each of the author's photos shows:
    the text people who cannot see the photo get, published with it. Each is read
    by the screen like the story; a finding that blocks a story blocks it too."""

    def __init__(self, photos, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.photos = list(photos)
        for number, photo in enumerate(self.photos, start=1):
            self.fields[self.field_name(photo)] = forms.CharField(
                label=_("Photo %(number)d shows") % {"number": number},
                initial=photo.description,
                max_length=250,
                error_messages={
                    "required": _("Describe photo %(number)d for people who cannot see it.")
                    % {"number": number}
                },
            )

    @staticmethod
    def field_name(photo):
        return f"photo_description_{photo.pk}"

    def rows(self):
        """(photo, its bound field), in the author's order."""
        return [(photo, self[self.field_name(photo)]) for photo in self.photos]

    def clean(self):
        data = super().clean()
        for number, photo in enumerate(self.photos, start=1):
            name = self.field_name(photo)
            text = data.get(name)
            if not text:
                continue
            blocking = [f for f in screen(text, kind="story") if f.severity == BLOCK]
            if blocking:
                found = ", ".join(
                    f"{CATEGORIES[f.category].lower()} (“{text[f.start : f.end]}”)"
                    for f in blocking
                )
                self.add_error(
                    name,
                    ValidationError(
                        _("Photo %(number)d's description has %(found)s: take it out.")
                        % {"number": number, "found": found}
                    ),
                )
        return data

    def save(self):
        for photo in self.photos:
            photo.description = self.cleaned_data[self.field_name(photo)]
            photo.save(update_fields=["description"])


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


class AuthorMessageForm(MessageForm):
    """A moderator's message to the author, from the review page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Message to the author")
        self.fields["body"].help_text = _(
            "Mailed to the author with a link to their story's page, where they can answer. "
            "It is screened and kept in the history."
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
