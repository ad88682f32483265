"""Quality gate on the development corpus (``shared/corpus/dev``).

The corpus is built twice — as the plain-text pages and as JSON lines carrying
each manifest's URL and publication date — and scored against its expected
facts. The scores may rise but never fall below the floors pinned in
``tests/quality_baseline.json``; raise the floors when a change improves them
(``python -m tests.test_dev_corpus`` prints the current figures).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph

from graph.export.rdf import to_rdf
from graph.export.statements import statements
from graph.pipeline import BuildConfig, build
from tests.expected_check import _basename, check, name_sources, story_of_articles
from tests.paths import DEV

pytestmark = pytest.mark.usefixtures("shared_data")  # required data: never skipped

BASELINE = Path(__file__).with_name("quality_baseline.json")
DIGESTS = Path(__file__).with_name("dev_corpus_nq.json")
SPLIT = Path(__file__).with_name("dev_split.json")


def _load(name: str) -> list | dict:
    path = DEV / name
    if not path.exists():
        pytest.fail(f"{path} is missing: the development corpus must sit beside the repository")
    return json.loads(path.read_text(encoding="utf-8"))


def jsonl_corpus(folder: Path) -> Path:
    """Write the dev articles as JSON lines with the manifest's URL and date."""
    lines = []
    for item in _load("manifest.json"):
        text = (DEV / "articles" / item["file"]).read_text(encoding="utf-8")
        lines.append(
            json.dumps(
                {
                    "url": item["url"],
                    "title": item["title"],
                    "published": item["published"],
                    "text": text,
                    "language": item["language"],
                    "source_file": item["file"],
                },
                ensure_ascii=False,
            )
        )
    path = folder / "dev.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def story_scores(rdf: Graph, manifest: list[dict]) -> dict[str, float]:
    """Share of manifest stories kept whole, and of unrelated articles kept apart."""
    story_of = story_of_articles(rdf)
    by_story: dict[str, set[str]] = {}
    for item in manifest:
        by_story.setdefault(item["story"], set()).add(story_of.get(item["file"], item["file"]))
    whole = sum(len(found) == 1 for found in by_story.values()) / len(by_story)
    unrelated = [m for m in manifest if m["topic_group"] == "unrelated"]
    members: dict[str, set[str]] = {}
    for item in manifest:
        members.setdefault(story_of.get(item["file"], item["file"]), set()).add(item["story"])
    apart = sum(members[story_of.get(m["file"], m["file"])] == {m["story"]} for m in unrelated)
    return {
        "stories_whole": round(whole, 3),
        "unrelated_apart": round(apart / len(unrelated), 3) if unrelated else 1.0,
    }


def _members(rdf: Graph, cls: str) -> dict[str, set[str]]:
    """IRI of each node of ``cls`` (sg:Episode, sg:Storyline) -> its article files."""
    rows = rdf.query(
        "PREFIX sg: <https://storygraph.example.org/ontology#> "
        "PREFIX dcterms: <http://purl.org/dc/terms/> "
        f"SELECT ?s ?src WHERE {{ ?s a sg:{cls} ; sg:hasArticle ?a . ?a dcterms:source ?src }}"
    )
    found: dict[str, set[str]] = {}
    for s, src in rows:
        found.setdefault(str(s), set()).add(_basename(str(src)))
    return found


def bcubed_f1(clusters: dict[str, set[str]], gold: dict[str, str]) -> float:
    """B-cubed F1 of article clusters against gold labels (articles in no cluster
    count as clusters of their own)."""
    of = {a: key for key, members in clusters.items() for a in members if a in gold}
    of.update({a: a for a in gold if a not in of})
    precision = recall = 0.0
    for a in gold:
        mine = [b for b in gold if of[b] == of[a]]
        same = [b for b in gold if gold[b] == gold[a]]
        both = sum(gold[b] == gold[a] for b in mine)
        precision += both / len(mine)
        recall += both / len(same)
    precision, recall = precision / len(gold), recall / len(gold)
    return 2 * precision * recall / (precision + recall)


def storyline_scores(rdf: Graph, manifest: list[dict]) -> dict[str, float]:
    """Episodes against the manifest's story ids (B-cubed F1), and the storyline
    holding most of the main topic group: how much of that group it holds, how
    much of the related group it keeps out, and whether it holds no unrelated article."""
    gold = {m["file"]: m["story"] for m in manifest}
    lines = _members(rdf, "Storyline")
    group = [m["file"] for m in manifest if m["topic_group"] == "china-russia-defence"]
    related = [m["file"] for m in manifest if m["topic_group"] == "related-geopolitics"]
    unrelated = {m["file"] for m in manifest if m["topic_group"] == "unrelated"}
    main = max(lines.values(), key=lambda v: (len(v & set(group)), -len(v)), default=set())
    return {
        "episodes_bcubed_f1": round(bcubed_f1(_members(rdf, "Episode"), gold), 3),
        "storyline_holds_group": round(len(main & set(group)) / len(group), 3),
        "storyline_keeps_related_out": round(1 - len(main & set(related)) / len(related), 3),
        "storyline_no_unrelated": float(not main & unrelated),
    }


