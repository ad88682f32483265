"""Robustness: hostile, broken and odd inputs through the real ``storygraph build``.

Every build runs the command line (``graph.cli.main`` in-process, or
``python -m graph.cli`` in a subprocess where a fresh interpreter matters: hash
seeds, SIGKILL). Checked each time: the exit code (0 all good, 1 bad usage,
2 some inputs skipped), one stderr line per skipped input naming it and the
reason, no traceback, a ``graph.ttl`` that parses, and the good article's event.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef

import graph.ingest as ingest
from graph.extract.dates import find_time_expressions
from tests.conftest import GOOD_ARTICLE, GOOD_EVENT_DAY

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_NAMES = {"graph.ttl", "graph.html", "graph.nt", "graph.nq", "graph.jsonld",
                "graph.graphml", "neo4j"}  # fmt: skip
CACHE_NAME = ".cache"  # per-article extraction cache (graph/cache.py), hidden, not an output

# An invented article in an 8-bit encoding: its names must survive decoding.
ACCENTED = (
    "Visite à Lyon\n\n"
    "La ministre Hélène Dufrêne a rencontré mardi 4 mars 2025 à Lyon son homologue "
    "François Lefèvre{extra}.\n"
)


# --------------------------------------------------------------------------- helpers


def build(run_cli, inputs: list[Path], out: Path, *extra: str):
    return run_cli(["build", *map(str, inputs), "--out", str(out), "--jobs", "1", *extra])


def parse_ttl(out: Path) -> Graph:
    rdf = Graph()
    rdf.parse(out / "graph.ttl", format="turtle")
    return rdf


def event_days(rdf: Graph) -> set[str]:
    """Days of the event nodes, read from their IRIs (``.../event/2025-03-03-meeting-…``)."""
    found = set()
    for s in set(rdf.subjects()):
        m = re.search(r"/event/(\d{4}-\d{2}-\d{2})", str(s))
        if m:
            found.add(m.group(1))
    return found


def assert_clean_build(result, out: Path) -> Graph:
    """No traceback, graph.ttl parses and holds the good article's event."""
    assert "Traceback" not in result.err, result.err
    rdf = parse_ttl(out)
    assert GOOD_EVENT_DAY in event_days(rdf), event_days(rdf)
    return rdf


def skip_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def assert_one_skip(err: str, bad: Path, *, full_path: bool = True) -> str:
    """One stderr line, naming ``bad`` (its path as given, or only its name) and a reason."""
    lines = skip_lines(err)
    assert len(lines) == 1, err
    assert (str(bad) if full_path else bad.name) in lines[0], lines[0]
    assert "skipped: " in lines[0], lines[0]
    reason = lines[0].split("skipped: ", 1)[1]
    assert len(reason) > 10, lines[0]
    return reason


# --------------------------------------------------------------------------- bad files


def _furniture() -> bytes:
    return b"Accueil\nSe connecter\nS'abonner\nPartager\nFacebook\nTwitter\n"


def _one_mb_line() -> bytes:
    """1 MiB on one line, as a page with an inlined base64 blob has (no spaces, no newline).

    A megabyte of prose on one line is accepted too, but its NER alone takes about
    a minute on two cores: too slow for this suite, and not a robustness question.
    """
    blob = base64.b64encode(random.Random(1).randbytes(786_432))
    return b"Pi\xc3\xa8ce jointe : data:application/octet-stream;base64," + blob


