"""gunicorn's logger, with private links' tokens masked in the access line
(``--logger-class sharing.gunicorn_logging.Logger``, in the Procfile)."""

from gunicorn.glogging import Logger as GunicornLogger

from .private_paths import without_tokens


class Logger(GunicornLogger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # Every atom: the request line, the path, the referrer and the environ's
        # copies of them ({raw_uri}e...) may each hold one.
        return {
            name: without_tokens(value) if isinstance(value, str) else value
            for name, value in atoms.items()
        }
