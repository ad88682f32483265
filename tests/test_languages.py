"""The language files: a language is one data file, read and checked by one loader."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from graph import languages
from graph.errors import ConfigError
from graph.event_types import load_event_types
from graph.extract.dates import describe_interval, find_time_expressions, rules
from graph.extract.dates import find as find_module
from graph.languages import LANGUAGES_DIR, REQUIRED_SECTIONS, load_language
from graph.resources import DATA_DIR

# A toy Spanish: only what the loader requires, and three date rules.
TOY = r"""
code = "xx"
name = "Toy Spanish"
model = "xx_toy_model"

[dates]
day_first = true
cue_words = ["hoy", "ayer"]

[dates.months]
enero = 1
febrero = 2
marzo = 3
abril = 4
mayo = 5
junio = 6
julio = 7
agosto = 8
septiembre = 9
octubre = 10
noviembre = 11
diciembre = 12

[dates.weekdays]
lunes = 0
martes = 1
"miércoles" = 2
jueves = 3
viernes = 4
"sábado" = 5
domingo = 6

[dates.numbers]
dos = 2

[dates.units]
"día" = "day"
"días" = "day"

[date_rules]
full-date = ['(?:\b(?P<wd><WD>)\s+)?<DD>\s+de\s+(?P<m><MA>)(?!\w)(?:\s+de\s+<YY>)?']
ago = ['\bhace\s+(?P<n><NUM>)\s+(?P<u><UNIT>)(?!\w)']
relative-day = ['\b(?:hoy|ayer)\b']

[tense]
verbs = "morphology"
future = '\b\w+(?:rá|rán)\b'
past_before = '\b(?:dijo|anunció)\s*$'
said_after = '\b(?:dijo|anunció)\b'
negations = ["no"]

[display]
months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
month_abbreviations = ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.",
                       "sept.", "oct.", "nov.", "dic."]

[display.words]
about = "hacia el {}"
early-month = "principios de {}"
mid-month = "mediados de {}"
late-month = "finales de {}"
week = "semana del {}"
days-before = "unos días antes del {}"
days-after = "unos días después del {}"
reported = "informado el {}"
planned = "previsto desde el {}"
spring = "primavera"
summer = "verano"
autumn = "otoño"
winter = "invierno"

[entities]
thing_nouns = ["sonda", "buque"]

[cues]
relative = ["que", "quien"]

[triggers]
Meeting = ["reuni", "se encontr"]

[roles]
head-of-state = ["presidente {DEM}"]
"""


def _toy(tmp_path: Path, text: str = TOY, name: str = "xx.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_language_is_registered_from_its_data_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    toy = load_language(_toy(tmp_path))
    compiled = rules.compile_rules(toy)
    assert [rule for rule, _, _ in compiled] == ["full-date", "ago", "relative-day"]
    monkeypatch.setitem(languages.BY_CODE, "xx", toy)
    monkeypatch.setitem(find_module._COMPILED, "xx", compiled)
    monkeypatch.setitem(find_module._CUES, "xx", rules.cue_pattern(toy))

    [day] = find_time_expressions(
        "El ministro llegó el lunes 14 de octubre de 2024 a Lima.", language="xx", anchor=None
    )
    assert (day.text, day.begin, day.granularity, day.conflict) == (
        "lunes 14 de octubre de 2024", date(2024, 10, 14), "day", None)  # fmt: skip
    [ago] = find_time_expressions(
        "Lo dijo hace dos días.", language="xx", anchor=date(2024, 10, 15)
    )
    assert (ago.text, ago.begin) == ("hace dos días", date(2024, 10, 13))
    assert find_time_expressions("Nothing here.", language="xx", anchor=None) == []
    assert describe_interval(date(2024, 10, 1), date(2024, 10, 10), "early-month", "xx") == (
        "principios de octubre 2024"
    )
    # the toy's triggers reach the event types through the same loader
    types = load_event_types(languages=(*languages.LANGUAGES, toy))
    meeting = next(t for t in types if t.name == "Meeting")
    assert meeting.triggers["xx"] == ("reuni", "se encontr")
    assert next(t for t in types if t.name == "Visit").triggers["xx"] == ()


@pytest.mark.parametrize("section", REQUIRED_SECTIONS)
def test_a_language_file_missing_a_required_section_names_the_file(
    tmp_path: Path, section: str
) -> None:
    data = tomllib.loads(TOY)
    lines, skipping = [], False
    for line in TOY.splitlines():  # the toy without one section (and its sub-tables)
        if line.startswith("["):
            skipping = line.strip("[]").split(".")[0] == section
        if not skipping:
            lines.append(line)
    assert section in data
    path = _toy(tmp_path, "\n".join(lines))
    with pytest.raises(ConfigError) as error:
        load_language(path)
    assert str(error.value).startswith(str(path)) and f"[{section}]" in str(error.value)


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('code = "xx"', 'code = "yy"', "code"),
        ("day_first = true", 'day_first = "yes"', "[dates] day_first"),
        ('"día" = "day"', '"día" = "daily"', "[dates] units.día"),
        ("enero = 1", 'enero = "one"', "[dates] months.enero"),
        ('verbs = "morphology"', 'verbs = "guess"', "[tense] verbs"),
        ('negations = ["no"]', "negations = []", "[tense] negations"),
        ('"ene.", ', "", "[display] month_abbreviations"),
        ('spring = "primavera"', "", "[display] words.spring"),
        ('relative = ["que", "quien"]', 'relative = "que"', "[cues] relative"),
        ("enero = 1", "enero = 1\n[broken", "xx.toml"),
    ],
)
def test_a_bad_value_names_the_file_and_the_key(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    assert old in TOY
    path = _toy(tmp_path, TOY.replace(old, new, 1))
    with pytest.raises(ConfigError) as error:
        load_language(path)
    assert str(error.value).startswith(str(path)) and key in str(error.value)


def test_an_unknown_rule_type_or_role_names_the_file(tmp_path: Path) -> None:
    toy = load_language(_toy(tmp_path, TOY.replace("relative-day =", "tomorrowish =")))
    with pytest.raises(ConfigError, match=r"xx\.toml: \[date_rules\] tomorrowish"):
        rules.compile_rules(toy)
    toy = load_language(_toy(tmp_path, TOY.replace("Meeting =", "Picnic =")))
    with pytest.raises(ConfigError, match=r"xx\.toml: \[triggers\] Picnic"):
        load_event_types(languages=(toy,))


def test_every_shipped_language_file_has_every_required_section() -> None:
    files = sorted(LANGUAGES_DIR.glob("*.toml"))
    assert [path.stem for path in files] == list(languages.CODES)
    for path in files:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        assert set(REQUIRED_SECTIONS) <= set(data), path
    assert not (DATA_DIR / "languages.tsv").exists()
