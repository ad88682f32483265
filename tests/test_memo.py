"""The statement memo: a rebuild reuses the triples of unchanged nodes and writes
the same bytes as a build that converts every node."""

from __future__ import annotations

import importlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest

from graph import schema as m
from graph.export import memo as memo_module
from graph.export.formats import write_nquads
from graph.export.memo import StatementMemo
from graph.export.statements import statements
from tests.conftest import CliResult
from tests.fixture_graphs import FIXTURES
from tests.rdf_fixtures import A1, BELOUSOV, E_CALL, E_VISIT, STORY, T_EX, build_fixture_graph


def _nquads(G: nx.MultiDiGraph, folder: Path, memo: Path | None = None) -> bytes:
    """The N-Quads of ``G``, converted through the memo at ``memo`` when given."""
    folder.mkdir(parents=True, exist_ok=True)
    if memo is None:
        lines = statements(G)
    else:
        with StatementMemo(memo) as last_build:
            lines = statements(G, last_build)
    return write_nquads(lines, folder / "graph.nq").read_bytes()


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM memo").fetchone()[0])


def _counts(G: nx.MultiDiGraph, path: Path) -> tuple[int, int]:
    with StatementMemo(path) as last_build:
        statements(G, last_build)
    return last_build.hits, last_build.misses


def test_a_rebuild_from_the_memo_writes_the_same_bytes(tmp_path: Path) -> None:
    G, path = build_fixture_graph(), tmp_path / "memo.sqlite"
    plain = _nquads(G, tmp_path / "plain")
    assert _nquads(G, tmp_path / "first", path) == plain
    hits, misses = _counts(G, path)
    assert _nquads(G, tmp_path / "second", path) == plain
    assert misses == 0 and hits == _rows(path) > 10  # every self-contained node reused


def _relabel(G: nx.MultiDiGraph) -> None:
    G.nodes[E_VISIT][m.LABEL] = "A visit told anew"


def _new_actor(G: nx.MultiDiGraph) -> None:
    G.add_edge(E_CALL, A1, key="x", **{m.REL: m.ACTOR, m.ROLE: "caller"})


def _role_changed(G: nx.MultiDiGraph) -> None:
    for _, target, data in G.out_edges(E_VISIT, data=True):
        if target == BELOUSOV:
            data[m.ROLE] = "guest"


def _concept_moved(G: nx.MultiDiGraph) -> None:
    # a topic's concept is read by every event about it, through the edge
    G.nodes[T_EX][m.CONCEPT] = "https://example.org/another-concept"


def _article_gone(G: nx.MultiDiGraph) -> None:
    G.remove_node(A1)


@pytest.mark.parametrize("change", [_relabel, _new_actor, _role_changed, _concept_moved,
                                    _article_gone])  # fmt: skip
def test_a_changed_node_is_converted_again(
    tmp_path: Path, change: Callable[[nx.MultiDiGraph], None]
) -> None:
    path = tmp_path / "memo.sqlite"
    before = build_fixture_graph()
    _nquads(before, tmp_path / "before", path)
    after = build_fixture_graph()
    change(after)
    expected = _nquads(after, tmp_path / "plain")
    assert expected != _nquads(before, tmp_path / "old")  # the change shows in the output
    assert _nquads(after, tmp_path / "after", path) == expected


