"""Run SPARQL 1.1 queries, free or named, on a built graph.

Requires an Oxigraph store opened by :func:`graph.query.store.open_store`; queries see the
union of its graphs (data, ontology and materialised subclass types).

Named queries are the ``graph/query/queries/*.rq`` files. Each starts with header comments::

    # name: actor-timeline
    # description: one line
    # param: actor tokens required ?actorTokens -- help text

and may hold a ``#PARAMS`` line inside its WHERE clause. Parameter values become RDF
terms (typed by kind: ``iri``, ``date``, ``string``, or ``tokens`` = the
accent- and case-folded words of a name, as a list of literals matched exactly
on ``sg:searchToken``, which the store indexes) written in
N-Triples syntax by pyoxigraph, which escapes them, so no value is ever pasted raw
into the query text. A required parameter's term replaces its ``?variable`` token
(so it must not be projected; constants let the engine plan the query: a regex
bound through VALUES is ~10x slower in Oxigraph); optional parameters go in one
``VALUES`` row at ``#PARAMS``, ``UNDEF`` when omitted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Literal

import pyoxigraph as ox

from graph.errors import QueryError
from graph.export.rdf import node_iri, search_key

ResultFormat = Literal["table", "csv", "tsv", "json"]
RESULT_FORMATS: tuple[str, ...] = ("table", "csv", "tsv", "json")
_PARAM_LINE = re.compile(
    r"#\s*param:\s*(?P<name>[\w-]+)\s+(?P<kind>iri|date|string|tokens)\s+"
    r"(?P<need>required|optional)\s+\?(?P<var>\w+)\s*(?:--\s*(?P<help>.*))?$"
)
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.I)
_UPDATE = re.compile(r"\s*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.I)
# SPARQL's lexical tokens that may hold any text: long and short strings, IRIs,
# comments (the grammar's STRING_LITERAL_LONG1/2, STRING_LITERAL1/2, IRIREF).
_OPAQUE = re.compile(
    "|".join(
        (
            r"'''(?:[^'\\]|\\.|'(?!''))*'''",
            r'"""(?:[^"\\]|\\.|"(?!""))*"""',
            r"'(?:[^'\\\n\r]|\\.)*'",
            r'"(?:[^"\\\n\r]|\\.)*"',
            r'<[^<>"{}|^`\\\x00-\x20]*>',
            r"#[^\n]*",
        )
    )
)
# the keyword, not a variable (?service), a prefixed name (ex:service) or part of a word
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:-])", re.I)


@dataclass(frozen=True)
class Param:
    """One parameter of a named query."""

    name: str
    kind: str
    required: bool
    variable: str
    help: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """A SPARQL query shipped in ``graph/query/queries``."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


def _parse_named(text: str, fallback: str) -> NamedQuery:
    name, description, params = fallback, "", []
    for line in text.splitlines():
        if line.startswith("# name:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("# description:"):
            description = line.split(":", 1)[1].strip()
        elif found := _PARAM_LINE.match(line.strip()):
            params.append(Param(found["name"], found["kind"], found["need"] == "required",
                                found["var"], (found["help"] or "").strip()))  # fmt: skip
    return NamedQuery(name, description, tuple(params), text)


def list_queries() -> list[NamedQuery]:
    """Return the named queries shipped with the package, sorted by name."""
    folder = resources.files("graph.query").joinpath("queries")
    found = [
        _parse_named(item.read_text(encoding="utf-8"), item.name.removesuffix(".rq"))
        for item in folder.iterdir()
        if item.name.endswith(".rq")
    ]
    return sorted(found, key=lambda q: q.name)


def get_query(name: str) -> NamedQuery:
    """Return one named query.

    Raises:
        QueryError: for an unknown name; the message lists the available names.
    """
    queries = {q.name: q for q in list_queries()}
    if name not in queries:
        raise QueryError(f"no named query {name!r}. Available names: {', '.join(queries)}")
    return queries[name]


def _term(param: Param, value: str) -> str:
    """The value as SPARQL term(s) in N-Triples syntax, escaped by pyoxigraph."""
    try:
        if param.kind == "date":
            return str(ox.Literal(date.fromisoformat(value).isoformat(), datatype=_XSD_DATE))
        if param.kind == "tokens":
            words = sorted(set(search_key(value).split()))
            if not words:
                raise ValueError("nothing to search for")
            # An object list: every word must be one of the entity's search tokens.
            return ", ".join(str(ox.Literal(word)) for word in words)
        if param.kind == "iri":
            return str(ox.NamedNode(value if "://" in value else str(node_iri(value))))
        return str(ox.Literal(value))
    except ValueError as error:
        raise QueryError(f"parameter {param.name}={value!r}: {error}") from error


_XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")


def bind(query: NamedQuery, values: Mapping[str, str]) -> str:
    """Return the query text with the parameter values as one ``VALUES`` row.

    Raises:
        QueryError: on an unknown or missing parameter, or a malformed value.
    """
    known = {p.name for p in query.params}
    unknown = sorted(set(values) - known)
    if unknown:
        raise QueryError(
            f"{query.name} has no parameter {unknown[0]!r}; "
            f"its parameters: {', '.join(sorted(known)) or 'none'}"
        )
    constants: dict[str, str] = {}
    cells: dict[str, str] = {}
    for param in query.params:
        if param.name in values:
            term = _term(param, values[param.name])
            (constants if param.required else cells)[param.variable] = term
        elif param.required:
            raise QueryError(f"{query.name} needs --param {param.name}=… ({param.help})")
        else:
            cells[param.variable] = "UNDEF"
    lines = []
    for line in query.text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            for var, term in constants.items():
                line = re.sub(rf"\?{var}\b", term.replace("\\", "\\\\"), line)
        lines.append(line)
    text = "".join(lines)
    if not cells:
        return text
    names = " ".join("?" + var for var in cells)
    row = f"VALUES ({names}) {{ ({' '.join(cells.values())}) }}"
    return text.replace("#PARAMS", row, 1)


def is_update(sparql: str) -> bool:
    """Tell whether a SPARQL request is an update (after its prologue).

    >>> is_update("PREFIX a: <http://x#> # note\\nINSERT DATA { }")
    True
    >>> is_update("SELECT * { ?s ?p ?o }")
    False
    """
    position = 0
    while found := _PROLOGUE.match(sparql, position):
        if found.end() == position:
            break
        position = found.end()
    return bool(_UPDATE.match(sparql, position))


def uses_service(sparql: str) -> bool:
    """Tell whether a SPARQL request holds a ``SERVICE`` clause (a federated
    query, which makes the engine fetch another endpoint's answers).

    The keyword is looked for outside strings, IRIs and comments, as the
    grammar's tokens are read.

    >>> uses_service("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    True
    >>> uses_service("SELECT * { SERVICE SILENT <x> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://x/SERVICE> "SERVICE" } # SERVICE')
    False
    >>> uses_service("PREFIX service: <http://x/> SELECT * { ?s service:SERVICE ?o }")
    False
    """
    return bool(_SERVICE.search(_OPAQUE.sub(" ", sparql)))


QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


def run_query(
    store: ox.Store, sparql: str, *, allow_update: bool = False, allow_service: bool = False
) -> QueryResult | None:
    """Run a SPARQL query (or, if allowed, an update) on the store.

    Returns:
        The query results, or None after an update.

    Raises:
        QueryError: on a syntax error (the parser's line:column message on one
            line), an update without ``allow_update``, a ``SERVICE`` clause
            without ``allow_service`` (a shared query file must not make the
            tool fetch URLs), or a failure of the engine, on one line.
    """
    if not allow_service and uses_service(sparql):
        raise QueryError(
            "SERVICE (a federated query) is refused: it would fetch another endpoint; "
            "pass --allow-service to run it"
        )
    try:
        if is_update(sparql):
            if not allow_update:
                raise QueryError("update queries are refused; pass --allow-update to run them")
            store.update(sparql)
            return None
        return store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as error:
        raise QueryError("SPARQL syntax " + " ".join(str(error).split())) from error
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(_engine_failure(error)) from error


def _engine_failure(error: Exception) -> str:
    return f"the query failed ({type(error).__name__}: {' '.join(str(error).split())})"


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal | ox.NamedNode):
        return term.value
    return str(term)


def rows(result: ox.QuerySolutions) -> tuple[list[str], list[list[str]]]:
    """Return the variable names and the rows of a SELECT result as plain strings."""
    names = [v.value for v in result.variables]
    return names, [[_cell(solution[name]) for name in names] for solution in result]


def table(names: list[str], body: list[list[str]]) -> str:
    """Render rows as an aligned plain-text table (cells on one line each)."""
    flat = [[" ".join(cell.split()) for cell in row] for row in body]
    widths = [max([len(n), *(len(r[i]) for r in flat)]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in flat]
    lines.append(f"({len(flat)} row{'s' if len(flat) != 1 else ''})")
    return "\n".join(lines) + "\n"


_RESULTS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
            "json": ox.QueryResultsFormat.JSON}  # fmt: skip
_GRAPH = {"table": ox.RdfFormat.TURTLE, "csv": ox.RdfFormat.N_TRIPLES,
          "tsv": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD}  # fmt: skip


def _text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8")


def format_result(result: QueryResult | None, fmt: str = "table") -> str:
    """Serialise a result: SPARQL 1.1 CSV/TSV/JSON or a table for SELECT/ASK;
    Turtle (table), N-Triples (csv/tsv) or JSON-LD (json) for CONSTRUCT/DESCRIBE."""
    if result is None:
        return "update done\n"
    try:  # the engine computes the answers lazily, as they are read here
        if isinstance(result, ox.QueryTriples):
            return _text(result.serialize(format=_GRAPH[fmt]))
        if fmt != "table":
            return _text(result.serialize(format=_RESULTS[fmt]))
        if isinstance(result, ox.QueryBoolean):
            return "true\n" if bool(result) else "false\n"
        return table(*rows(result))
    except (OSError, RuntimeError, ValueError) as error:
        raise QueryError(_engine_failure(error)) from error
