"""Compiled patterns kept between processes give the very pattern a fresh compile gives."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from graph.cache import ExtractionCache
from graph.extract import regexcache
from graph.extract.regexcache import PatternRecord, preload, record_of, recording

# long, case-insensitive over a large Unicode class: slow to compile, like spaCy's
_LETTERS = "a-zà-öø-ÿ\u0100-\u024f\u0370-\u03ff\u0400-\u04ff"
LONG = "(?iu)" + "|".join(f"(?:^w{n}[-–][{_LETTERS}]+$)" for n in range(400))


def _fresh(pattern: str) -> re.Pattern[str]:
    """Compile without re's cache."""
    return re._compiler.compile(pattern, 0)  # type: ignore[attr-defined]


def test_recording_notes_long_patterns_only() -> None:
    re.purge()
    with recording() as found:
        re.compile(LONG)
        re.compile(r"\d+ short")
    assert [c.key[1] for c in found] == [LONG]
    assert found[0].key == (str, LONG, 0)
    pickle.dumps(record_of(found))  # a record must be storable


def test_preloaded_pattern_is_the_one_re_compile_returns_and_equals_a_fresh_compile() -> None:
    re.purge()
    with recording() as found:
        re.compile(LONG)
    re.purge()
    record = pickle.loads(pickle.dumps(record_of(found)))
    assert preload(record) == 1
    loaded = re.compile(LONG)
    assert loaded is re._cache[(str, LONG, 0)]  # type: ignore[attr-defined]
    assert loaded == _fresh(LONG)  # Pattern equality compares flags and compiled code
    assert loaded.match("W12-été") and not loaded.match("w12 été")


def test_a_record_of_another_python_or_broken_code_is_ignored() -> None:
    re.purge()
    with recording() as found:
        re.compile(LONG)
    re.purge()
    record = record_of(found)
    assert preload(replace(record, python="cpython 2.7")) == 0
    assert preload({"not": "a record"}) == 0
    broken = replace(found[0], sre_args=(LONG, 0, [12345, 0], 0, {}, (None,)))
    assert preload(PatternRecord(record.python, (broken,))) == 0
    assert (str, LONG, 0) not in re._cache  # type: ignore[attr-defined]


_LOAD_FRENCH = """
import re, sys, time
from pathlib import Path
from graph.cache import ExtractionCache
from graph.extract.nlp import load_model_reusing
store = ExtractionCache(Path(sys.argv[1]))
compile_anew, long_compiles = re._compiler.compile, []
def counting(pattern, flags):
    if len(pattern) > 100_000:
        long_compiles.append(pattern)
    return compile_anew(pattern, flags)
re._compiler.compile = counting
nlp = load_model_reusing("fr", store)
re._compiler.compile = compile_anew
token_match = nlp.tokenizer.token_match.__self__
fresh = re._compiler.compile(token_match.pattern, 0)
words = [t.text for t in nlp("Un anti-missile et l'entr'aide aujourd'hui.")]
print(len(long_compiles), token_match == fresh, words)
"""


def test_a_second_process_loads_the_french_model_with_identical_tokenizer_patterns(
    tmp_path: Path,
) -> None:
    def run() -> str:
        command = [sys.executable, "-c", _LOAD_FRENCH, str(tmp_path)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    compiled, same, words = run().split(" ", 2)  # compiles and records
    record = ExtractionCache(tmp_path).get("compiled-patterns:fr")
    assert isinstance(record, PatternRecord) and record.patterns
    assert max(len(p.key[1]) for p in record.patterns) > 1_000_000  # the token_match pattern
    assert int(compiled) >= 1 and same == "True"
    assert run().split(" ", 2) == ["0", "True", words]  # preloaded: nothing long compiled


def test_unsupported_python_records_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "_sre", None)
    with recording() as found:
        re.compile(LONG + "|x")
    assert found == []


def test_a_new_record_keeps_the_earlier_patterns_it_does_not_replace() -> None:
    other = LONG + "|(?:^v$)"
    re.purge()
    with recording() as first:
        re.compile(LONG)
    re.purge()
    with recording() as second:
        re.compile(other)
    merged = record_of(second, record_of(first))
    assert [p.key[1] for p in merged.patterns] == [other, LONG]
    assert [p.key[1] for p in record_of(first, merged).patterns] == [LONG, other]
    assert record_of(first, replace(merged, python="elsewhere")).patterns == tuple(first)
