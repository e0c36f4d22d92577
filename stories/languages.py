"""Which of the site's languages a story is written in, told from its words.

A story is written in the language of the form by default; an author reading the
English form may still write in Spanish. The moderators need to know: the screen's
rules read English only, and the review page says so of a story in another language
(``StoryPage.language``). No language library is installed, and the site has two
languages, so a small count does: the common function words of each language
(``data/<language>.txt``: "the", "and", "was"; "el", "que", "pero") found in the
text. A language is chosen when at least ``MIN_WORDS`` of its words are found and
more than ``MARGIN`` times as many as of any other; otherwise (a short text, a text
mixing languages, a language the site does not have) the form's language stands.

    detect_language("Las enfermeras de la noche ...", default="en")  # "es"
"""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

DATA = Path(__file__).resolve().parent / "data"
MIN_WORDS = 3
MARGIN = 2
WORD = re.compile(r"[^\W\d_]+")


@cache
def function_words():
    """Each language's word list, less the words another language's list has too."""
    lists = {}
    for code, _name in settings.LANGUAGES:
        path = DATA / f"{code}.txt"
        if path.exists():
            lists[code] = {w.strip() for w in path.read_text().splitlines() if w.strip()}
    shared = {
        w
        for code, words in lists.items()
        for other, more in lists.items()
        if other != code
        for w in words & more
    }
    return {code: frozenset(words - shared) for code, words in lists.items()}


def detect_language(text, *, default):
    """The language code of ``text`` when its words say it clearly, else ``default``."""
    counts = dict.fromkeys(function_words(), 0)
    for word in WORD.findall(text.lower()):
        for code, words in function_words().items():
            if word in words:
                counts[code] += 1
    if not counts:
        return default
    best = max(counts, key=counts.get)
    others = max((n for code, n in counts.items() if code != best), default=0)
    if counts[best] >= MIN_WORDS and counts[best] > MARGIN * others:
        return best
    return default
