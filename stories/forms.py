import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from sharing.formats import grouped
from sharing.text import PlainTextField

from .consent import current_consent
from .models import AuthorRole, NamingChoice, Topic
from .models.responses import ROLE_MAX_LENGTH, TEXT_MAX_LENGTH
from .photos import check_declared_size, clean_photo

TITLE_MAX_CHARS = 120
STORY_MIN_CHARS = 100
NAME_MAX_CHARS = 120
# Django keeps 255 characters of a file name; the form asks for fewer, and says so.
FILE_NAME_MAX_CHARS = 200
PHOTO_DESCRIPTION_MAX_CHARS = 250  # StoryPhoto.alt_text and SubmissionPhoto.description


def too_long(what, limit):
    """A field's max_length message that names the limit in the person's words."""
    return format_lazy(
        _("{what} can be at most {limit} characters (it has %(show_value)s)."),
        what=what,
        limit=grouped(limit),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args, max_count, **kwargs):
        self.max_count = max_count
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", FILE_NAME_MAX_CHARS)
        super().__init__(*args, **kwargs)
        self.error_messages["max_length"] = _(
            "File names can be at most %(max)d characters (one has %(length)d). "
            "Please rename the photo and choose it again."
        )
        self.widget.attrs.update(accept="image/jpeg,image/png,image/webp")

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > self.max_count:
            raise ValidationError(
                _("You can add at most %(count)d photos.") % {"count": self.max_count}
            )
        # Every photo's name, bytes and declared pixels first; decoding only if all pass.
        errors = []
        for upload in files:
            try:
                super().clean(upload, initial)
                check_declared_size(upload)
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        photos = []
        for upload in files:
            try:
                photos.append(clean_photo(upload))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return photos


