"""What happens to comments, announced to whoever listens (as ``wagtail/signals.py``).

Sent with ``sender=XtdComment`` when what readers see of comments changed in a
way that saves no comment (updates and bulk deletes send no ``post_save`` or
``post_delete``): ``comment`` is the one changed, or ``target`` the page whose
comments were all erased.
"""

from django.dispatch import Signal

# A comment was shown or hidden, or its text redacted (``services.set_visibility``,
# ``services.redact_comment``), or every comment on a page was erased.
comments_changed = Signal()
