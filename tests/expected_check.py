"""Check a built graph against an expected-facts file, through SPARQL on the RDF contract.

The expected files (``shared/expected/seeds.json`` and ``shared/corpus/dev/expected.json``)
say what a careful reader takes from the articles. This module scores a build
against one; the acceptance test requires every check on the seeds, the
development-corpus gate compares the scores with pinned floors.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rdflib import Graph

PREFIXES = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX sg: <https://storygraph.example.org/ontology#>
"""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _names(forms: list[str]) -> set[str]:
    return {fold(re.sub(r"\s*\(.*\)$", "", f)) for f in forms}


@dataclass
class Score:
    """What matched and what did not; ``failures`` explains each miss."""

    required_events: int = 0
    required_found: int = 0
    all_events: int = 0
    all_found: int = 0
    built_events: int = 0
    built_events_matching_gold: int = 0
    actors_single_node: int = 0
    actors_total: int = 0
    joins_ok: int = 0
    joins_total: int = 0
    dates_ok: int = 0
    dates_total: int = 0
    one_story_ok: bool = False
    leaked_names: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def ratios(self) -> dict[str, float]:
        def r(a: int, b: int) -> float:
            return round(a / b, 3) if b else 1.0

        return {
            "required_event_recall": r(self.required_found, self.required_events),
            "event_recall": r(self.all_found, self.all_events),
            "event_precision": r(self.built_events_matching_gold, self.built_events),
            "actor_single_node": r(self.actors_single_node, self.actors_total),
            "cross_article_joins": r(self.joins_ok, self.joins_total),
            "publication_dates": r(self.dates_ok, self.dates_total),
        }


@dataclass(frozen=True)
class BuiltEvent:
    iri: str
    begin: date
    end: date
    actors: frozenset[str]  # folded labels and aliases of every actor
    articles: frozenset[str]  # dcterms:source of reporting articles


def _events(rdf: Graph) -> list[BuiltEvent]:
    rows = rdf.query(
        PREFIXES
        + """
        SELECT ?e ?b ?end ?src WHERE {
          ?e a sem:Event ; sem:hasBeginTimeStamp ?b ; sem:hasEndTimeStamp ?end ;
             prov:wasDerivedFrom ?a .
          ?a dcterms:source ?src .
          FILTER NOT EXISTS { ?e a sg:Story }
        }"""
    )
    data: dict[str, dict[str, Any]] = {}
    for e, b, end, src in rows:
        item = data.setdefault(str(e), {"b": b.toPython(), "e": end.toPython(), "src": set()})
        item["src"].add(_basename(str(src)))
    names: dict[str, set[str]] = defaultdict(set)
    for e, name in rdf.query(
        PREFIXES
        + """
        SELECT ?e ?n WHERE { ?e sem:hasActor ?x .
          { ?x rdfs:label ?n } UNION { ?x skos:altLabel ?n } }"""
    ):
        names[str(e)].add(fold(str(name)))
    return [
        BuiltEvent(k, v["b"], v["e"], frozenset(names[k]), frozenset(v["src"]))
        for k, v in data.items()
    ]


#: Source (URL) -> file name, for builds from JSON lines whose articles are named
#: by URL; set by :func:`name_sources`.
_SOURCE_NAMES: dict[str, str] = {}


def name_sources(mapping: dict[str, str]) -> None:
    """Score articles given by URL under the file names the expected file uses."""
    _SOURCE_NAMES.clear()
    _SOURCE_NAMES.update(mapping)


def _basename(source: str) -> str:
    return _SOURCE_NAMES.get(source) or source.rsplit("/", 1)[-1]


def _matches(event: BuiltEvent, gold: dict[str, Any], actor_forms: dict[str, set[str]]) -> bool:
    if gold["article"] not in event.articles:
        return False
    if not (
        date.fromisoformat(gold["begin"]) <= event.begin
        and event.end <= date.fromisoformat(gold["end"])
    ):
        return False
    return all(actor_forms.get(a, {fold(a)}) & event.actors for a in gold["actors"])


def _overlaps(event: BuiltEvent, gold: dict[str, Any]) -> bool:
    return (
        gold["article"] in event.articles
        and event.begin <= date.fromisoformat(gold["end"])
        and date.fromisoformat(gold["begin"]) <= event.end
    )


def check(rdf: Graph, expected: dict[str, Any], articles: set[str] | None = None) -> Score:
    """Score the graph ``rdf`` against the expected facts.

    Args:
        rdf: the built graph.
        expected: the parsed expected-facts JSON.
        articles: restrict to these article files (default: all in ``expected``).
    """
    score = Score()
    wanted = articles or {a["file"] for a in expected["articles"]}
    actor_forms = {name: _names(forms) | {fold(name)} for name, forms in expected["actors"].items()}
    built = _events(rdf)
    _check_events(
        score, built, [e for e in expected["events"] if e["article"] in wanted], actor_forms, wanted
    )
    _check_actors(score, rdf, expected, actor_forms)
    _check_joins(score, built, expected, actor_forms, wanted)
    group = set(expected["joins"].get("one_story", [])) & wanted
    score.one_story_ok = check_one_story(rdf, sorted(group)) if group else True
    if not score.one_story_ok:
        score.failures.append(f"no story holds events of all of {sorted(group)}")
    _check_dates(score, rdf, [a for a in expected["articles"] if a["file"] in wanted])
    _check_leaks(score, rdf, expected)
    return score


