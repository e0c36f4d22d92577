from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The site's user: moderators and editors (submitters need no account).

    Custom from the first migration so that fields can be added later
    without a painful swap.
    """
