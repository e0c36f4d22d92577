"""Mail servers for tests: Django's locmem backend (``mail.outbox``) standing for an
outside mail server that goes down partway."""

import errno

from django.core.mail.backends import locmem


class FailingAfterBackend(locmem.EmailBackend):
    """Takes ``FailingAfterBackend.capacity`` messages into ``mail.outbox``, then
    refuses the connection, as a mail server that goes down midway through a batch.
    A test sets ``capacity`` (the number still to be taken) and raises it to bring
    the server back."""

    capacity = 0

    def send_messages(self, messages):
        for message in messages:
            if FailingAfterBackend.capacity <= 0:
                raise ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")
            FailingAfterBackend.capacity -= 1
            super().send_messages([message])
        return len(messages)