def _check_events(
    score: Score,
    built: list[BuiltEvent],
    gold: list[dict[str, Any]],
    actor_forms: dict[str, set[str]],
    wanted: set[str],
) -> None:
    for g in gold:
        found = any(_matches(e, g, actor_forms) for e in built)
        score.all_events += 1
        score.all_found += found
        if g.get("required"):
            score.required_events += 1
            score.required_found += found
            if not found:
                score.failures.append(f"required event not found: {g['id']} ({g['what']})")
    mine = [e for e in built if e.articles & wanted]
    score.built_events = len(mine)
    score.built_events_matching_gold = sum(any(_overlaps(e, g) for g in gold) for e in mine)


def _actor_nodes(rdf: Graph) -> dict[str, set[str]]:
    nodes: dict[str, set[str]] = defaultdict(set)
    for x, name in rdf.query(
        PREFIXES
        + """
        SELECT ?x ?n WHERE { ?x a sem:Actor .
          { ?x rdfs:label ?n } UNION { ?x skos:altLabel ?n } }"""
    ):
        nodes[str(x)].add(fold(str(name)))
    return nodes


def _check_actors(
    score: Score, rdf: Graph, expected: dict[str, Any], actor_forms: dict[str, set[str]]
) -> None:
    nodes = _actor_nodes(rdf)
    for name in expected["actors"]:
        forms = actor_forms.get(name, {fold(name)})
        hits = [x for x, names in nodes.items() if forms & names]
        score.actors_total += 1
        if len(hits) == 1:
            score.actors_single_node += 1
        else:
            score.failures.append(f"actor {name!r} is {len(hits)} nodes, expected 1")


def _check_joins(
    score: Score,
    built: list[BuiltEvent],
    expected: dict[str, Any],
    actor_forms: dict[str, set[str]],
    wanted: set[str],
) -> None:
    joins = expected["joins"]
    for name in joins.get("same_node_across_articles", []):
        forms = actor_forms.get(name, {fold(name)})
        articles = {a for e in built if forms & e.actors for a in e.articles}
        relevant = {g["article"] for g in expected["events"] if name in g["actors"]} & wanted
        score.joins_total += 1
        if len(relevant) < 2 or relevant <= articles:
            score.joins_ok += 1
        else:
            score.failures.append(
                f"actor {name!r} not used by events of {sorted(relevant - articles)}"
            )


def check_one_story(rdf: Graph, files: list[str]) -> bool:
    """True when one story has events derived from every one of ``files``."""
    rows = rdf.query(
        PREFIXES
        + """
        SELECT ?s ?src WHERE { ?s a sg:Story ; sem:hasSubEvent ?e .
          ?e prov:wasDerivedFrom ?a . ?a dcterms:source ?src }"""
    )
    by_story: dict[str, set[str]] = defaultdict(set)
    for s, src in rows:
        by_story[str(s)].add(_basename(str(src)))
    return any(set(files) <= found for found in by_story.values())


def story_of_articles(rdf: Graph) -> dict[str, str]:
    """Article file -> story IRI (via sg:hasArticle)."""
    rows = rdf.query(
        PREFIXES
        + """
        SELECT ?s ?src WHERE { ?s a sg:Story ; sg:hasArticle ?a . ?a dcterms:source ?src }"""
    )
    return {_basename(str(src)): str(s) for s, src in rows}


def _check_dates(score: Score, rdf: Graph, articles: list[dict[str, Any]]) -> None:
    published = {
        _basename(str(src)): d.toPython()
        for src, d in rdf.query(
            PREFIXES
            + """
        SELECT ?src ?d WHERE { ?a a schema:NewsArticle ; dcterms:source ?src ;
          schema:datePublished ?d }"""
        )
    }
    for article in articles:
        got = published.get(article["file"])
        score.dates_total += 1
        if article.get("published"):
            ok = got == date.fromisoformat(article["published"])
        else:
            low, high = article["published_between"]
            ok = got is not None and date.fromisoformat(low) <= got <= date.fromisoformat(high)
        score.dates_ok += ok
        if not ok:
            score.failures.append(f"publication date of {article['file']}: got {got}")


def _check_leaks(score: Score, rdf: Graph, expected: dict[str, Any]) -> None:
    names = expected["not_in_story"]["names"] + expected["not_in_story"].get("photo_credits", [])
    labels = [
        fold(str(row[0]))
        for row in rdf.query(
            PREFIXES
            + """
        SELECT ?n WHERE { ?x rdfs:label|skos:altLabel|skos:prefLabel|schema:name ?n }"""
        )
    ]
    for name in names:
        pattern = re.compile(r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)")
        if any(pattern.search(label) for label in labels):
            score.leaked_names.append(name)
            score.failures.append(f"name that must stay out appears in the graph: {name!r}")
