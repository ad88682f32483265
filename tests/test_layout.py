"""The layout keeps its promises: stage packages, no import circle, modules a
person can hold in mind, one registry of languages."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from tests.paths import ROOT

GRAPH = ROOT / "graph"
MAX_LINES = 500
STAGES = ("ingest", "extract", "resolve", "export", "query")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(GRAPH.rglob("*.py"))}


def _imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The graph modules ``path`` imports, anywhere in it (functions and
    TYPE_CHECKING blocks included); ``from package import submodule`` depends
    on the submodule only."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in modules}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *([base] if base else [])])
            submodules = {f"{base}.{a.name}" for a in node.names} & modules.keys()
            found |= submodules
            if len(submodules) < len(node.names) and base in modules:
                found.add(base)
    return found - {name}


def test_graph_shows_the_stages_as_packages() -> None:
    for stage in STAGES:
        assert (GRAPH / stage / "__init__.py").is_file(), stage
    assert (GRAPH / "pipeline.py").is_file() and (GRAPH / "assemble.py").is_file()


def test_no_import_circle_type_only_imports_included() -> None:
    modules = _modules()
    G = nx.DiGraph()
    for name, path in modules.items():
        G.add_node(name)
        G.add_edges_from((name, target) for target in _imports(path, name, modules))
    cycles = list(nx.simple_cycles(G))
    assert not cycles, f"import circles: {cycles[:5]}"


def test_a_later_stage_is_never_imported_by_an_earlier_one() -> None:
    modules = _modules()
    order = {f"graph.{stage}": i for i, stage in enumerate(STAGES)}

    def stage_of(name: str) -> int | None:
        return next(
            (i for prefix, i in order.items() if name == prefix or name.startswith(prefix + ".")),
            None,
        )

    backwards = []
    for name, path in modules.items():
        here = stage_of(name)
        for target in _imports(path, name, modules):
            there = stage_of(target)
            if here is not None and there is not None and there > here:
                backwards.append((name, target))
    assert not backwards, backwards


def test_no_module_over_five_hundred_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in GRAPH.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}  # fmt: skip
    assert not long, long


def test_one_registry_of_languages_read_by_every_stage() -> None:
    from graph.config import BuildConfig
    from graph.event_types import FALLBACK
    from graph.extract.dates.rules import _COMPILED, _RULES
    from graph.ingest import SUPPORTED_LANGUAGES
    from graph.kb import default_kb
    from graph.languages import CODES, DEFAULT_MODELS, LANGUAGES, REQUIRED_SECTIONS

    assert set(_COMPILED) == set(CODES)  # date rules exist for every registered language
    kb = default_kb(None)
    for language in LANGUAGES:  # every section of every language file is filled
        assert all(hasattr(language, section) for section in REQUIRED_SECTIONS)
        assert set(language.date_rules) == {key for key, _, _ in _RULES}, language.code
        assert _COMPILED[language.code] and language.dates.months and language.dates.weekdays
        assert language.tense.negations and language.tense.future
        assert len(language.display.months) == 12
        assert language.entities.thing_nouns and language.entities.locatives
        assert set(language.cues) == {
            "background",
            "circumstance",
            "vague_time",
            "relative",
            "superlative",
            "comment",
            "comparison",
            "nationality",
            "going_on",
            "present_time",
            "shortly_before",
            "shortly_after",
            "where",
            "object_relative",
            "cleft",
            "sequence_clause",
            "about_phrase",
            "origin",
            "counterfactual",
            "dated_phrase",
            "time_of_noun",
            "determiners",
            "deadline",
            "phrase_end",
            "purpose",
            "outcome",
            "another_occurrence",
            "agent",
            "passive",
            "photo_position",
            "since",
            "compared_from",
            "as_of",
            "noun_triggers",
            "verb_markers",
            "figure_unit",
            "habitual",
            "state_verbs",
            "already",
            "first_person",
            "replaced",
            "speaks_for",
            "organisation",
            "posting",
            "posted_to",
            "joint",
            "called_off",
            "at_that_time",
            "after_that_time",
            "before_the_news",
            "light_verbs",
            "idiom",
            "that_clause",
            "plural_pronoun",
            "asked_for",
            "plays",
            "contrast",
            "temporal_clause",
            "temporal_idiom",
            "comes_as",
            "told_to",
            "calls_on",
            "reporters_of",
            "spoken_of",
            "infinitive",
            "agent_suffix",
            "conditional",
        }
        assert {t.name for t in kb.event_types if t.role != "fallback"} <= set(language.triggers)
        assert FALLBACK not in language.triggers
        assert {role.role for role in kb.roles} <= set(language.roles), language.code
    assert tuple(SUPPORTED_LANGUAGES) == CODES
    assert set(DEFAULT_MODELS) == set(CODES)
    assert set(kb.demonyms) == set(CODES)
    assert all(set(t.triggers) == set(CODES) for t in kb.event_types)
    assert all(BuildConfig().model_for(code) == DEFAULT_MODELS[code] for code in CODES)
    assert BuildConfig(models=(("en", "my_model"),)).model_for("en") == "my_model"


def test_few_modules_flat_in_graph() -> None:
    """Only what every stage shares and the orchestration sit at the top."""
    flat = sorted(p.name for p in GRAPH.glob("*.py") if p.name != "__init__.py")
    assert len(flat) <= 14, flat
