"""The sign-in backend: Django's, reading a signed-in user with their Wagtail profile."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UserBackend(ModelBackend):
    """Django's ``ModelBackend``, but the user of a session is read with their Wagtail
    profile (their language and time zone, which every admin page reads) in one
    query, where Django's read the user and Wagtail then the profile."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("wagtail_userprofile").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
