"""What happens to a story, announced to whoever listens (as ``wagtail/signals.py``).

Stories knows nothing of moderation: the moderation app connects receivers to
these in its ``AppConfig.ready()``. Each is sent once the change is committed,
with ``sender=Submission`` and the ``submission``.
"""

from contextvars import ContextVar

from django.dispatch import Signal

# A new story was stored; also ``ip_address``, the submitter's address, which
# is kept nowhere but may be used for a moment (the spam check).
story_submitted = Signal()

# The author sent an edited story back after moderators asked for changes.
story_resubmitted = Signal()

# A message of the thread between the author and the moderators was kept; also
# ``message``, the ``SubmissionMessage``. The author is mailed by stories itself.
message_posted = Signal()

# The author approved the moderators' edits of their story (``submission.
# edits_approved_revision`` is the revision they approved).
edits_approved = Signal()

# The author withdrew the story, or staff erased it at their request
# (``submission.state`` says which); what identified them is already erased.
story_withdrawn = Signal()

# True while ``submit_story``'s transaction is open. It holds the story index's
# row lock, which every other submission waits for: what listens to the saving
# of the story's first revision (the screen) waits for the commit instead.
submission_transaction = ContextVar("submission_transaction", default=False)
