"""Resolve stage on articles written for these tests: cross-language event merging
and stories that join related articles and keep unrelated ones apart."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from graph import schema as M
from graph.pipeline import BuildConfig, build
from graph.types import EntityMention
from tests.fixture_graphs import build_fixtures


@pytest.fixture(scope="module")
def G():
    return build_fixtures("articles", articles=4)


def _story_of(G, source: str) -> str:
    (article,) = [n for n, d in G.nodes(data=True) if d.get(M.SOURCE) == source]
    (story,) = [u for u, _, d in G.in_edges(article, data=True) if d[M.REL] == M.HAS_ARTICLE]
    return story


def _storyline_of(G, source: str) -> str:
    (line,) = [u for u, _, d in G.in_edges(_story_of(G, source), data=True)
               if G.nodes[u][M.KIND] == M.STORYLINE]  # fmt: skip
    return line


def test_french_and_english_reports_of_one_story_join(G) -> None:
    fr, en = "fr_lavrov_wang_2025.txt", "en_lavrov_wang_2025.txt"
    # the March talks in Moscow and the August meeting in Beijing: two episodes
    # (published five months apart) of one storyline
    assert _story_of(G, fr) != _story_of(G, en)
    assert _storyline_of(G, fr) == _storyline_of(G, en)


@pytest.mark.parametrize("unrelated", ["fr_unrelated_tennis.txt", "en_unrelated_solar.txt"])
def test_unrelated_articles_form_their_own_story(G, unrelated: str) -> None:
    story = _storyline_of(G, unrelated)
    others = {
        _storyline_of(G, s)
        for s in ("fr_lavrov_wang_2025.txt", "fr_unrelated_tennis.txt", "en_unrelated_solar.txt")
        if s != unrelated
    }
    assert story not in others


def test_one_meeting_told_in_two_languages_is_one_event(G) -> None:
    march = [
        n
        for n, d in G.nodes(data=True)
        if d.get(M.KIND) == M.EVENT and d[M.BEGIN].startswith("2025-03")
    ]
    assert len(march) == 1
    sources = {v for _, v, d in G.out_edges(march[0], data=True) if d[M.REL] == M.DERIVED_FROM}
    assert len(sources) == 2
    assert G.nodes[march[0]][M.BEGIN] == "2025-03-11"  # the precise report wins
    assert "shared actors" in G.nodes[march[0]][M.MERGE_REASON]


def test_spelling_variants_are_one_person(G) -> None:
    lavrov = [n for n, d in G.nodes(data=True) if d.get(M.LABEL) == "Sergei Lavrov"]
    assert lavrov == ["person/sergei-lavrov"]
    assert "Sergueï Lavrov" in G.nodes["person/sergei-lavrov"][M.ALIASES]


def test_events_of_a_story_are_chained_in_time_order(G) -> None:
    story = _story_of(G, "fr_lavrov_wang_2025.txt")
    events = [v for _, v, d in G.out_edges(story, data=True) if d[M.REL] == M.SUB_EVENT]
    chain = sorted(events, key=lambda e: (G.nodes[e][M.BEGIN], G.nodes[e][M.END], e))
    for earlier, later in itertools.pairwise(chain):
        assert any(d[M.REL] == M.NEXT for d in G.get_edge_data(earlier, later).values())


def test_a_country_alone_does_not_merge_events(G) -> None:
    solar = [
        n
        for n, d in G.nodes(data=True)
        if d.get(M.KIND) == M.EVENT
        and any(v == "article/en-unrelated-solar-txt" for _, v in G.out_edges(n))
    ]
    for event in solar:
        sources = {v for _, v, d in G.out_edges(event, data=True) if d[M.REL] == M.DERIVED_FROM}
        assert sources == {"article/en-unrelated-solar-txt"}


def test_articles_that_date_nothing_still_make_a_story_together() -> None:
    from collections import Counter

    from graph.resolve.stories import assign_stories

    shared = Counter({"person/edvard-lindqvist": 3, "organization/nordvik-coast-guard": 2,
                      "place/brest": 1})  # fmt: skip
    features = {
        "a.txt": shared + Counter({"topic/maritime": 1}),
        "b.txt": shared + Counter({"person/marion-castellan": 1}),
        "lone.txt": Counter({"person/paulin-marchetti": 2, "topic/sport": 1}),
    }
    [story] = assign_stories(features, [], {"person/edvard-lindqvist": "Edvard Lindqvist"})
    assert story.articles == ("a.txt", "b.txt")
    assert story.events == ()
    assert story.label.startswith("Edvard Lindqvist")


def _report(tmp_path: Path, records: list[dict]) -> Path:
    import json

    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def _article(G, url: str) -> str:
    """The one article node built from the record of ``url``."""
    (node,) = [
        n for n, d in G.nodes(data=True) if d.get(M.KIND) == M.ARTICLE and d.get(M.URL) == url
    ]
    return node


_DATED = {
    "url": "https://example.org/2031/10/03/patrol", "published": "2031-10-03", "language": "en",
    "title": "Edvard Lindqvist's patrol reaches the Arctic",
    "text": "Admiral Edvard Lindqvist said on Thursday that the patrol of Marion Castellan "
            "reached the Arctic. Edvard Lindqvist and Marion Castellan met in Tromsø on "
            "October 1, 2031.",
}  # fmt: skip
_UNDATED = {
    "url": "https://example.org/patrol-story", "language": "en",
    "title": "Arctic patrol of Marion Castellan",
    "text": "Marion Castellan and Edvard Lindqvist reported on Thursday (October 2) that "
            "the patrol entered the Arctic. Edvard Lindqvist praised Marion Castellan.",
}  # fmt: skip


_ALONE = {
    "url": "https://example.org/plant-talks", "language": "en",
    "title": "Carmaker and minister meet",
    "text": "Ilse Varga, chief executive of Voltaro, met economy minister Tamas Horvath in "
            "Szeged to discuss the new battery plant.",
}  # fmt: skip


def test_an_undated_report_takes_the_year_of_its_dated_story(tmp_path: Path) -> None:
    G, _ = build([_report(tmp_path, [_DATED, _UNDATED])], BuildConfig())
    undated = _article(G, _UNDATED["url"])
    assert "2031" in G.nodes[undated][M.PUBLISHED_EVIDENCE]
    days = {d[M.BEGIN] for n, d in G.nodes(data=True) if d.get(M.KIND) == M.EVENT
            and undated in set(G.successors(n))}  # fmt: skip
    assert "2031-10-02" in {str(day) for day in days}


def test_a_weekday_that_does_not_fall_in_the_year_of_its_story_keeps_it_undated(
    tmp_path: Path,
) -> None:
    # 2 October 2031 is a Thursday: "Wednesday (October 2)" is of another year
    wrong = {**_UNDATED, "text": _UNDATED["text"].replace("Thursday", "Wednesday")}
    G, _ = build([_report(tmp_path, [_DATED, wrong])], BuildConfig())
    node = G.nodes[_article(G, wrong["url"])]
    assert not node.get(M.PUBLISHED)


def test_the_year_of_its_story_lets_an_undated_report_fix_its_day(tmp_path: Path) -> None:
    dated = {
        "url": "https://example.org/2031/07/10/drills", "published": "2031-07-10",
        "language": "en", "title": "Edvard Lindqvist's drills off Tromsø",
        "text": "Admiral Edvard Lindqvist said on Thursday that the drills of Marion "
                "Castellan's fleet near Tromsø began in early July.",
    }  # fmt: skip
    undated = {
        "url": "https://example.org/drills-end", "language": "en",
        "title": "Tromsø drills of Marion Castellan to end",
        "text": "Marion Castellan and Edvard Lindqvist announced on Friday that the drills "
                "near Tromsø, which began in early July, will end on July 19.",
    }  # fmt: skip
    G, _ = build([_report(tmp_path, [dated, undated])], BuildConfig())
    node = G.nodes[_article(G, undated["url"])]
    # 19 July 2031 is a Saturday: the Friday before it, after 1 July
    assert str(node[M.PUBLISHED]) == "2031-07-18"
    assert "last Friday before 2031-07-19" in node[M.PUBLISHED_EVIDENCE]
    assert "year 2031, the year of the dated reports of its story" in node[M.PUBLISHED_EVIDENCE]


def test_an_undated_report_alone_stays_undated(tmp_path: Path) -> None:
    G, report = build([_report(tmp_path, [_UNDATED])], BuildConfig())
    events = [d for _, d in G.nodes(data=True) if d.get(M.KIND) == M.EVENT]
    # its happenings are kept, none given a date it does not state
    assert report.events == len(events) >= 1
    assert all(d[M.BEGIN] == "" and d[M.DATING] == M.UNKNOWN_TIME for d in events)


def test_a_name_found_as_a_ship_is_that_thing_where_the_model_read_a_person() -> None:
    from graph.kb import default_kb
    from graph.resolve import resolve_entities
    from graph.types import EntityMention

    ship = EntityMention("Nordstjerna", 10, 21, "thing", "thing/nordstjerna", "Nordstjerna")
    person = EntityMention("Nordstjerna", 0, 11, "person", "person/nordstjerna", "Nordstjerna")
    pairs = [("a.txt", ship), ("b.txt", person), ("c.txt", person)]
    entities, redirect = resolve_entities(pairs, default_kb())
    assert redirect == {"person/nordstjerna": "thing/nordstjerna"}
    assert entities["thing/nordstjerna"].kind == "thing"


def test_a_company_s_legal_form_makes_no_second_entity() -> None:
    from graph.kb import default_kb
    from graph.resolve import resolve_entities
    from graph.types import EntityMention

    def company(label: str) -> EntityMention:
        key = "organization/" + label.lower().replace(" ", "-")
        return EntityMention(label, 0, len(label), "organization", key, label)

    pairs = [("a.txt", company("Nordvik Energy ASA")), ("a.txt", company("Nordvik Energy")),
             ("b.txt", company("Nordvik Energy")), ("c.txt", company("Nordvik Capital"))]  # fmt: skip
    entities, _ = resolve_entities(pairs, default_kb())
    assert {e.label for e in entities.values()} == {"Nordvik Energy ASA", "Nordvik Capital"}


def _person(label: str) -> EntityMention:
    key = "person/" + label.lower().replace(" ", "-")
    return EntityMention(label, 0, len(label), "person", key, label)


_COMPANY = EntityMention(
    "Nordvik Energy", 0, 14, "organization", "organization/nordvik-energy", "Nordvik Energy"
)


@pytest.mark.parametrize("related", [True, False])
def test_a_lone_name_is_the_full_name_of_another_article_of_its_story(related: bool) -> None:
    # "a McDonald's in Birmingham" (riots) was the Irish politician of an election report
    from graph.kb import default_kb
    from graph.resolve import resolve_entities

    pairs = [("a.txt", _person("Ingrid Solberg")), ("b.txt", _person("Solberg"))]
    if related:  # both articles name one company: of one story
        pairs += [("a.txt", _COMPANY), ("b.txt", _COMPANY)]
    _, redirect = resolve_entities(pairs, default_kb())
    assert (redirect.get("person/solberg") == "person/ingrid-solberg") is related


def test_an_undated_event_is_said_so_in_rdf_and_conforms(tmp_path: Path) -> None:
    from rdflib.namespace import RDF

    from graph.export.rdf import to_rdf
    from graph.export.vocabulary import SEM, SG
    from graph.query.store import validate

    G, _ = build([_report(tmp_path, [_UNDATED])], BuildConfig())
    rdf = to_rdf(G)
    undated = set(rdf.subjects(SG.datingMethod, SG.UnknownTime))
    assert undated and undated <= set(rdf.subjects(RDF.type, SEM.Event))
    assert not any((e, SEM.hasBeginTimeStamp, None) in rdf for e in undated)
    conforms, report = validate(rdf)
    assert conforms, report


def test_the_page_draws_undated_events_in_a_band_of_their_own(tmp_path: Path) -> None:
    from graph.export.html import page_data

    G, _ = build([_report(tmp_path, [_DATED, _UNDATED, _ALONE])], BuildConfig())
    data = page_data(G)
    xs = {n["id"]: n["x"] for n in data["nodes"] if n["kind"] == M.EVENT and "x" in n}
    undated = [n["id"] for n in data["nodes"] if n["kind"] == M.EVENT and not n.get(M.BEGIN)]
    dated = [e for e in xs if e not in undated]
    assert undated and dated
    assert min(xs[e] for e in undated) > max(xs[e] for e in dated)  # after every dated one
    (band,) = [t for t in data["ticks"] if t["label"] == "undated"]
    assert abs(band["x"] - min(xs[e] for e in undated)) < 1  # positions are whole pixels
    assert any(max(xs[e] for e in dated) < x < band["x"] for x in data["breaks"])


_MET_DATED = {
    "url": "https://example.org/2031/10/02/talks", "published": "2031-10-02", "language": "en",
    "title": "Castellan and Lindqvist hold talks in Tromsø",
    "text": "Marion Castellan met Edvard Lindqvist in Tromsø on Wednesday to discuss the "
            "fisheries pact, the Nordvik foreign ministry said.",
}  # fmt: skip
_MET_UNDATED = {
    "url": "https://example.org/talks-tromso", "language": "en",
    "title": "Fisheries talks in Tromsø",
    "text": "Edvard Lindqvist met Marion Castellan on Wednesday in Tromsø, where the two "
            "discussed the fisheries pact.",
}  # fmt: skip


def test_an_undated_report_takes_the_day_its_relative_dates_agree_on(tmp_path: Path) -> None:
    G, _ = build([_report(tmp_path, [_MET_DATED, _MET_UNDATED])], BuildConfig())
    undated = G.nodes[_article(G, _MET_UNDATED["url"])]
    # "Wednesday" is 2031-10-01 for any day from then to the next Tuesday: the day
    # kept is the one nearest the dated report's, and the evidence names the link
    assert (undated[M.PUBLISHED], undated[M.PUBLISHED_HOW]) == ("2031-10-02", "inferred")
    assert "2031-10-01" in undated[M.PUBLISHED_EVIDENCE]


def test_an_undated_report_sharing_only_countries_is_not_dated_by_them(tmp_path: Path) -> None:
    dated = {**_MET_DATED, "text": "Norway and Finland held fisheries talks on Wednesday."}
    undated = {**_MET_UNDATED, "text": "Finland and Norway met on Wednesday over fisheries."}
    G, _ = build([_report(tmp_path, [dated, undated])], BuildConfig())
    found = G.nodes[_article(G, _MET_UNDATED["url"])]
    assert found[M.PUBLISHED] == ""


def test_an_episode_whose_report_names_its_year_gives_it_to_the_others(tmp_path: Path) -> None:
    named = {
        "url": "https://example.org/shield", "language": "en",
        "title": "Nordvik and Valdoria to hold Northern Shield-2031 drills",
        "text": "The navies of Nordvik and Valdoria will hold the Northern Shield-2031 drills "
                "off Brest from August 30 to September 5, Admiral Edvard Lindqvist said.",
    }  # fmt: skip
    other = {
        "url": "https://example.org/troops", "language": "en",
        "title": "Valdorian sailors head to Brest for drills with Nordvik",
        "text": "Valdorian sailors will travel to Brest for joint drills with the Nordvik navy, "
                "Admiral Edvard Lindqvist said on Wednesday. The drills off Brest will run "
                "from August 30 to September 5.",
    }  # fmt: skip
    G, _ = build([_report(tmp_path, [named, other])], BuildConfig())
    articles = {d[M.URL]: d for _, d in G.nodes(data=True) if d.get(M.KIND) == M.ARTICLE}
    assert not articles[named["url"]].get(M.PUBLISHED)  # a year, no day
    dated = articles[other["url"]]
    # 30 August 2031 is a Saturday: the Wednesday before it
    assert str(dated[M.PUBLISHED]) == "2031-08-27"
    assert "the year another report of its episode names" in dated[M.PUBLISHED_EVIDENCE]


def _saying(article: str, index: int, *keys: str, event_type: str = "Statement"):
    from datetime import date

    from graph.types import EntityMention, EventMention, TimeExpression

    day = date(2031, 3, 14)
    time = TimeExpression("Friday", 0, 6, day, day, "day", "weekday")
    actors = tuple(EntityMention(k, 0, 0, k.split("/")[0], k, k) for k in keys)
    return EventMention(article, f"sentence {index}", index, time, event_type, "said", actors,
                        None, ())  # fmt: skip


def test_two_speakers_statements_about_the_same_countries_stay_two() -> None:
    from graph.resolve import resolve_events

    officials = _saying("a.txt", 3, "country/nordvik", "country/valdoria")
    scholar = _saying("a.txt", 5, "person/ingrid-solberg", "country/nordvik", "country/valdoria")
    assert len(resolve_events([officials, scholar], {}, {})) == 2


def test_two_tellers_announcements_about_the_same_countries_stay_two() -> None:
    # "a Nordvik drone hit a Valdorian town, local authorities reported" and
    # "X and Y condemned the strikes in statements published on Friday"
    from graph.resolve import resolve_events

    authorities = _saying("a.txt", 3, "country/nordvik", "country/valdoria",
                          event_type="Announcement")  # fmt: skip
    leaders = _saying("a.txt", 9, "person/ingrid-solberg", "person/edvard-lindqvist",
                      "country/nordvik", "country/valdoria", event_type="Announcement")  # fmt: skip
    assert len(resolve_events([authorities, leaders], {}, {})) == 2


def test_two_statements_of_one_report_naming_only_countries_stay_two() -> None:
    # "Nordvik says it shot down five drones." and "Valdoria said twelve people
    # died": two tellers whom only the countries they speak of name
    from graph.resolve import resolve_events

    first = _saying("a.txt", 3, "country/nordvik", "country/valdoria")
    second = _saying("a.txt", 7, "country/nordvik", "country/valdoria")
    assert len(resolve_events([first, second], {}, {})) == 2


def test_one_statement_on_two_countries_told_by_two_reports_is_one() -> None:
    # a guard: the same day, the same countries, no speaker named, in two reports
    from graph.resolve import resolve_events

    first = _saying("a.txt", 3, "country/nordvik", "country/valdoria")
    second = _saying("b.txt", 1, "country/nordvik", "country/valdoria")
    assert len(resolve_events([first, second], {}, {})) == 1


def test_one_speakers_statement_told_twice_is_one() -> None:
    # a guard: the same speaker on the same day in two reports is one statement
    from graph.resolve import resolve_events

    first = _saying("a.txt", 3, "person/ingrid-solberg", "country/nordvik")
    second = _saying("b.txt", 1, "person/ingrid-solberg", "country/nordvik")
    assert len(resolve_events([first, second], {}, {})) == 1


def test_two_statements_naming_one_person_and_place_stay_two(tmp_path: Path) -> None:
    # on an unseen page, a neighbour's "“Terrific guy,” … said" about someone and a
    # prince's denial of meeting that someone at his New York home were one statement
    record = {
        "url": "https://example.org/2031/11/30/lindqvist", "published": "2031-11-30",
        "language": "en", "title": "Who knew Edvard Lindqvist",
        "text": "“Terrific guy,” Edvard Lindqvist's neighbour in Oslo, Marion Castellan, "
                "said in the interview. Ingrid Solberg has denied meeting Paulin Marchetti "
                "and said she never visited Edvard Lindqvist's home in Oslo.",
    }  # fmt: skip
    G, _ = build([_report(tmp_path, [record])], BuildConfig())
    said = [d for _, d in G.nodes(data=True)
            if d.get(M.KIND) == M.EVENT and d.get(M.EVENT_TYPE) == "Statement"]  # fmt: skip
    assert len(said) == 2


def test_resolve_and_assemble_lets_the_extractions_go() -> None:
    """Issue 20 (stop 38): the list handed over is emptied, so that its extractions
    can be freed before the graph is assembled (a build's peak memory), and the
    graph is the one a copy of the list gives."""
    from datetime import date

    import networkx as nx

    from graph.config import BuildConfig
    from graph.extract import extract_article
    from graph.pipeline import resolve_and_assemble
    from graph.types import Article

    bodies = ["Norway and Finland signed a fishing accord in Oslo on Monday.",
              "Finland and Norway held naval drills near Bergen on Tuesday."]  # fmt: skip

    def extracted(i: int, body: str):
        article = Article(source=f"{i}.txt", body=body, language="en",
                          published=date(2031, 11, 30), published_how="text")  # fmt: skip
        return extract_article(article, BuildConfig())

    extractions = [extracted(i, body) for i, body in enumerate(bodies)]
    handed = list(extractions)
    G, report = resolve_and_assemble(handed, BuildConfig())
    assert handed == []
    again, _ = resolve_and_assemble(list(extractions), BuildConfig())
    assert report.articles == 2 and report.event_mentions >= 2
    assert nx.utils.graphs_equal(G, again)


def test_edges_of_one_relation_share_one_read_only_attribute_dict(G) -> None:
    """Issue 20 (stop 42): a million edges at 10,000 articles each had a dict of
    their own (180 MB of the peak); edges with nothing but their relation now share
    one, which refuses edits (else one edit would change every edge) and
    pickles; ``G.copy()`` gives editable dicts."""
    import pickle

    plain = [d for _, _, d in G.edges(data=True) if d[M.REL] == M.HAS_ARTICLE]
    assert len(plain) >= 2 and all(d is plain[0] for d in plain)
    with pytest.raises(TypeError, match="shared"):
        plain[0][M.REL] = "edited"
    with pytest.raises(TypeError):
        plain[0].update(weight=1)
    assert plain[0] == {M.REL: M.HAS_ARTICLE}
    copied = G.copy()
    u, v, k = next((u, v, k) for u, v, k, d in copied.edges(keys=True, data=True)
                   if d[M.REL] == M.HAS_ARTICLE)  # fmt: skip
    copied.edges[u, v, k]["weight"] = 1
    assert G.edges[u, v, k] == {M.REL: M.HAS_ARTICLE}
    assert pickle.loads(pickle.dumps(G)).edges[u, v, k] == {M.REL: M.HAS_ARTICLE}


def test_an_article_node_id_is_one_string_however_many_edges_name_it() -> None:
    # at 10,000 articles a fresh copy per edge took some 70 MB
    from graph.assemble import article_key

    assert article_key("".join(["nordposten/", "a.txt"])) is article_key("nordposten/a.txt")