class StorySubmissionForm(forms.Form):
    """The public "Share your story" form. Everything is checked here, on the server."""

    title = PlainTextField(
        single_line=True,
        label=_("Title of your story"),
        max_length=TITLE_MAX_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=format_lazy(_("Up to {limit} characters."), limit=TITLE_MAX_CHARS),
        error_messages={"max_length": too_long(_("Titles"), TITLE_MAX_CHARS)},
    )
    body = PlainTextField(
        label=_("Your story"),
        min_length=STORY_MIN_CHARS,
        max_length=settings.STORY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=format_lazy(
            _(
                "Write as you would speak, in {min} to {max} characters. Leave an empty line "
                "between paragraphs. Please leave out anyone's full name, phone number, "
                "address or record numbers: a moderator will remove any that remain "
                "before publishing."
            ),
            min=STORY_MIN_CHARS,
            max=grouped(settings.STORY_MAX_CHARS),
        ),
        error_messages={"max_length": too_long(_("Your story"), settings.STORY_MAX_CHARS)},
    )
    role = forms.ChoiceField(
        label=_("I am a"), choices=AuthorRole.choices, widget=forms.RadioSelect
    )
    naming = forms.ChoiceField(
        label=_("When the story is published, call me"),
        choices=NamingChoice.choices,
        widget=forms.RadioSelect,
    )
    name = PlainTextField(
        single_line=True,
        label=_("Your name"),
        max_length=NAME_MAX_CHARS,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text=format_lazy(
            _("Up to {limit} characters. Not needed if you choose to be anonymous."),
            limit=NAME_MAX_CHARS,
        ),
        error_messages={"max_length": too_long(_("Names"), NAME_MAX_CHARS)},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Never published. We use it only to tell you what happens to your story."),
    )
    phone = forms.CharField(
        label=_("Your phone number (optional)"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Never published. Only if you are happy for a moderator to call you."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics (optional)"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photos = MultiplePhotoField(
        label=_("Photos (optional)"),
        max_count=settings.PHOTO_MAX_COUNT,
        help_text=format_lazy(
            _(
                "Up to {count} JPEG, PNG or WebP photos, {mb} MB each, with names of up to "
                "{name} characters. Location and camera details are removed, and nobody "
                "sees the photos until a moderator approves your story."
            ),
            count=settings.PHOTO_MAX_COUNT,
            mb=settings.PHOTO_MAX_BYTES // (1024 * 1024),
            name=FILE_NAME_MAX_CHARS,
        ),
    )
    # Labelled in __init__ with the consent of the active language (stories.consent).
    consent = forms.BooleanField()
    comment_mail = forms.BooleanField(
        label=_("Email me when readers comment on my story, once it is published"),
        help_text=_("At most one email a day. You can stop it at any time."),
        required=False,
    )
    employee_speaks_for_self = forms.BooleanField(required=False)
    employee_has_patient_permission = forms.BooleanField(required=False)
    # A field people never see; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    error_messages = {
        "consent": _("Please tick the box to agree to publication, or we cannot use your story."),
        "name": _("Please tell us the name to publish, or choose to be anonymous."),
        "employee": _("Staff and volunteers need to confirm this before sharing a story."),
        "honeypot": _("Your story could not be accepted. Please try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The words this person reads and agrees to, in the language they read the
        # form in; the submission records both (``submit_story``).
        self.consent = current_consent()
        self.fields["consent"].label = self.consent.text
        self.fields["employee_speaks_for_self"].label = self.consent.employee_self
        self.fields["employee_has_patient_permission"].label = self.consent.employee_permission
        self.fields["consent"].error_messages["required"] = self.error_messages["consent"]
        # One description for each photo the form takes, in the order they are chosen.
        for number in range(1, settings.PHOTO_MAX_COUNT + 1):
            self.fields[f"photo_description_{number}"] = PlainTextField(
                single_line=True,
                label=format_lazy(_("Photo {number} shows"), number=number),
                max_length=PHOTO_DESCRIPTION_MAX_CHARS,
                required=False,
                error_messages={
                    "max_length": too_long(_("Descriptions"), PHOTO_DESCRIPTION_MAX_CHARS)
                },
            )

    def photo_description_fields(self):
        return [self[f"photo_description_{n}"] for n in range(1, settings.PHOTO_MAX_COUNT + 1)]

    @property
    def language(self):
        """The language the story was written in: the one its form was shown in."""
        return self.consent.language

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) < STORY_MIN_CHARS:
            raise ValidationError(
                _("Please write at least %(count)d characters.") % {"count": STORY_MIN_CHARS}
            )
        return body

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        try:
            number = phonenumbers.parse(phone, settings.PHONE_REGION)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise ValidationError(
                _("This doesn't look like a phone number. Please check it, or leave it empty.")
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise ValidationError(self.error_messages["honeypot"], code="honeypot")
        if data.get("naming") in (NamingChoice.FULL_NAME, NamingChoice.FIRST_NAME) and not data.get(
            "name"
        ):
            self.add_error("name", self.error_messages["name"])
        if data.get("role") == AuthorRole.EMPLOYEE:
            for field in ("employee_speaks_for_self", "employee_has_patient_permission"):
                if not data.get(field):
                    self.add_error(field, self.error_messages["employee"])
        if "photos" in data:  # the photos are fine: are there descriptions without one?
            count = len(data["photos"] or [])
            # The descriptions of the photos chosen, in their order ("" where none is given).
            data["photo_descriptions"] = [
                data.get(f"photo_description_{n}", "") for n in range(1, count + 1)
            ]
            for number in range(count + 1, settings.PHOTO_MAX_COUNT + 1):
                if data.get(f"photo_description_{number}"):
                    self.add_error(
                        f"photo_description_{number}",
                        _(
                            "You described photo %(number)d but chose %(count)d. Choose that "
                            "photo too, or leave this empty."
                        )
                        % {"number": number, "count": count},
                    )
        return data


class StoryEditForm(forms.Form):
    """The author's edit after a moderator asked for changes."""

    title = StorySubmissionForm.base_fields["title"]
    body = StorySubmissionForm.base_fields["body"]

    clean_body = StorySubmissionForm.clean_body


class MessageForm(forms.Form):
    """One message of the thread between a story's author and the moderators."""

    body = PlainTextField(
        label=_("Your message"),
        max_length=settings.MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=format_lazy(
            _("Up to {limit} characters. Only the moderators read it; it is never published."),
            limit=grouped(settings.MESSAGE_MAX_CHARS),
        ),
        error_messages={
            "required": _("Please write your message."),
            "max_length": too_long(_("A message"), settings.MESSAGE_MAX_CHARS),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "message_%s")
        super().__init__(*args, **kwargs)


class OfficialResponseForm(forms.Form):
    """The official response to a story, as a responder writes or edits it."""

    language = forms.ChoiceField(
        label=_("Language of the response"),
        choices=settings.LANGUAGES,
        required=False,  # absent: the story's own language
        help_text=_(
            "The language you write the response and your role in. Readers' browsers and "
            "screen readers read it in this language."
        ),
        error_messages={"invalid_choice": _("Choose the language from the list.")},
    )

    text = PlainTextField(
        label=_("Response"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Plain text, shown under the story as the hospital's response once a moderator "
            "approves it. Separate paragraphs with an empty line. Name no patient or "
            "colleague."
        ),
        error_messages={
            "required": _("Write the response."),
            "max_length": too_long(_("The response"), TEXT_MAX_LENGTH),
        },
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    role = PlainTextField(
        label=_("Your role"),
        single_line=True,
        max_length=ROLE_MAX_LENGTH,
        help_text=_(
            "Shown with your first name, never your surname, e.g. “Patient experience lead”."
        ),
        error_messages={
            "required": _("Give your role: readers see it with your first name."),
            "max_length": too_long(_("Your role"), ROLE_MAX_LENGTH),
        },
    )


class ResponseDecisionForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("approve", _("Approve and publish")),
            ("send_back", _("Send back to the responder")),
        ],
        error_messages={"required": _("Choose approve or send back.")},
    )
    reason = PlainTextField(
        label=_("Reason, shown to the responder"),
        help_text=_("Needed to send it back; kept in the history either way."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        error_messages={"max_length": too_long(_("The reason"), 2000)},
    )
