"""Export formats: N-Triples, N-Quads, JSON-LD, GraphML, Neo4j CSV."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from graph import export
from graph import schema as m
from graph.export import write_outputs
from graph.export.formats import NODE_HEADER, REL_HEADER
from graph.export.rdf import ox_term, partition, to_rdf
from graph.export.statements import plain_literal_text

try:
    import rdf_fixtures as fx
except ImportError:  # pragma: no cover
    from tests import rdf_fixtures as fx

# rapper (Debian's raptor2-utils) is the independent parser these tests rely on:
# missing, the tests fail rather than skip (scripts/setup installs it).
needs_rapper = pytest.mark.usefixtures("rapper_available")


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return fx.build_fixture_graph()


@pytest.fixture(scope="module")
def out(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    written = write_outputs(G, folder)
    assert [p.relative_to(folder).as_posix() for p in written] == [
        "graph.ttl", "graph.html", "graph.graphml", "neo4j/nodes.csv", "neo4j/relationships.csv",
        "graph.nt", "graph.nq", "graph.jsonld",
    ]  # fmt: skip
    return folder


def test_ntriples_sorted_and_isomorphic(G: nx.MultiDiGraph, out: Path) -> None:
    lines = (out / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert isomorphic(Graph().parse(out / "graph.nt", format="nt"), to_rdf(G))


def test_nquads_one_graph_per_article(G: nx.MultiDiGraph, out: Path) -> None:
    quads = list(ox.parse(path=out / "graph.nq", format=ox.RdfFormat.N_QUADS))
    assert len({q.graph_name for q in quads}) == 3  # two articles + shared
    assert len(quads) == len(to_rdf(G))


@needs_rapper
@pytest.mark.parametrize(("name", "syntax"), [("graph.nt", "ntriples"), ("graph.nq", "nquads")])
def test_rapper_accepts(G: nx.MultiDiGraph, out: Path, name: str, syntax: str) -> None:
    done = subprocess.run(["rapper", "-i", syntax, "-c", str(out / name)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"returned {len(to_rdf(G))} triples" in done.stderr


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # inside rdflib's JSON-LD parser
def test_jsonld_round_trip_with_context(G: nx.MultiDiGraph, out: Path) -> None:
    text = (out / "graph.jsonld").read_text(encoding="utf-8")
    assert '"@context"' in text and '"sem": "http://semanticweb.cs.vu.nl/2009/11/sem/"' in text
    assert isomorphic(Graph().parse(data=text, format="json-ld"), to_rdf(G))


def test_graphml_reads_back(G: nx.MultiDiGraph, out: Path) -> None:
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    assert "Andreï Belooussov" in H.nodes[fx.BELOUSOV][m.ALIASES].split("\n")
    assert "<script>" in H.nodes[fx.A1][m.HEADLINE]


def test_neo4j_csv_headers_and_rows(G: nx.MultiDiGraph, out: Path) -> None:
    with (out / "neo4j" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        nodes = list(csv.reader(handle))
    with (out / "neo4j" / "relationships.csv").open(encoding="utf-8", newline="") as handle:
        rels = list(csv.reader(handle))
    assert nodes[0] == NODE_HEADER
    assert nodes[0][:3] == ["id:ID", ":LABEL", "name"]
    assert rels[0] == REL_HEADER == [":START_ID", ":END_ID", ":TYPE", "role"]
    assert len(nodes) - 1 == G.number_of_nodes()
    assert len(rels) - 1 == G.number_of_edges()
    by_id = {row[0]: row for row in nodes[1:]}
    assert by_id[fx.BELOUSOV][1] == "Person;Actor"
    assert "\x00" not in (out / "neo4j" / "nodes.csv").read_text(encoding="utf-8")
    assert [fx.E_MEETING, fx.BELOUSOV, "ACTOR", "host"] in rels


def test_neo4j_actor_label_is_on_exactly_the_rdf_actors(G: nx.MultiDiGraph, out: Path) -> None:
    from rdflib import RDF

    from graph.export.rdf import SEM, node_iri

    with (out / "neo4j" / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    labelled = {r["id:ID"] for r in rows if "Actor" in r[":LABEL"].split(";")}
    rdf = to_rdf(G)
    typed = {r["id:ID"] for r in rows if (node_iri(r["id:ID"]), RDF.type, SEM.Actor) in rdf}
    assert fx.FRIGATE in labelled  # a named thing is an actor in both
    assert labelled == typed


def test_exports_are_deterministic(G: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    write_outputs(fx.build_fixture_graph(), tmp_path)
    for name in ("graph.ttl", "graph.nt", "graph.nq", "graph.jsonld", "graph.html",
                 "neo4j/nodes.csv", "neo4j/relationships.csv"):  # fmt: skip
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_nquads_follow_the_partition(G: nx.MultiDiGraph, out: Path) -> None:
    written = {
        (str(q.subject), str(q.predicate), str(q.object), q.graph_name.value)  # type: ignore[union-attr]
        for q in ox.parse(path=out / "graph.nq", format=ox.RdfFormat.N_QUADS)
    }
    expected = {
        (str(ox_term(s)), str(ox_term(p)), str(ox_term(o)), str(name))
        for name, triples in partition(G).items()
        for s, p, o in triples
    }
    assert written == expected


def test_turtle_and_jsonld_hold_the_ntriples(out: Path) -> None:
    nt = set(ox.parse(path=out / "graph.nt", format=ox.RdfFormat.N_TRIPLES))
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        assert set(ox.parse(path=out / name, format=fmt)) == nt, name


def test_one_process_export_writes_the_same_files(
    out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export, "FORK_MAX_EDGES", 0)  # as for a graph too large to fork
    written = export.write_outputs(fx.build_fixture_graph(), tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in written]
    assert len(names) == 8
    for name in names:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


@given(st.text(alphabet=st.characters(max_codepoint=0x2FFF, exclude_categories=["Cs"])))
def test_plain_literal_shortcut_prints_what_oxigraph_prints(value: str) -> None:
    assert plain_literal_text(value) == str(ox.Literal(value))


@given(st.lists(st.lists(st.text(max_size=8), min_size=2, max_size=4), max_size=5))
def test_csv_drops_control_characters_cell_by_cell(rows: list[list[str]]) -> None:
    import io

    from graph.export.formats import _XML_BAD, _csv

    read = list(csv.reader(io.StringIO(_csv(rows).decode("utf-8"), newline="")))
    assert read == [[_XML_BAD.sub("", cell) for cell in row] for row in rows]


def test_graphml_cleans_an_id_with_a_control_character(tmp_path: Path) -> None:
    from graph.export.formats import write_graphml

    G = nx.MultiDiGraph()
    G.add_node("person/a\x01b", **{m.KIND: m.PERSON, m.LABEL: "A\x00B", m.ALIASES: ("x", "y")})
    G.add_node("place/brest", **{m.KIND: m.PLACE_KIND, m.LABEL: "Brest"})
    G.add_edge("person/a\x01b", "place/brest", key="k\x02", **{m.REL: m.PLACE})
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert set(H.nodes) == {"person/ab", "place/brest"}
    assert H.nodes["person/ab"][m.LABEL] == "AB"
    assert H.nodes["person/ab"][m.ALIASES] == "x\ny"
    assert list(H.edges(keys=True)) == [("person/ab", "place/brest", "k")]


def test_graphml_keeps_every_value_exactly(tmp_path: Path) -> None:
    from graph.export.formats import write_graphml

    G = nx.MultiDiGraph()
    tricky = "a <b> & \"c\" 'd'\r\nline two\tend ]]> é 東京"
    G.add_node("event/x", **{m.KIND: m.EVENT, m.LABEL: tricky, "count": 3, "score": 0.5,
                             "certain": True, m.ALIASES: ("<one>", "two & three")})  # fmt: skip
    G.add_node("place/y", **{m.KIND: m.PLACE_KIND, m.LABEL: "", "skipped": None})
    G.add_edge("event/x", "place/y", key='k"1', **{m.REL: m.PLACE, m.EVIDENCE: tricky})
    G.add_edge("event/x", "place/y", key="k2", **{m.REL: m.PLACE})
    H = nx.read_graphml(write_graphml(G, tmp_path / "g.graphml"), force_multigraph=True)
    assert dict(H.nodes["event/x"]) == {m.KIND: m.EVENT, m.LABEL: tricky, "count": 3,
                                        "score": 0.5, "certain": True,
                                        m.ALIASES: "<one>\ntwo & three"}  # fmt: skip
    assert dict(H.nodes["place/y"]) == {m.KIND: m.PLACE_KIND, m.LABEL: ""}
    edges = {k: d for _, _, k, d in H.edges(keys=True, data=True)}
    assert edges == {'k"1': {m.REL: m.PLACE, m.EVIDENCE: tricky}, "k2": {m.REL: m.PLACE}}


def test_formats_writes_only_the_outputs_asked_for(G: nx.MultiDiGraph, out: Path, tmp_path) -> None:
    some = tmp_path / "some"
    written = write_outputs(G, some, formats=("nq", "html"))
    assert sorted(p.name for p in written) == ["graph.html", "graph.nq"]
    assert sorted(p.name for p in some.iterdir()) == ["graph.html", "graph.nq"]
    # the same bytes as a build of every output
    for name in ("graph.nq", "graph.html"):
        assert (some / name).read_bytes() == (out / name).read_bytes()


def test_cli_formats_refuses_an_unknown_name(tmp_path, capsys) -> None:
    from graph.cli import main

    code = main(["build", "seeds", "--out", str(tmp_path / "o"), "--formats", "ttl,xml"])
    assert code == 1
    assert "xml; available: ttl, nt, nq, jsonld, html, graphml, neo4j" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("run", [1, 2, 7])
def test_statements_sorted_in_many_runs_are_those_sorted_in_one(monkeypatch, run: int) -> None:
    """A large build sorts its statements on disk in runs and merges them: a
    triple several articles support, split across runs, is still written once,
    in the shared graph."""
    import importlib

    # the package's name "statements" is the function; the module is imported by path
    st_module = importlib.import_module("graph.export.statements")

    G = fx.build_fixture_graph()
    whole = b"".join(st_module.statements(G).lines(quads=True))
    monkeypatch.setattr(st_module, "_RUN", run)
    merged = st_module.statements(G)
    assert b"".join(merged.lines(quads=True)) == whole
    assert len(merged) == len(whole.splitlines())


def test_statements_with_few_iri_texts_kept_are_those_with_all_kept(monkeypatch) -> None:
    """The text of an IRI is kept for the next nodes only up to a bound (not for
    every IRI of a graph of 10,000 articles); past it, the same text is made again."""
    import importlib

    st_module = importlib.import_module("graph.export.statements")
    G = fx.build_fixture_graph()
    whole = b"".join(st_module.statements(G).lines(quads=True))
    monkeypatch.setattr(st_module, "_IRIS_KEPT", 2)
    assert b"".join(st_module.statements(G).lines(quads=True)) == whole
