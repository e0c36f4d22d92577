"""The translations are complete: every string the site marks for translation has
its Spanish in the .po files, compiled, with the same placeholders and markup.

``makemessages`` is run on a copy of the apps, so that a string marked and not
translated (a new ``{% translate %}``, ``gettext()``...) fails here, not in
front of a reader.
"""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(settings.BASE_DIR)
APPS = ["comments", "directory", "home", "moderation", "sharing", "stories", "users"]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
CATALOGUES = [
    BASE_DIR / app / "locale" / language / "LC_MESSAGES" / "django.po"
    for app in APPS
    for language in LANGUAGES
]
# What must come through a translation unchanged: %(name)s and {name}
# placeholders, and HTML tags.
PRESERVED = re.compile(r"%\(\w+\)[sd]|%%|\{\w*\}|</?\w+[^>]*>")
# The same ignores as `make translations`.
IGNORE = ["tests", "benchmarks", "screening", "static_collected", "media", "private_media"]


def relative(path):
    return str(path.relative_to(BASE_DIR))


def key(entry):
    return (entry.msgctxt, entry.msgid)


def test_the_site_has_english_and_spanish():
    assert [code for code, _name in settings.LANGUAGES] == ["en", "es"]
    assert settings.LOCALE_PATHS == [BASE_DIR / "sharing" / "locale"]


@pytest.mark.parametrize("path", CATALOGUES, ids=relative)
def test_every_message_has_a_translation(path):
    catalogue = polib.pofile(str(path))

    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == [], f"{relative(path)}: untranslated"
    assert fuzzy == [], f"{relative(path)}: fuzzy (check the translation, then drop the flag)"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"


@pytest.mark.parametrize("path", CATALOGUES, ids=relative)
def test_translations_keep_their_placeholders_and_markup(path):
    wrong = []
    for entry in polib.pofile(str(path)).translated_entries():
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for source, translation in pairs:
            # A singular may leave out its number ("The latest override").
            expected = sorted(PRESERVED.findall(source))
            found = sorted(PRESERVED.findall(translation))
            if found != expected and not (entry.msgid_plural and set(found) <= set(expected)):
                wrong.append((source, translation))
    assert wrong == []


@pytest.mark.parametrize("path", CATALOGUES, ids=relative)
def test_the_compiled_translations_are_current(path):
    compiled = path.with_suffix(".mo")
    assert compiled.exists(), f"{relative(compiled)} is missing: run `make messages`"
    assert compiled.stat().st_mtime >= path.stat().st_mtime, (
        f"{relative(compiled)} is older than its .po: run `make messages`"
    )


def test_makemessages_finds_no_string_without_a_translation(tmp_path, monkeypatch, settings):
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        pytest.fail("GNU gettext is needed (`apt-get install gettext`), as for `make messages`")
    for app in APPS:
        shutil.copytree(
            BASE_DIR / app,
            tmp_path / app,
            ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"),
        )
    settings.LOCALE_PATHS = [tmp_path / "sharing" / "locale"]
    monkeypatch.chdir(tmp_path)

    call_command(
        "makemessages",
        locale=LANGUAGES,
        add_location="file",
        ignore_patterns=IGNORE,
        verbosity=0,
    )

    new, gone = {}, {}
    for path in CATALOGUES:
        committed = {key(e) for e in polib.pofile(str(path)) if not e.obsolete}
        made = polib.pofile(str(tmp_path / path.relative_to(BASE_DIR)))
        current = {key(e) for e in made if not e.obsolete}
        strings = sorted(
            e.msgid
            for e in made
            if not e.obsolete and (not e.translated() or key(e) not in committed)
        )
        if strings:
            new[relative(path)] = strings
        if committed - current:
            gone[relative(path)] = sorted(msgid for _ctx, msgid in committed - current)
    assert new == {}, "marked for translation, not translated: run `make translations`"
    assert gone == {}, "translated, no longer used: run `make translations`"
