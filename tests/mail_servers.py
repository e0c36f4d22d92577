"""Mail servers for tests, as Django mail backends (outside services' doubles)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FlakyMailServer(BaseEmailBackend):
    """Takes ``capacity`` messages, then drops the connection on each one after.

    The messages it took are in ``sent``; set both on the class (``reset``).
    """

    path = "tests.mail_servers.FlakyMailServer"
    capacity = 0
    sent = []

    @classmethod
    def reset(cls, capacity):
        cls.capacity = capacity
        cls.sent = []

    def send_messages(self, messages):
        for message in messages:
            if len(self.sent) >= self.capacity:
                raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
            self.sent.append(message)
        return len(messages)