BAD_FILES = {
    # name: (file name, bytes, expected exit code, words the skip reason must contain)
    "empty": ("vide.txt", b"", 2, "empty"),
    "whitespace": ("blanc.txt", b"  \n\t\r\n \x0b\x0c  \n", 2, "empty"),
    "furniture-only": ("menu.txt", _furniture(), 2, "no article text"),
    "pdf": ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", 2, "PDF"),
    "png": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 2, "PNG"),
    "nul-bytes": ("nul.txt", b"abc\x00\x00\x00\x00def" * 50, 2, "binary"),
    "latin-1": ("latin1.txt", ACCENTED.format(extra="").encode("latin-1"), 0, ""),
    "cp1252": ("cp1252.txt", ACCENTED.format(extra=" (l’œuvre, 5 €)").encode("cp1252"), 0, ""),
    "utf-8-bom": ("bom8.txt", b"\xef\xbb\xbf" + ACCENTED.format(extra="").encode(), 0, ""),
    "utf-16-bom": ("bom16.txt", ACCENTED.format(extra="").encode("utf-16"), 0, ""),
    "mixed-eol": ("eol.txt", ACCENTED.format(extra="").replace("\n\n", "\r\n\r\n", 1)
                  .replace(".\n", ".\r").encode() + b"Fin.\n", 0, ""),
    "nested name": ("dossier été/article à lire — n°1 ✓.txt",
                    ACCENTED.format(extra="").encode(), 0, ""),
}  # fmt: skip


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_or_odd_file_beside_a_good_article(case, tmp_path, good_article, run_cli) -> None:
    name, data, expected, reason_word = BAD_FILES[case]
    folder = tmp_path / "in"
    good_article(folder)
    bad = folder / name
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(data)
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == expected, result.err
    rdf = assert_clean_build(result, tmp_path / "out")
    if expected == 2:
        reason = assert_one_skip(result.err, bad)
        assert reason_word.lower() in reason.lower(), reason
        assert "1 articles" in result.out
    else:
        assert result.err == ""
        assert "2 articles" in result.out
        labels = {str(o) for o in rdf.objects()}
        # decoded, not mojibake, and no BOM left in front of the headline
        assert any("Hélène Dufrêne" in label for label in labels), sorted(labels)[:20]
        assert not any("\ufeff" in label or "Ã" in label for label in labels)