def _episode_renamed(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with its episode under another key and the next-event
    links keyed by another storyline: what one more article often does."""
    renamed = nx.relabel_nodes(G, {STORY: "story/renamed"})
    for _, d in renamed.nodes(data=True):
        if d.get(m.STORY_OF) == STORY:
            d[m.STORY_OF] = "story/renamed"
    links = [(u, v, k) for u, v, k, r in renamed.edges(keys=True, data=m.REL) if r == m.NEXT]
    for u, v, k in links:
        renamed.remove_edge(u, v, key=k)
        renamed.add_edge(u, v, key="next:storyline/other", **{m.REL: m.NEXT})
    return renamed


def test_a_renamed_episode_or_storyline_keeps_its_events_statements(tmp_path: Path) -> None:
    path = tmp_path / "memo.sqlite"
    _nquads(build_fixture_graph(), tmp_path / "before", path)
    renamed = _episode_renamed(build_fixture_graph())
    expected = _nquads(renamed, tmp_path / "plain")
    with StatementMemo(path) as last_build:
        statements(renamed, last_build)
    # the episode under its new key, and the storyline whose episode it is: no event
    holders = [n for n, d in renamed.nodes(data=True) if d.get(m.KIND) == m.STORYLINE
               and renamed.has_edge(n, "story/renamed")]  # fmt: skip
    assert last_build.misses == 1 + len(holders)
    assert _nquads(renamed, tmp_path / "after", path) == expected


def test_an_unchanged_episode_and_storyline_are_reused(tmp_path: Path) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    _nquads(G, tmp_path / "before", path)
    assert _counts(G, path) == (_rows(path), 0)
    spanned = [n for n, d in G.nodes(data=True) if d.get(m.KIND) in (m.STORY, m.STORYLINE)]
    assert spanned  # the fixture has both, and the memo holds them


def test_an_episode_whose_event_moves_is_converted_again(tmp_path: Path) -> None:
    # an episode and a storyline span their events' times, which are not their own attributes
    path = tmp_path / "memo.sqlite"
    _nquads(build_fixture_graph(), tmp_path / "before", path)
    moved = build_fixture_graph()
    moved.nodes[E_VISIT][m.END] = "2031-12-31"
    expected = _nquads(moved, tmp_path / "plain")
    assert _nquads(moved, tmp_path / "after", path) == expected


def test_the_nodes_a_graph_lost_are_forgotten(tmp_path: Path) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    _nquads(G, tmp_path / "one", path)
    rows = _rows(path)
    G.remove_node(E_CALL)
    _nquads(G, tmp_path / "two", path)
    assert _rows(path) == rows - 1


def test_other_code_empties_the_memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    _nquads(G, tmp_path / "one", path)
    monkeypatch.setattr(memo_module, "code_digest", lambda: "another exporter")
    assert _counts(G, path)[0] == 0


def test_an_unreadable_memo_is_replaced(tmp_path: Path) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    path.write_bytes(b"not a database at all, " * 100)
    assert _nquads(G, tmp_path / "one", path) == _nquads(G, tmp_path / "plain")
    assert _counts(G, path) == (_rows(path), 0)


def test_a_failed_export_leaves_the_last_memo(tmp_path: Path) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    _nquads(G, tmp_path / "one", path)
    rows, documents = _rows(path), _documents(path)
    kept = documents[0].read_bytes()
    G.remove_node(E_CALL)
    with pytest.raises(RuntimeError), StatementMemo(path) as last_build:
        statements(G, last_build)
        raise RuntimeError("the disk filled up")
    assert _rows(path) == rows
    assert _documents(path) == documents and documents[0].read_bytes() == kept


def _documents(memo: Path) -> list[Path]:
    """The statements the memo keeps for the next build."""
    return sorted(memo.parent.glob("statements-*.nq"))


def test_a_rebuild_edits_the_last_statements_instead_of_sorting_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "memo.sqlite"
    _nquads(build_fixture_graph(), tmp_path / "before", path)
    after = build_fixture_graph()
    _relabel(after)
    _new_actor(after)
    after.remove_node(E_CALL)  # a node changed, an edge added, a node gone
    expected = _nquads(after, tmp_path / "plain")

    def sorted_again(*_: object) -> None:
        raise AssertionError("every record was sorted again")

    # the module, not the function the package exports under its name
    monkeypatch.setattr(importlib.import_module("graph.export.statements"), "_runs", sorted_again)
    assert _nquads(after, tmp_path / "after", path) == expected
    assert _nquads(after, tmp_path / "again", path) == expected
    assert len(_documents(path)) == 1  # the last one only


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_a_document_cut_short_is_computed_anew(tmp_path: Path, cut: float) -> None:
    path, G = tmp_path / "memo.sqlite", build_fixture_graph()
    _nquads(G, tmp_path / "one", path)
    (document,) = _documents(path)
    lines = document.read_bytes().splitlines(keepends=True)
    document.write_bytes(b"".join(lines[: int(len(lines) * cut)]))
    _relabel(G)
    assert _nquads(G, tmp_path / "two", path) == _nquads(G, tmp_path / "plain")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts}  # fmt: skip


def test_adding_changing_and_removing_articles_gives_a_full_builds_bytes(
    tmp_path: Path, run_cli: Callable[[list[str]], CliResult]
) -> None:
    corpus, kept = tmp_path / "corpus", tmp_path / "kept"
    corpus.mkdir()
    news = sorted((FIXTURES / "news").glob("*.txt"))
    shutil.copy(news[0], corpus)

    def same_as_a_full_build(step: str) -> None:
        assert run_cli(["build", str(corpus), "--out", str(kept), "--jobs", "1"]).code == 0
        full = tmp_path / f"full-{step}"
        assert run_cli(["build", str(corpus), "--out", str(full), "--jobs", "1",
                        "--no-cache"]).code == 0  # fmt: skip
        assert _outputs(kept) == _outputs(full), step

    same_as_a_full_build("one article")
    for path in news[1:]:
        shutil.copy(path, corpus)
    same_as_a_full_build("added")
    changed = corpus / news[1].name
    told = (
        "\n\nOn Monday, Marion Castellan met Ingrid Solberg in Oslo to sign a fisheries accord.\n"
    )
    changed.write_text(changed.read_text(encoding="utf-8") + told, "utf-8")
    same_as_a_full_build("changed")
    (corpus / news[2].name).unlink()
    same_as_a_full_build("removed")
    assert _rows(kept / ".cache" / memo_module.MEMO_FILE) > 0


def test_an_edit_moves_a_triple_between_its_graphs_and_the_shared_one(tmp_path: Path) -> None:
    from collections import Counter, defaultdict

    from graph.export.edit import count_records, edit_document

    last = tmp_path / "last.nq"
    last.write_text('<a> <p> "1" <g1> .\n<b> <p> "2" <s> .\n<c> <p> "3" <g2> .\n')
    changes: defaultdict[str, Counter[str]] = defaultdict(Counter)
    count_records(changes, ['<b> <p> "2"\x00<g2>\n'], -1)  # b: supported by g1 alone now
    count_records(changes, ['<c> <p> "3"\x00<g1>\n', '<bb> <p> "4"\x00<g3>\n'], 1)
    out = tmp_path / "new.nq"
    with StatementMemo(tmp_path / "memo.sqlite") as memo:
        memo.set_shared('<b> <p> "2"', Counter({"<g1>": 1, "<g2>": 1}))
        count = edit_document((last, 3), changes, memo, out, "<s>")
        assert memo.shared('<c> <p> "3"') == Counter({"<g1>": 1, "<g2>": 1})
        assert not memo.shared('<b> <p> "2"')
    assert count == 4
    assert out.read_text() == (
        '<a> <p> "1" <g1> .\n<b> <p> "2" <g1> .\n<bb> <p> "4" <g3> .\n<c> <p> "3" <s> .\n'
    )
