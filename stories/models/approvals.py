"""Whether publishing a story a moderator edited waits for its author's approval.

A generic Wagtail setting (Settings > Author approval in the admin), not a Django
setting: it is the hospital's policy, which its communications team may change
without a deployment, and it is one policy for the organisation, not one per
site, read where no request is (a moderator's decision, the author's mail).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="user")
class AuthorApprovalSettings(BaseGenericSetting):
    wait_for_author = models.BooleanField(
        _("publishing waits for the author's approval of edits"),
        default=True,
        help_text=_(
            "When a moderator redacts or edits a story, its author is asked to approve the "
            "text that would be published. Ticked, a moderator can publish before the author "
            "approves only by giving a reason, which is recorded."
        ),
    )

    panels = [FieldPanel("wait_for_author")]

    class Meta:
        verbose_name = _("author approval")