def test_huge_file_is_skipped_quickly_without_reading_it(
    tmp_path, good_article, run_cli, monkeypatch
) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    big = folder / "énorme.txt"
    line = ("Le ministre Aurélien Vasseur a parlé lundi 3 mars 2025 à Paris. " * 16).encode()
    with big.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    assert big.stat().st_size >= 50 * 1024 * 1024
    read_sizes: list[int] = []
    real_open = Path.open

    def spying_open(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        if self == big:
            read_sizes.append(-1)
        return handle

    monkeypatch.setattr(Path, "open", spying_open)
    started = time.monotonic()
    result = build(run_cli, [folder], tmp_path / "out")
    elapsed = time.monotonic() - started
    assert result.code == 2, result.err
    assert_clean_build(result, tmp_path / "out")
    reason = assert_one_skip(result.err, big)
    assert "limit" in reason and str(big.stat().st_size) in reason, reason
    assert read_sizes == [], "the too-large file was opened; the size check should come first"
    assert elapsed < 30, f"build took {elapsed:.1f}s"


def test_one_megabyte_line_without_newline(tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    long = folder / "ligne.txt"
    long.write_bytes(_one_mb_line())
    started = time.monotonic()
    result = build(run_cli, [folder], tmp_path / "out")
    assert time.monotonic() - started < 60
    assert result.code in (0, 2), result.err
    assert_clean_build(result, tmp_path / "out")
    if result.code == 2:  # over spaCy's max_length: skipped by the extract stage
        assert_one_skip(result.err, long, full_path=False)


def test_ten_thousand_tiny_files(tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    many = folder / "many"
    many.mkdir()
    for i in range(10_000):
        (many / f"f{i:05d}.txt").write_bytes(b"" if i % 2 else b" \n ")
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 2
    assert_clean_build(result, tmp_path / "out")
    lines = skip_lines(result.err)
    assert len(lines) == 10_000
    assert all("skipped: " in line and "/many/f" in line for line in lines)
    assert "1 articles" in result.out and "10000 skipped" in result.out


def test_symlink_loop_of_folders_is_entered_once(tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "boucle")
    os.symlink(".", folder / "ici")
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 0, result.err
    assert result.err == ""
    assert_clean_build(result, tmp_path / "out")
    assert "1 articles" in result.out


@pytest.mark.parametrize("kind", ["self-loop", "broken"])
def test_symlink_to_nowhere_is_one_skip(kind, tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    link = folder / "lien.txt"
    os.symlink("lien.txt" if kind == "self-loop" else "absent.txt", link)
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 2, result.err
    assert_clean_build(result, tmp_path / "out")
    assert_one_skip(result.err, link)


class _FailingReader(io.BytesIO):
    def read(self, *args):  # type: ignore[override]
        raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize("how", ["vanishes", "permission", "io-error"])
def test_file_that_fails_mid_run(how, tmp_path, good_article, run_cli, monkeypatch) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    victim = folder / "victime.txt"
    victim.write_text(ACCENTED.format(extra=""), encoding="utf-8")
    real_load, real_open = ingest._load_bytes, Path.open

    def load_after_delete(path, label, max_bytes):  # listed, then gone before it is read
        if path == victim:
            path.unlink()
        return real_load(path, label, max_bytes)

    def failing_open(self, mode="r", *args, **kwargs):
        if self == victim:
            if how == "permission":
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            return _FailingReader(b"")
        return real_open(self, mode, *args, **kwargs)

    if how == "vanishes":
        monkeypatch.setattr(ingest, "_load_bytes", load_after_delete)
    else:
        monkeypatch.setattr(Path, "open", failing_open)
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 2, result.err
    assert_clean_build(result, tmp_path / "out")
    reason = assert_one_skip(result.err, victim)
    expected = {"vanishes": "not found", "permission": "permission", "io-error": "cannot read"}
    assert expected[how] in reason.lower(), reason


HTML_PAGE = (
    "<!doctype html><html><head><title>Visite à Lyon</title></head><body><article>"
    "<p>La ministre Hélène Dufrêne a rencontré mardi 4 mars 2025 à Lyon son homologue "
    "François Lefèvre pour parler de coopération.</p></article></body></html>"
)


def _lxml_clean_missing(*args, **kwargs):
    # what lxml 5.2+ raises where lxml_html_clean is not installed
    raise ImportError(
        "lxml.html.clean module is now a separate project lxml_html_clean.\n"
        "Install lxml[html-clean] or lxml_html_clean directly."
    )


def _parser_bug(*args, **kwargs):
    raise ZeroDivisionError("division by zero")


@pytest.mark.parametrize(
    ("parser", "reason"),
    [
        (_lxml_clean_missing, "install lxml_html_clean"),
        (_parser_bug, "reading failed (ZeroDivisionError: division by zero)"),
    ],
    ids=["missing-component", "unexpected-exception"],
)
def test_a_page_whose_reader_raises_is_one_skip(
    parser, reason, tmp_path, good_article, run_cli, monkeypatch
) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    page = folder / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    monkeypatch.setattr(ingest, "parse_html", parser)
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 2, result.err
    assert_clean_build(result, tmp_path / "out")
    assert reason in assert_one_skip(result.err, page)


def test_a_json_record_whose_reader_raises_loses_only_that_record(
    tmp_path, run_cli, monkeypatch
) -> None:
    records = [
        {"text": GOOD_ARTICLE, "title": "a"},
        {"html": HTML_PAGE},
        {"text": ACCENTED.format(extra="")},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    monkeypatch.setattr("graph.ingest.records.parse_html", _lxml_clean_missing)
    result = build(run_cli, [path], tmp_path / "out")
    assert result.code == 2, result.err
    assert "2 articles" in result.out
    assert "install lxml_html_clean" in assert_one_skip(result.err, Path(f"{path}#2"))


def test_the_html_readers_run_time_needs_are_declared() -> None:
    # lxml 5.2+ moved its cleaner (which jusText and trafilatura import) to its own
    # package; an install by an older pip leaves it out unless we name it ourselves.
    from importlib.metadata import requires

    declared = {
        re.split(r"[<>=!~ ;\[]", r, maxsplit=1)[0].lower().replace("-", "_")
        for r in requires("storygraph") or []
    }
    assert "lxml_html_clean" in declared
    import lxml.html.clean  # noqa: F401 -- the module the HTML reader needs, installed


def test_a_page_really_read_by_trafilatura(tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    (folder).mkdir()
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    result = build(run_cli, [folder], tmp_path / "out")
    assert (result.code, result.err) == (0, "")
    assert "2025-03-04" in (tmp_path / "out" / "graph.nt").read_text(encoding="utf-8")


def test_all_inputs_bad_writes_nothing(tmp_path, run_cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "vide.txt").write_bytes(b"")
    result = build(run_cli, [folder], tmp_path / "out")
    assert result.code == 2
    assert "Traceback" not in result.err
    assert not (tmp_path / "out").exists()
    assert any("nothing written" in line for line in skip_lines(result.err))


# --------------------------------------------------------------------------- exit codes


def test_exit_code_0_when_all_good(tmp_path, good_article, run_cli) -> None:
    result = build(run_cli, [good_article(tmp_path / "in")], tmp_path / "out")
    assert (result.code, result.err) == (0, "")
    assert_clean_build(result, tmp_path / "out")
    assert "1 articles" in result.out and "0 skipped" in result.out


def test_exit_code_1_for_a_missing_input(tmp_path, good_article, run_cli) -> None:
    folder = tmp_path / "in"
    good_article(folder)
    missing = tmp_path / "nulle-part"
    result = build(run_cli, [folder, missing], tmp_path / "out")
    assert result.code == 1, result.err
    lines = skip_lines(result.err)
    assert len(lines) == 1 and str(missing) in lines[0], result.err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("argv", [["build"], ["build", "x", "--jobs", "deux"], ["nope"], []])
def test_exit_code_1_for_bad_usage(argv, run_cli) -> None:
    result = run_cli(argv)
    assert result.code == 1
    assert "Traceback" not in result.err and "usage" in result.err


def test_exit_codes_through_a_real_process(tmp_path) -> None:
    missing = tmp_path / "absent"
    proc = subprocess.run([sys.executable, "-m", "graph.cli", "build", str(missing),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert skip_lines(proc.stderr) == [f"storygraph: {missing}: input not found; check the path"]


def test_strict_makes_a_skip_fatal_and_keeps_previous_output(
    tmp_path, good_article, run_cli
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    good_article(folder)
    assert build(run_cli, [folder], out).code == 0

    def outputs() -> dict[Path, tuple[bytes, int]]:  # the cache may learn the new article
        files = [p for p in out.rglob("*") if p.is_file() and CACHE_NAME not in p.parts]
        return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}

    before = outputs()
    assert out / "graph.ttl" in before
    (folder / "vide.txt").write_bytes(b"")
    (folder / "autre.txt").write_text(ACCENTED.format(extra=""), encoding="utf-8")
    result = build(run_cli, [folder], out, "--strict")
    assert result.code != 0
    assert "Traceback" not in result.err and "--strict" in result.err
    assert outputs() == before


def test_outputs_get_ordinary_file_permissions(tmp_path, good_article, run_cli) -> None:
    out = tmp_path / "out"
    assert build(run_cli, [good_article(tmp_path / "in")], out).code == 0
    modes = {name: (out / name).stat().st_mode & 0o777 for name in ("graph.html", "graph.ttl")}
    assert modes["graph.ttl"] == modes["graph.html"], modes


# --------------------------------------------------------------------------- hostile text

PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>')
HOSTILE_NAME = 'Zoë "O\'Hara" 🚀/Al-\u200fمحمد\u200f'
HOSTILE_TEXT = (
    "Le ministre Rémi Castagnède a rencontré mercredi 5 mars 2025 à Bruxelles son homologue "
    "<script>alert(1)</script> Ingrid Solvang.\n"
    'Selon Castagnède, "><img src=x onerror=alert(1)> la réunion """ > . fut longue\u0000.\n'
    f"Le ministre {HOSTILE_NAME} a rencontré jeudi 6 mars 2025 à Oslo Ingrid Solvang.\n"
    "La délégation de Ølstrup/Nord \u202eevil\u202c <b>gras</b> a rencontré vendredi "
    "7 mars 2025 à Rome le ministre 😀 Tarek Bensalem.\n"
)


def test_hostile_text_is_escaped_everywhere(tmp_path, good_article, run_cli) -> None:
    folder, out, kb = tmp_path / "in", tmp_path / "out", tmp_path / "kb"
    good_article(folder)
    records = [
        {"url": "javascript:alert(1)", "title": "<script>alert(1)</script> Sommet",
         "published": "2025-03-05", "text": HOSTILE_TEXT},
        {"url": 'https://ex.org/a"><script>alert(1)</script> .', "headline": '""" > .\n',
         "text": HOSTILE_TEXT.replace("Bruxelles", "Madrid")},
    ]  # fmt: skip
    (folder / "hostile.json").write_text(json.dumps(records, ensure_ascii=False), "utf-8")
    (folder / "page.html").write_text(
        "<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
        "<article><h1>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h1><p>"
        + HOSTILE_TEXT.replace("<", "&lt;").replace(">", "&gt;").replace("\n", "</p><p>")
        + "</p></article></body></html>", "utf-8")  # fmt: skip
    kb.mkdir()
    (kb / "people_orgs.tsv").write_text(
        "# kind\tkey\twikidata\tlabel_en\taliases\tpositions\n"
        f'person\tevil/"key> .\tQ42\t{HOSTILE_NAME}\t\t\n',
        "utf-8",
    )
    result = build(run_cli, [folder], out, "--kb", str(kb))
    assert result.code == 0, result.err
    rdf = assert_clean_build(result, out)
    nt = Graph().parse(out / "graph.nt", format="nt")
    assert len(nt) == len(rdf)
    literals = " ".join(str(o) for o in rdf.objects())
    assert "<script>alert(1)</script>" in literals  # kept as text, not stripped or mangled
    assert "O'Hara" in literals and "🚀" in literals  # the hostile KB name is a node label

    html = (out / "graph.html").read_text("utf-8")
    for raw in (*PAYLOADS, "<script>alert", "<img src=x", "<b>gras"):
        assert raw not in html, raw
    data = re.search(r'<script type="application/json" id="data">(.*?)</script>', html, re.S)
    assert data and "\\u003cscript\\u003ealert(1)" in data.group(1)
    outside = html.replace(data.group(1), "")
    assert "alert(1)" not in outside

    iris = {str(t) for triple in rdf for t in triple if isinstance(t, URIRef)}
    assert iris
    for iri in iris:
        assert not re.search(r'[\s<>"{}|\\^`\x00-\x1f\u200f\u202e]', iri), iri
        assert "javascript:" not in iri and "<script" not in iri.lower(), iri


def test_user_kb_wikidata_id_is_validated(tmp_path, good_article, run_cli) -> None:
    folder, out, kb = tmp_path / "in", tmp_path / "out", tmp_path / "kb"
    good_article(folder)
    kb.mkdir()
    (kb / "people_orgs.tsv").write_text(
        "# kind\tkey\twikidata\tlabel_en\taliases\tpositions\n"
        "person\ttomasz\tjavascript:alert(1)\tTomasz Brzęczek\t\t\n",
        "utf-8",
    )
    result = build(run_cli, [folder], out, "--kb", str(kb))
    if result.code == 0:
        iris = {str(t) for triple in parse_ttl(out) for t in triple if isinstance(t, URIRef)}
        assert not any("javascript:" in iri for iri in iris)
    else:  # rejected as a configuration error
        assert result.code == 1 and "javascript:alert(1)" in result.err


# --------------------------------------------------------------------------- dates

ODD_DATES = (
    "Le ministre Paulin Ferrandi a rencontré mardi 28 janvier 2026 à Berlin son homologue "
    "Oskar Lindqvist.\n"
    "Le 31 février 2025, le ministre Paulin Ferrandi a visité Rome.\n"
    "Le 32 mars 2025, Oskar Lindqvist a rencontré Paulin Ferrandi à Vienne.\n"
    "En 1066, le roi a débarqué ; en l'an 12, puis le 3 mars 0001 et le 1er janvier 9999, "
    "rien ne s'est passé. En 3024, Oskar Lindqvist rencontrera Paulin Ferrandi à Oslo.\n"
    "Le 29 février 2023, le 0 mai 2024 et le 31/04/2024, Oskar Lindqvist a parlé.\n"
)


def test_impossible_and_ambiguous_dates(tmp_path, good_article, run_cli) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    good_article(folder)
    (folder / "dates.txt").write_text("Dates étranges\n\n" + ODD_DATES, "utf-8")
    result = build(run_cli, [folder], out)
    assert result.code == 0, result.err
    rdf = assert_clean_build(result, out)
    audits = [
        str(o)
        for o in rdf.objects(None, URIRef("https://storygraph.example.org/ontology#dateAudit"))
    ]
    if not audits:  # the prefix may differ; find the predicate by its local name
        audits = [str(o) for _s, p, o in rdf if str(p).endswith("dateAudit")]
    conflict = [a for a in audits if "28 janvier 2026" in a]
    assert conflict, audits
    assert any("conflict" in a and "Wednesday" in a for a in conflict), conflict
    assert "2026-01-28" in event_days(rdf)


def test_five_hundred_dates_in_one_article(tmp_path, good_article, run_cli) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    good_article(folder)
    rng = random.Random(500)
    months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
    dates = [f"le {rng.randint(1, 31)} {rng.choice(months)} {rng.randint(1, 9999)}"
             for _ in range(500)]  # fmt: skip
    sentences = [f"Le ministre Paulin Ferrandi a rencontré {', '.join(dates[i:i + 10])} "
                 f"Oskar Lindqvist à Vienne." for i in range(0, 500, 10)]  # fmt: skip
    (folder / "dates.txt").write_text("Cinq cents dates\n\n" + "\n".join(sentences) + "\n"
                                      + ", ".join(dates) + ".\n", "utf-8")  # fmt: skip
    started = time.monotonic()
    result = build(run_cli, [folder], out)
    assert time.monotonic() - started < 60
    assert result.code == 0, result.err
    assert_clean_build(result, out)


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["fr", "en"]))
def test_random_text_never_raises_in_ingest_and_dates(text, language) -> None:
    article = ingest.parse_text(text, source="x.txt")
    for line in article.body.split("\n"):
        find_time_expressions(line, language=language, anchor=None)
    from datetime import date

    find_time_expressions(text, language=language, anchor=date(2025, 3, 3))


_DATEISH = st.sampled_from(
    ["lundi 3 mars 2025", "le 31 février", "le 32", "mardi 28 janvier", "en 1066", "en 30000",
     "2025-13-45", "31/02/2024", "\u0000", "\r", "Le ministre X a rencontré ", " à Paris ",
     "\n\n", "'", "« »"]
)  # fmt: skip


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.lists(st.one_of(_DATEISH, st.text(max_size=20)), max_size=20).map(
            lambda parts: "".join(parts).encode("utf-8")
        ),
    )
)
def test_random_bytes_build_without_crash(data, good_article, run_cli) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp, "in"), Path(tmp, "out")
        good_article(folder)
        (folder / "hasard.txt").write_bytes(data)
        result = build(run_cli, [folder], out)
        assert result.code in (0, 2), result.err
        assert_clean_build(result, out)
        assert len(skip_lines(result.err)) == (result.code == 2)


# --------------------------------------------------------------------------- processes

_PEOPLE = ["Aurélien Vasseur", "Tomasz Brzęczek", "Ingrid Solvang", "Rémi Castagnède",
           "Oskar Lindqvist", "Paulin Ferrandi", "Tarek Bensalem", "Hélène Dufrêne",
           "Mirela Vukić", "Joaquim Farrapo"]  # fmt: skip
_CITIES = ["Paris", "Lyon", "Berlin", "Vienne", "Rome", "Madrid", "Oslo", "Lisbonne"]
_VERBS = ["a rencontré", "a reçu", "s'est entretenu avec", "a appelé"]
_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin"]


def write_corpus(folder: Path, n: int, seed: int) -> list[Path]:
    """``n`` small invented French articles, varied by a seeded generator."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        a, b = rng.sample(_PEOPLE, 2)
        city, verb = rng.choice(_CITIES), rng.choice(_VERBS)
        day, month = rng.randint(1, 28), rng.choice(_MONTHS)
        text = (f"{a} à {city}\n\nLe ministre {a} {verb} le {day} {month} 2025 à {city} "
                f"son homologue {b}.\nIls ont discuté de commerce et de sécurité pendant "
                f"{rng.randint(2, 9)} heures.\nLe 1{rng.randint(0, 9)} {month} 2025, {b} "
                f"a annoncé un accord à {rng.choice(_CITIES)}.\n")  # fmt: skip
        path = folder / f"article-{i:03d}.txt"
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


def _cli(inputs: Path, out: Path, *, jobs: int = 2) -> list[str]:
    return [sys.executable, "-m", "graph.cli", "build", str(inputs), "--out", str(out),
            "--jobs", str(jobs)]  # fmt: skip


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, **extra}


def _kill_when(cmd: list[str], ready, scratch: Path) -> float:
    """Start ``cmd`` in its own process group; SIGKILL the group once ``ready()``; the time.
    A killed build cannot remove its temporary files: they go to ``scratch``."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(TMPDIR=str(scratch)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    while proc.poll() is None and not ready():
        time.sleep(0.001)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # the pool's workers too
    proc.wait(timeout=30)
    return time.monotonic() - started


def test_sigkill_leaves_old_or_new_complete_outputs(tmp_path) -> None:
    corpus, out, ref, old = tmp_path / "in", tmp_path / "out", tmp_path / "ref", tmp_path / "old"
    write_corpus(corpus, 60, seed=1)
    first = subprocess.run(_cli(corpus, out), capture_output=True, cwd=ROOT, env=_env(),
                           timeout=300)  # fmt: skip
    assert first.returncode == 0, first.stderr
    shutil.copytree(out, old)
    # the same folder grows by one article: the new build differs from the old one
    (corpus / "article-zzz.txt").write_text(
        "Ajout\n\nLe ministre Joaquim Farrapo a rencontré le 9 juin 2025 à Lisbonne son "
        "homologue Mirela Vukić.\n", "utf-8")  # fmt: skip
    shutil.copytree(old, ref)  # same warm cache as the killed builds: same build time
    started = time.monotonic()
    second = subprocess.run(_cli(corpus, ref), capture_output=True, cwd=ROOT, env=_env(),
                            timeout=300)  # fmt: skip
    build_time = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    names = ("graph.ttl", "graph.nt", "graph.html")
    versions = {name: {(old / name).read_bytes(), (ref / name).read_bytes()} for name in names}
    assert all(len(v) == 2 for v in versions.values())

    def temp_file_seen() -> bool:  # the export stage has begun writing
        return any(p.name.endswith(".tmp") for p in out.iterdir())

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    rng = random.Random(20250303)
    # three kills at seeded random moments, then one as the export stage begins writing
    delays: list[float | None] = [rng.uniform(0.2, build_time) for _ in range(3)] + [None]
    leftovers: set[str] = set()
    outcomes = []
    for delay in delays:
        shutil.rmtree(out)
        shutil.copytree(old, out)
        t0 = time.monotonic()
        what = "first temp file" if delay is None else f"random {delay:.1f}s"

        def ready(delay: float | None = delay, t0: float = t0) -> bool:
            return temp_file_seen() if delay is None else time.monotonic() - t0 > delay

        killed_at = _kill_when(_cli(corpus, out), ready, scratch)
        for name in names:
            assert (out / name).read_bytes() in versions[name], f"{name} torn ({what})"
        new = sum((out / name).read_bytes() == (ref / name).read_bytes() for name in names)
        outcomes.append(f"{what} {killed_at:.1f}s: {new}/{len(names)} new")
        parse_ttl(out)
        for path in out.iterdir():
            if path.name not in OUTPUT_NAMES | {CACHE_NAME}:
                assert re.fullmatch(r"\..+\.tmp", path.name), path.name
                leftovers.add(path.name)
    # hidden temp files are acceptable (never taken for an output); -s shows them
    print(f"build {build_time:.1f}s; kills: {outcomes}; temp files left: {sorted(leftovers)}")


def test_builds_are_byte_identical_whatever_order_and_hash_seed(tmp_path) -> None:
    source = tmp_path / "src"
    paths = write_corpus(source, 12, seed=7)
    (source / "bon.txt").write_text(GOOD_ARTICLE, "utf-8")
    paths.append(source / "bon.txt")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for path in paths:  # created in order in one folder ...
        shutil.copy(path, a / path.name)
    for path in random.Random(3).sample(paths, len(paths)):  # ... shuffled in the other
        shutil.copy(path, b / path.name)
    runs = [
        subprocess.Popen(_cli(a, tmp_path / "out-a", jobs=1), cwd=ROOT,
                         env=_env(PYTHONHASHSEED="1"), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE),
        subprocess.Popen(_cli(b, tmp_path / "out-b", jobs=2), cwd=ROOT,
                         env=_env(PYTHONHASHSEED="4242"), stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE),
    ]  # fmt: skip
    for proc in runs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert (tmp_path / "out-a" / name).read_bytes() == (
            tmp_path / "out-b" / name
        ).read_bytes(), name


def test_progress_bar_on_a_terminal_counts_json_lines_records(tmp_path: Path) -> None:
    """On a terminal, a build of one JSON-lines file of 25 records shows a bar
    out of 25 with articles/s (run in a pseudo-terminal 120 columns wide)."""
    import pty

    feed = tmp_path / "feed.jsonl"
    records = [{"text": f"Le ministre Paulin Marchetti a rencontré Edvard Lindqvist à Brest "
                        f"le {day} mars 2031.", "url": f"https://example.org/{day}"}
               for day in range(1, 26)]  # fmt: skip
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")  # fmt: skip
    command = (f"stty cols 120 rows 40; {sys.executable} -m graph.cli build {feed} "
               f"--out {tmp_path / 'out'} --jobs 1 --no-cache")  # fmt: skip
    chunks: list[bytes] = []

    def read(fd: int) -> bytes:
        data = os.read(fd, 4096)
        chunks.append(data)
        return data

    with contextlib.redirect_stdout(io.StringIO()):
        pty.spawn(["bash", "-c", command], read)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "/25" in screen and "article/s" in screen, screen[-500:]
    assert "25 articles" in screen
