"""The apps' entries in Wagtail's history and audit log, declared as data: each app's
``register_log_actions`` hook (in its ``wagtail_hooks.py``) hands its actions to
``register_log_actions``, which registers them with Wagtail's log action registry.

An action is ``name: (label, message)``. The message is a plain string, or a
moderator's decision whose reason the log line carries:

- ``WithReason("Declined: %(reason)s")``: the reason is always given;
- ``ReasonIfAny("Approved and published")``: "Approved and published: <reason>"
  when there is one, the message alone when there is none.
"""

from wagtail.log_actions import LogFormatter


class WithReason:
    """A log line made of ``template`` % {"reason": the entry's reason}."""

    def __init__(self, template):
        self.template = template

    def format(self, reason):
        return self.template % {"reason": reason}


class ReasonIfAny:
    """``message``, followed by ": <reason>" when the entry has a reason."""

    def __init__(self, message):
        self.message = message

    def format(self, reason):
        return f"{self.message}: {reason}" if reason else str(self.message)


class ReasonFormatter(LogFormatter):
    """A log line that carries the moderator's reason (``data["reason"]``)."""

    line = None

    def format_message(self, log_entry):
        return self.line.format(log_entry.data.get("reason", ""))


def register_log_actions(actions, entries):
    """Registers ``entries`` (``{action: (label, message)}``) with ``actions``, the
    registry Wagtail's ``register_log_actions`` hook is given."""
    for action, (label, message) in entries.items():
        if isinstance(message, WithReason | ReasonIfAny):
            formatter = type(
                "ReasonFormatter", (ReasonFormatter,), {"label": label, "line": message}
            )
            actions.register_action(action)(formatter)
        else:
            actions.register_action(action, label, message)
