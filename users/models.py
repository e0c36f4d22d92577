from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The site's user: moderators and editors (submitters need no account).

    Custom from the first migration so that fields can be added later
    without a painful swap.
    """

    role = models.CharField(
        _("role"),
        max_length=80,
        blank=True,
        help_text=_(
            "Your role at the hospital, shown with your first name (never your surname) "
            "on your official responses and comments, e.g. “Patient experience lead”."
        ),
    )

    @property
    def public_first_name(self):
        """The first word of the first name: what staff are signed with in public."""
        words = self.first_name.split()
        return words[0] if words else ""