def gold() -> dict:
    """The dev corpus's facts: ``expected.json`` (happenings told with a date)
    and ``reported.json`` (told without one, dated to the report)."""
    expected, reported = _load("expected.json"), _load("reported.json")
    return {
        **expected,
        "events": expected["events"] + reported["events"],
        "actors": {**reported.get("actors", {}), **expected["actors"]},
        "places": {**reported.get("places", {}), **expected.get("places", {})},
    }


def half(name: str) -> set[str]:
    """The articles of one half of the dev corpus (tests/dev_split.json): rules are
    tuned on "tune"; "check" is looked at only to report how they generalise."""
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    return set(split[name])


def _scores(rdf: Graph, articles: set[str] | None = None) -> dict[str, float]:
    manifest = _load("manifest.json")
    name_sources({m["url"]: m["file"] for m in manifest})
    ratios = check(rdf, gold(), articles).ratios()
    ratios.update(story_scores(rdf, manifest))
    ratios.update(storyline_scores(rdf, manifest))
    return ratios


@pytest.fixture(scope="module")
def text_graph() -> nx.MultiDiGraph:
    G, _ = build([DEV / "articles"], BuildConfig(jobs=2))
    return G


@pytest.fixture(scope="module")
def jsonl_graph(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    G, _ = build([jsonl_corpus(tmp_path_factory.mktemp("dev"))], BuildConfig(jobs=2))
    return G


@pytest.fixture(scope="module")
def text_rdf(text_graph: nx.MultiDiGraph) -> Graph:
    return to_rdf(text_graph)


@pytest.fixture(scope="module")
def text_scores(text_rdf: Graph) -> dict[str, float]:
    return _scores(text_rdf)


@pytest.fixture(scope="module")
def jsonl_scores(jsonl_graph: nx.MultiDiGraph) -> dict[str, float]:
    return _scores(to_rdf(jsonl_graph))


def nquads_digest(G: nx.MultiDiGraph) -> str:
    """SHA-256 of the graph.nq a build of ``G`` writes."""
    return hashlib.sha256(b"".join(statements(G).lines(quads=True))).hexdigest()


def test_dev_corpus_graph_is_what_it_was(text_graph, jsonl_graph) -> None:
    """A move, rename or refactoring changes no byte of the output: the dev
    corpus's graph.nq, built as plain text and as JSON lines, has the digest
    stored in tests/dev_corpus_nq.json. A change meant to alter the output
    updates that file in its own commit, saying why
    (``python -m tests.test_dev_corpus`` prints the digests)."""
    stored = json.loads(DIGESTS.read_text(encoding="utf-8"))
    built = {"plain_text": nquads_digest(text_graph), "jsonl": nquads_digest(jsonl_graph)}
    assert built == {k: stored[k] for k in built}


def _assert_floors(scores: dict[str, float], floors: dict[str, float]) -> None:
    low = {k: (scores.get(k, 0.0), v) for k, v in floors.items() if scores.get(k, 0.0) < v}
    assert not low, f"below the pinned floors (got, floor): {low}; all scores: {scores}"


def test_plain_text_build_meets_floors(text_scores) -> None:
    _assert_floors(text_scores, json.loads(BASELINE.read_text())["plain_text"])


def test_jsonl_build_meets_floors(jsonl_scores) -> None:
    _assert_floors(jsonl_scores, json.loads(BASELINE.read_text())["jsonl"])


def test_dev_build_conforms_to_the_shacl_shapes(text_rdf: Graph) -> None:
    from graph.query.store import validate

    conforms, report = validate(text_rdf)
    assert conforms, report


def test_unrelated_articles_never_join_another_story(text_scores, jsonl_scores) -> None:
    assert text_scores["unrelated_apart"] == 1.0
    assert jsonl_scores["unrelated_apart"] == 1.0


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for name, inputs in (
            ("plain_text", [DEV / "articles"]),
            ("jsonl", [jsonl_corpus(Path(tmp))]),
        ):
            G, _ = build(inputs, BuildConfig(jobs=2))
            rdf = to_rdf(G)
            print(name, json.dumps(_scores(rdf), indent=1))
            for part in ("tune", "check"):
                print(name, part, json.dumps(_scores(rdf, half(part))))
            print(name, "graph.nq sha256", nquads_digest(G))
