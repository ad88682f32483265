"""SPARQL on the embedded store: named queries, reasoning, CLI, errors, SHACL."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.cli import main
from graph.errors import QueryError
from graph.export.formats import write_turtle
from graph.export.rdf import SEM, node_iri, to_rdf
from graph.export.store import fill_store, write_store
from graph.query.sparql import bind, format_result, get_query, list_queries, rows, run_query
from graph.query.store import open_store, validate, validate_graph

try:
    import rdf_fixtures as fx
except ImportError:  # pragma: no cover
    from tests import rdf_fixtures as fx

MEETING_TYPES = {"meeting", "call", "visit", "summit", "negotiation"}
SEM_PREFIX = "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>\n"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return fill_store(ox.Store(), fx.build_fixture_graph())


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("output")
    G = fx.build_fixture_graph()
    write_turtle(G, out / "graph.ttl")
    write_store(G, out / "store")
    return out


def named(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    result = run_query(store, bind(get_query(name), params))
    assert isinstance(result, ox.QuerySolutions)
    names, body = rows(result)
    return [dict(zip(names, row, strict=True)) for row in body]


def iri(node: str) -> str:
    return str(node_iri(node))


def test_list_has_the_named_queries() -> None:
    assert [q.name for q in list_queries()] == [
        "actor-timeline", "actors-by-events", "events-between", "shared-events",
        "story-timeline", "storyline-episodes", "who-met-whom",
    ]  # fmt: skip


def test_story_timeline(store: ox.Store) -> None:
    expected = [iri(e) for e in fx.STORY_EVENTS]
    assert [r["event"] for r in named(store, "story-timeline")] == expected
    one = named(store, "story-timeline", story=fx.STORYLINE)
    assert [(r["begin"], r["end"]) for r in one] == [fx.EVENTS[e][2:4] for e in fx.STORY_EVENTS]
    assert named(store, "story-timeline", story="storyline/none") == []
    assert named(store, "story-timeline", story=fx.STORY) == []  # an episode is no storyline


def test_storyline_episodes(store: ox.Store) -> None:
    found = named(store, "storyline-episodes")
    assert [(r["story"], r["episode"]) for r in found] == [(iri(fx.STORYLINE), iri(fx.STORY))]
    assert (int(found[0]["articles"]), int(found[0]["events"])) == (2, len(fx.STORY_EVENTS))


@pytest.mark.parametrize("name", ["Belousov", "Belooussov", "Andreï Belooussov", "ANDREI belousov"])
def test_actor_timeline_is_alias_aware(store: ox.Store, name: str) -> None:
    found = named(store, "actor-timeline", actor=name)
    events = [e for e, links in fx.LINKS.items() if any(a == fx.BELOUSOV for a, _ in links[0])]
    assert [r["event"] for r in found] == [iri(e) for e in sorted(events)]
    assert {r["actor"] for r in found} == {iri(fx.BELOUSOV)}
    assert [(r["begin"], r["end"]) for r in found] == [fx.EVENTS[e][2:4] for e in sorted(events)]
    assert {r["role"] for r in found} == {"visitor", "host", ""}


def test_actor_timeline_matches_whole_words_only(store: ox.Store) -> None:
    assert named(store, "actor-timeline", actor="Belou") == []
    assert named(store, "actor-timeline", actor="(.*)|zz") == []  # punctuation is folded away
    with pytest.raises(QueryError, match="nothing to search for"):
        named(store, "actor-timeline", actor=".*")


def test_who_met_whom(store: ox.Store) -> None:
    expected = set()
    for event, (actors, *_rest) in fx.LINKS.items():
        if fx.EVENTS[event][1] in MEETING_TYPES:
            for a, b in itertools.combinations(sorted({iri(x) for x, _ in actors}), 2):
                expected.add((a, b, iri(event), fx.EVENTS[event][2]))
    found = {
        (r["actor1"], r["actor2"], r["event"], r["begin"]) for r in named(store, "who-met-whom")
    }
    assert found == expected
    assert len(found) == 4


def test_events_between(store: ox.Store) -> None:
    found = named(store, "events-between", **{"from": "2024-01-01", "to": "2025-03-05"})
    expected = [
        e for e, v in sorted(fx.EVENTS.items()) if v[2] <= "2025-03-05" and v[3] >= "2024-01-01"
    ]
    assert [r["event"] for r in found] == [iri(e) for e in expected]
    assert not {iri(fx.STORY), iri(fx.STORYLINE)} & {r["event"] for r in found}


def test_shared_events(store: ox.Store) -> None:
    found = named(store, "shared-events", article1=fx.A1, article2=fx.A2)
    expected = [e for e, links in fx.LINKS.items() if {fx.A1, fx.A2} <= set(links[3])]
    assert [r["event"] for r in found] == [iri(e) for e in expected] == [iri(fx.E_MEETING)]


def test_actors_by_events(store: ox.Store) -> None:
    counts: dict[str, int] = {}
    for actors, *_ in fx.LINKS.values():
        for actor in {a for a, _ in actors}:
            counts[iri(actor)] = counts.get(iri(actor), 0) + 1
    found = named(store, "actors-by-events")
    assert {r["actor"]: int(r["events"]) for r in found} == counts
    assert found[0]["actor"] == iri(fx.BELOUSOV)


def test_subclass_reasoning(store: ox.Store) -> None:
    events = run_query(store, SEM_PREFIX + "SELECT ?e WHERE { ?e a sem:Event }")
    found_events = {r[0] for r in rows(events)[1]}  # type: ignore[arg-type]
    assert {iri(fx.STORY), iri(fx.STORYLINE)} <= found_events
    actors = run_query(store, SEM_PREFIX + "SELECT ?a WHERE { ?a a sem:Actor }")
    found = {r[0] for r in rows(actors)[1]}  # type: ignore[arg-type]
    assert {iri(fx.BELOUSOV), iri(fx.NATO), iri(fx.RUSSIA)} <= found
    persons = run_query(store, "SELECT ?p WHERE { ?p a <https://schema.org/Person> }")
    assert iri(fx.BELOUSOV) in {r[0] for r in rows(persons)[1]}  # type: ignore[arg-type]


def test_parameters_are_bound_safely() -> None:
    query = get_query("actor-timeline")
    text = bind(query, {"actor": '"} } DROP ALL ; SELECT * { ?s ?p ?o'})
    assert "DROP ALL" not in text.upper() or "drop all" in text
    with pytest.raises(QueryError, match="parameter from"):
        bind(get_query("events-between"), {"from": "2024-13-01", "to": "2024-01-01"})
    with pytest.raises(QueryError, match="needs --param actor"):
        bind(query, {})
    with pytest.raises(QueryError, match="no parameter 'nope'"):
        bind(query, {"actor": "x", "nope": "1"})
    with pytest.raises(QueryError, match="Available names: actor-timeline"):
        get_query("missing")
    with pytest.raises(QueryError):
        bind(get_query("shared-events"), {"article1": "http://x/ y>", "article2": fx.A2})


def test_syntax_error_and_update(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"at 2:\d+") as error:
        run_query(store, "SELECT *\nWHERE { ?s ?p ?o . FILTER( }")
    assert "\n" not in str(error.value)
    with pytest.raises(QueryError, match="--allow-update"):
        run_query(store, "PREFIX x: <http://x#> # c\nDELETE WHERE { ?s ?p ?o }")


def test_result_formats(store: ox.Store) -> None:
    text = SEM_PREFIX + "SELECT ?e ?b WHERE { ?e a sem:Event ; sem:hasBeginTimeStamp ?b } LIMIT 2"
    assert format_result(run_query(store, text), "csv").startswith("e,b\r\n")
    assert format_result(run_query(store, text), "tsv").startswith("?e\t?b\n")
    assert '"head"' in format_result(run_query(store, text), "json")
    assert format_result(run_query(store, "ASK { ?s ?p ?o }")) == "true\n"
    turtle = format_result(run_query(store, "CONSTRUCT WHERE { ?s a ?o } LIMIT 3"))
    assert len(Graph().parse(data=turtle, format="turtle")) == 3


def test_cli_query_on_store_and_file(out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["query", str(out_dir), "--name", "actor-timeline", "--param", "actor=Belooussov"]
    assert main([*args, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "actor,actorLabel,event,label,type,begin,end,role"
    assert len(lines) == 4
    assert main(["query", str(out_dir / "graph.ttl"), SEM_PREFIX + "ASK { ?x a sem:Actor }"]) == 0
    assert capsys.readouterr().out == "true\n"
    assert main(["query", "--list"]) == 0
    assert "who-met-whom" in capsys.readouterr().out


def test_cli_query_errors(out_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", str(out_dir), "SELECT * WHERE {\n ?s ?p }"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "2:" in err
    assert main(["query", str(out_dir), "INSERT DATA { <a:b> <a:b> <a:b> }"]) == 1
    assert "--allow-update" in capsys.readouterr().err
    assert main(["query", str(out_dir / "missing"), "ASK {}"]) == 1
    assert main(["query", str(out_dir), "--name", "nope"]) == 1
    assert "Available names" in capsys.readouterr().err


def test_update_allowed_on_store(tmp_path: Path) -> None:
    write_store(fx.build_fixture_graph(), tmp_path / "store")
    before = len(open_store(tmp_path))
    update = "INSERT DATA { <a:b> <a:b> <a:c> }"
    assert main(["query", str(tmp_path), update, "--allow-update"]) == 0
    assert len(open_store(tmp_path)) == before + 1


def test_store_is_replaced_atomically(tmp_path: Path) -> None:
    G = fx.build_fixture_graph()
    write_store(G, tmp_path / "store")
    first = len(open_store(tmp_path))
    G.remove_node(fx.E_STATEMENT)
    write_store(G, tmp_path / "store")
    assert len(open_store(tmp_path)) < first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_shacl_fixture_conforms_and_broken_graph_does_not(out_dir: Path) -> None:
    G = fx.build_fixture_graph()
    conforms, report = validate(to_rdf(G))
    assert conforms, report
    assert validate_graph(out_dir / "graph.ttl")[0]
    broken = to_rdf(G)
    broken.remove((node_iri(fx.E_VISIT), SEM.hasBeginTimeStamp, None))
    conforms, report = validate(broken)
    assert not conforms
    assert "hasBeginTimeStamp" in report


def test_cli_validate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    G: nx.MultiDiGraph = fx.build_fixture_graph()
    write_turtle(G, tmp_path / "ok.ttl")
    assert main(["validate", str(tmp_path / "ok.ttl")]) == 0
    broken = to_rdf(G)
    broken.remove((node_iri(fx.E_VISIT), SEM.hasBeginTimeStamp, None))
    broken.serialize(tmp_path / "broken.ttl", format="turtle")
    assert main(["validate", str(tmp_path / "broken.ttl")]) == 1
    assert "Conforms: False" in capsys.readouterr().out


def test_shacl_lets_a_story_without_events_be_undated_but_no_other_story() -> None:
    from graph import schema as m

    G = fx.build_fixture_graph()
    G.add_node("story/undated", **{m.KIND: m.STORY, m.LABEL: "Pages that print no date"})
    for article in (fx.A1, fx.A2):
        G.add_edge("story/undated", article, **{m.REL: m.HAS_ARTICLE})
    G.add_node("storyline/undated", **{m.KIND: m.STORYLINE, m.LABEL: "Undated"})
    G.add_edge("storyline/undated", "story/undated", **{m.REL: m.SUB_EVENT})
    conforms, report = validate(to_rdf(G))
    assert conforms, report
    undated = to_rdf(G)
    undated.remove((node_iri(fx.STORY), SEM.hasBeginTimeStamp, None))
    undated.remove((node_iri(fx.STORY), SEM.hasEndTimeStamp, None))
    assert not validate(undated)[0]  # it has events: it must be dated
    lined = to_rdf(G)
    lined.remove((node_iri(fx.STORYLINE), SEM.hasBeginTimeStamp, None))
    assert not validate(lined)[0]  # a storyline of dated events must be dated too
    orphan = to_rdf(G)
    orphan.remove((node_iri(fx.STORYLINE), SEM.hasSubEvent, node_iri(fx.STORY)))
    assert not validate(orphan)[0]  # every episode belongs to a storyline


def _refusing_port() -> int:
    """A loopback port where nothing listens (bound, then closed)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_service_clause_is_refused_unless_allowed(
    out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    federated = (
        f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{_refusing_port()}/> {{ ?s ?p ?o }} }}"
    )
    assert main(["query", str(out_dir), federated]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-service" in err and "Traceback" not in err
    # allowed, it really reaches out (to a loopback port that refuses) and fails on one line
    assert main(["query", str(out_dir), federated, "--allow-service"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("storygraph: error: the query failed"), err
    # the word inside strings, IRIs, comments or names is no SERVICE clause
    harmless = 'SELECT ?service WHERE { ?service ?p "SERVICE" } LIMIT 1 # SERVICE <http://x/>'
    assert main(["query", str(out_dir), harmless]) == 0


def test_named_queries_use_no_service() -> None:
    from graph.query.sparql import uses_service

    assert not [q.name for q in list_queries() if uses_service(q.text)]


def _store_quads(path: Path) -> list[str]:
    """The store's quads as text, blank node labels (new at every load of the ontology) blanked."""
    store = ox.Store.read_only(str(path))
    quads = store.quads_for_pattern(None, None, None, None)
    return sorted(re.sub(r"_:\w+", "_:b", str(q)) for q in quads)


def test_store_update_equals_a_store_built_from_scratch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store updated in place (graphs of an article added, changed, removed)
    holds exactly what a store built anew from the same graph holds."""
    from graph import schema as m
    from graph.export import store as store_module
    from graph.export.store import DIGESTS_FILE, write_store

    G = fx.build_fixture_graph()
    first = write_store(G, tmp_path / "store")
    assert (first / DIGESTS_FILE).exists()
    changed = fx.build_fixture_graph()
    changed.nodes[fx.A1][m.HEADLINE] = "A changed headline"  # A1's graph changes
    changed.remove_node(fx.A2)  # A2's graph goes
    changed.add_node("article/new-one", **{m.KIND: m.ARTICLE, m.LABEL: "New",
                                           m.HEADLINE: "New", m.SOURCE: "new.txt"})  # fmt: skip
    with monkeypatch.context() as patch:  # an update, not a rebuild: nothing is filled anew
        patch.setattr(store_module, "fill_store", lambda *a: pytest.fail("store rebuilt"))
        updated = write_store(changed, tmp_path / "store")
    fresh = write_store(changed, tmp_path / "fresh")
    assert _store_quads(updated) == _store_quads(fresh)
    assert _store_quads(updated) != _store_quads(write_store(G, tmp_path / "again"))
