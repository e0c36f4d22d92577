from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.forms import XtdCommentForm
from django_comments_xtd.models import XtdComment

from sharing.formats import grouped
from sharing.text import normalise_plain_text

from .threads import fit_reply

NAME_MAX_LENGTH = 50


class StoryCommentForm(XtdCommentForm):
    """The comment form under a story (``COMMENTS_XTD_FORM_CLASS``).

    comments-xtd's form with our labels, plain text kept as typed (normalised
    only; escaped where it is shown, by ``comment_text``), and a reply that
    would go past the deepest level attached at the deepest level instead.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_length = xtd_settings.COMMENT_MAX_LENGTH
        name = self.fields["name"]
        name.label = _("Your name")
        name.help_text = _("Shown with your comment. A first name is enough.")
        name.widget = forms.TextInput(
            attrs={"autocomplete": "given-name", "maxlength": NAME_MAX_LENGTH}
        )
        name.error_messages["required"] = _("Please give a name to show with your comment.")

        email = self.fields["email"]
        email.label = _("Your email address")
        email.help_text = _(
            "Never shown. We email you a link to confirm your comment, "
            "and follow-up comments if you ask for them."
        )
        email.widget = forms.EmailInput(attrs={"autocomplete": "email"})
        email.error_messages["required"] = _("Please give your email address.")
        email.error_messages["invalid"] = _(
            "Please check your email address: it should look like name@example.org."
        )

        comment = self.fields["comment"]
        comment.label = _("Your comment")
        comment.help_text = _(
            "Plain text, up to %(max)s characters. Please leave out names, phone numbers "
            "and anything else that could identify someone. A moderator reads comments "
            "that may contain them before they are published."
        ) % {"max": grouped(max_length)}
        comment.widget = forms.Textarea(attrs={"rows": 6, "maxlength": max_length})
        comment.error_messages["required"] = _("Please write your comment.")
        comment.error_messages["max_length"] = _(
            "Please shorten your comment to %(limit_value)s characters or fewer "
            "(it has %(show_value)s)."
        )

        self.fields["url"].widget = forms.HiddenInput()
        followup = self.fields["followup"]
        followup.label = _("Email me when someone else comments on this story")
        followup.widget.attrs.pop("class", None)
        self.reply_moved = False

    def clean_name(self):
        name = normalise_plain_text(self.cleaned_data["name"], single_line=True)
        if not name:
            raise forms.ValidationError(_("Please give a name to show with your comment."))
        return name

    def clean_comment(self):
        comment = normalise_plain_text(super().clean_comment())
        if not comment:
            raise forms.ValidationError(_("Please write your comment."))
        return comment

    def clean(self):
        cleaned_data = super().clean()
        target = self.target_object
        if not getattr(target, "live", False):
            raise forms.ValidationError(_("Comments are closed on this page."))
        reply_to = cleaned_data.get("reply_to")
        if reply_to:
            parent = (
                XtdComment.norel_objects.filter(
                    pk=reply_to,
                    content_type__app_label=target._meta.app_label,
                    content_type__model=target._meta.model_name,
                    object_pk=str(target.pk),
                    is_public=True,
                    is_removed=False,
                )
                .only("content_type")
                .first()
            )
            if parent is None:
                raise forms.ValidationError(
                    _(
                        "The comment you are answering is no longer shown, "
                        "so replies to it are closed."
                    )
                )
            fitted = fit_reply(reply_to, parent.content_type, target.pk)
            self.reply_moved = fitted != reply_to
            cleaned_data["reply_to"] = fitted
        return cleaned_data


class EditCommentForm(forms.Form):
    """The author's new words for their comment, in the minutes after posting: the
    comment field of ``StoryCommentForm``, with its limits and messages."""

    comment = forms.CharField(label=_("Your comment"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_length = xtd_settings.COMMENT_MAX_LENGTH
        field = self.fields["comment"]
        field.max_length = max_length
        field.validators.append(MaxLengthValidator(max_length))
        field.help_text = _(
            "Plain text, up to %(max)s characters. Your comment is checked again, and a "
            "moderator reads it before it is shown again if it might identify someone."
        ) % {"max": grouped(max_length)}
        field.widget = forms.Textarea(attrs={"rows": 6, "maxlength": max_length})
        field.error_messages["required"] = _("Please write your comment.")
        field.error_messages["max_length"] = _(
            "Please shorten your comment to %(limit_value)s characters or fewer "
            "(it has %(show_value)s)."
        )

    def clean_comment(self):
        comment = normalise_plain_text(self.cleaned_data["comment"])
        if not comment:
            raise forms.ValidationError(_("Please write your comment."))
        return comment
