"""WSGI entry point: `gunicorn sharing.wsgi`.

The Procfile runs gunicorn with ``--preload``: this module is imported once, in
gunicorn's master, and its workers are forked from it with the application
loaded. Loading it opens no database or Redis connection and starts no thread
(Django connects on a request's first query, django-redis on its first cache
call), so nothing is shared between the workers. The objects loaded so far are
then frozen out of the garbage collector's reach, so that a worker's collections
do not write to (and so copy) the pages it shares with the master.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sharing.settings.production")

application = get_wsgi_application()
gc.freeze()
