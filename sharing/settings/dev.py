"""Local development: debug on, a throwaway key, mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY") or "django-insecure-dev-only-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["*"]
