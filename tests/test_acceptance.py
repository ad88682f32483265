"""Acceptance: the seeds build into the graph a careful reader expects.

Builds ``seeds/`` with the real spaCy models and checks the RDF output against
``shared/expected/seeds.json`` through SPARQL on the RDF contract. Also checks
that the committed ``output/`` is the build of the committed ``seeds/``.
"""

from __future__ import annotations

import json

import pytest
from rdflib import Graph

from graph.export.rdf import to_rdf
from graph.pipeline import BuildConfig, build
from tests.expected_check import check, check_one_story
from tests.paths import ROOT, SHARED

pytestmark = pytest.mark.usefixtures("shared_data")  # required data: never skipped

EXPECTED = SHARED / "expected" / "seeds.json"


@pytest.fixture(scope="module")
def seed_build() -> tuple[Graph, object]:
    G, report = build([ROOT / "seeds"], BuildConfig(jobs=1))
    return to_rdf(G), report


@pytest.fixture(scope="module")
def expected() -> dict:
    if not EXPECTED.exists():
        pytest.fail(f"{EXPECTED} is missing: the acceptance data must sit beside the repository")
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def test_every_required_event_is_found(seed_build, expected) -> None:
    score = check(seed_build[0], expected)
    missing = [f for f in score.failures if f.startswith("required event")]
    assert not missing, "\n".join(missing)


def test_listed_actors_are_one_node_each(seed_build, expected) -> None:
    score = check(seed_build[0], expected)
    assert score.actors_single_node == score.actors_total, "\n".join(score.failures)


def test_shared_actors_join_both_articles(seed_build, expected) -> None:
    score = check(seed_build[0], expected)
    assert score.joins_ok == score.joins_total, "\n".join(score.failures)


def test_both_seeds_form_one_story(seed_build, expected) -> None:
    assert check_one_story(seed_build[0], expected["joins"]["one_story"])


def test_furniture_comments_and_teasers_stay_out(seed_build, expected) -> None:
    score = check(seed_build[0], expected)
    assert not score.leaked_names, score.leaked_names


def test_publication_dates_stated_or_inferred(seed_build, expected) -> None:
    score = check(seed_build[0], expected)
    assert score.dates_ok == score.dates_total, "\n".join(score.failures)
    inferred = list(
        seed_build[0].query("""
        PREFIX sg: <https://storygraph.example.org/ontology#>
        ASK { ?a sg:publicationDateInferred true ; sg:publicationDateEvidence ?why }""")
    )
    assert inferred == [True]


def test_build_output_conforms_to_the_shacl_shapes(seed_build) -> None:
    from graph.query.store import validate

    conforms, report = validate(seed_build[0])
    assert conforms, report


def test_committed_output_is_the_build_of_the_seeds(tmp_path) -> None:
    from graph.export import write_outputs

    G, _ = build([ROOT / "seeds"], BuildConfig(jobs=1))
    write_outputs(G, tmp_path, formats=False)
    committed = ROOT / "output" / "graph.ttl"
    assert committed.exists(), "output/graph.ttl is not committed; run the README's build command"
    assert (tmp_path / "graph.ttl").read_bytes() == committed.read_bytes(), (
        "output/ is stale: rebuild it with `storygraph build seeds/ --out output/` and commit"
    )
