"""The site's own date and number formats (``FORMAT_MODULE_PATH``), per language,
and numbers written as the reader's language writes them."""

from django.utils.formats import number_format
from django.utils.functional import lazy


def _grouped(number):
    return number_format(number, force_grouping=True)


# "20,000" in English, "20.000" in Spanish: lazy, so that a limit named in a
# form's help text when the module is imported is written in the language of
# the request that shows it.
grouped = lazy(_grouped, str)
