"""Resolve stage: one entity per real-world thing, one event per real happening.

Requires: entity mentions of every article (:mod:`graph.extract.entities`) and event
mentions (:mod:`graph.extract.events`).

Adds: :class:`~graph.types.Entity` records (knowledge-base entities keep their
key; unknown names are joined across spellings that differ only by
transliteration, across the kinds NER gives them, and from a lone surname or
family name to the one full name it belongs to) and
:class:`~graph.types.Event` records, where mentions that report the same
happening — in one article or several, in any language — are merged.

Merge rule (documented in ARCHITECTURE.md): two mentions are one event when
their types belong to the same family, their intervals overlap, their places
do not contradict each other and they share at least two actors, or one named
person or organisation at the same place (a country alone ties far too many
happenings together). Candidates are found
through an index on (type family, month, actor pair) and (type family, month,
named actor, place), never by comparing all pairs. The
merged interval is the intersection (the most precise statement of the date).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

from graph.event_types import FALLBACK, SAYING, TELLING, family
from graph.kb import KnowledgeBase
from graph.text import fold, is_owned_name, translit_key
from graph.types import UNKNOWN_TIME, Entity, EntityMention, Event, EventMention

_SPECIFICITY = (
    "day",
    "about-day",
    "days",
    "early-month",
    "mid-month",
    "late-month",
    "week",
    "days-before",
    "days-after",
    "reported",
    "planned",
    "month",
    "season",
    "year",
)


def resolve_entities(
    mentions: Iterable[tuple[str, EntityMention]], kb: KnowledgeBase
) -> tuple[dict[str, Entity], dict[str, str]]:
    """Merge entity mentions into entities.

    Args:
        mentions: (article source, mention) pairs.
        kb: the knowledge base, for labels and Wikidata links.

    Returns:
        The entities by key, and a map from mention key to the entity key it
        was merged into (identity for most keys).
    """
    pairs = sorted(mentions, key=lambda p: (p[1].key, p[0], p[1].start))
    redirect = _name_redirects(pairs, kb)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for _, m in pairs:
        kinds[redirect.get(m.key, m.key)][m.kind] += 1
    rename = _rekey_by_kind(kinds, kb)
    redirect = {k: rename.get(v, v) for k, v in redirect.items()}
    redirect.update({k: v for k, v in rename.items() if k not in redirect})
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    articles: dict[str, set[str]] = defaultdict(set)
    for source, m in pairs:
        key = redirect.get(m.key, m.key)
        if is_owned_name(m.label, m.text):
            forms[key][m.label] += 1  # "Russia's Defence Ministry": "Defence Ministry (Russia)"
        elif m.role is None or m.text != m.role:
            forms[key][m.text] += 1
        articles[key].add(source)
    entities = {key: _entity(key, forms[key], articles[key], kb) for key in sorted(articles)}
    return entities, redirect


def _entity(key: str, forms: Counter[str], articles: set[str], kb: KnowledgeBase) -> Entity:
    known = kb.entities.get(key.split("/", 1)[1])
    label = known.label if known else _best_label(forms, key)
    return Entity(
        key=key,
        kind=key.split("/", 1)[0],  # type: ignore[arg-type]
        label=label,
        aliases=tuple(sorted(a for a in forms if a != label)),
        wikidata=known.wikidata if known else None,
        articles=tuple(sorted(articles)),
    )


def _rekey_by_kind(kinds: dict[str, Counter[str]], kb: KnowledgeBase) -> dict[str, str]:
    """New keys for unknown entities whose mentions mostly give another kind."""
    rename = {}
    for key, counts in kinds.items():
        kind, slug = key.split("/", 1)
        voted = _vote(counts)
        if slug not in kb.entities and voted != kind:
            rename[key] = f"{voted}/{slug}"
    return rename


def _vote(kinds: Counter[str]) -> str:
    """The kind an entity's mentions give, by :func:`_preference`."""
    return min(kinds, key=lambda k: (*_preference(k, kinds[k]), k))


def _preference(kind: str, count: int) -> tuple[bool, int, int]:
    """How strongly ``count`` mentions of a name as ``kind`` say what it is (the
    smaller, the stronger). A thing comes first: a rule found it by the noun
    before it ("la sonde"), where the model only guesses; then the kind most
    mentions give, a person winning ties (NER's usual confusion)."""
    return kind != "thing", -count, _KIND_ORDER.get(kind, 9)


def _best_label(forms: Counter[str], key: str) -> str:
    if not forms:
        return key.split("/", 1)[1]
    return max(sorted(forms), key=lambda f: (len(f.split()), forms[f]))


def _name_redirects(
    pairs: Sequence[tuple[str, EntityMention]], kb: KnowledgeBase
) -> dict[str, str]:
    """Where each mention key is merged: spelling variants, kind conflicts, surnames.

    An unknown name found as a person in one place and an organisation in
    another (NER disagreeing with itself) becomes its most frequent kind; names
    that differ only by transliteration ("Tarkovski"/"Tarkovskiy") become one
    entity, a knowledge-base one when its label or an alias matches.
    """
    counts = Counter(m.key for _, m in pairs)
    by_key = {m.key: m for _, m in pairs}
    canonical: dict[str, str] = {}
    for entity in kb.entities.values():
        if entity.kind == "person":
            for name in (entity.label, *entity.aliases):
                if len(name.split()) > 1:
                    canonical.setdefault("name:" + translit_key(name), f"person/{entity.key}")
    groups: dict[str, list[str]] = defaultdict(list)
    for key, m in by_key.items():
        if key.split("/", 1)[1] not in kb.entities:
            groups[_variant_group(m, kb.legal_forms)].append(key)
    redirect: dict[str, str] = {}
    for group, keys in groups.items():
        ranked = sorted(keys, key=lambda k: (*_preference(k.split("/")[0], counts[k]), k))
        target = canonical.get(group, ranked[0])
        redirect.update({k: target for k in keys if k != target})
    named_in: dict[str, set[str]] = defaultdict(set)  # article -> the keys it names
    for source, m in pairs:
        named_in[source].add(redirect.get(m.key, m.key))
    unmerged = {k: m for k, m in by_key.items() if k not in redirect}
    surnames = _surname_redirects(unmerged, list(named_in.values()))
    redirect.update(surnames)
    return {k: surnames.get(v, v) for k, v in redirect.items()}


_KIND_ORDER = {"person": 0, "organization": 1, "place": 2, "country": 3}  # ties among guesses


def _variant_group(mention: EntityMention, legal_forms: frozenset[str] = frozenset()) -> str:
    """The group of spellings a mention's name belongs to: its transliteration key,
    without a company's legal form ("Nordvik Energy ASA" is "Nordvik Energy").

    >>> def named(label: str) -> EntityMention:
    ...     return EntityMention(label, 0, len(label), "organization", "organization/x", label)
    >>> _variant_group(named("Nordvik Energy ASA"), frozenset({"asa"}))
    'name:nordvik energi'
    """
    if mention.kind in ("person", "organization", "place", "thing"):
        # NER may call one unknown name a person here and an organisation there.
        words = mention.label.split()
        while len(words) > 1 and fold(words[-1].replace(".", "")) in legal_forms:
            words.pop()
        return "name:" + translit_key(" ".join(words))
    return mention.key


def _surname_redirects(
    by_key: dict[str, EntityMention], named_in: Sequence[set[str]]
) -> dict[str, str]:
    """A lone name points at the one full name it begins or ends, when an
    article naming it and one naming the full name name someone else in
    common (a person or an organisation: of one story).

    "Lindqvist" -> "Edvard Lindqvist"; family names that come first, as in
    Chinese or Korean names, too ("Park" -> "Park Min-ho"). Ambiguous lone
    names (two full names end with them) stay as they are, and so does a
    lone name only unrelated articles share ("Solberg's bakery in Bergen" in a
    report on a storm is no minister of a report on an election).
    """
    full: dict[str, set[str]] = defaultdict(set)
    for key, m in by_key.items():
        parts = m.label.split()
        if m.kind in _NAMED_KINDS and len(parts) > 1:
            full[parts[-1]].add(key)
            full[parts[0]].add(key)
    articles: dict[str, list[int]] = defaultdict(list)  # key -> the articles naming it
    for i, keys in enumerate(named_in):
        for k in keys:
            articles[k].append(i)
    redirect = {}
    for key, m in by_key.items():
        lone = m.kind in _NAMED_KINDS and " " not in m.label and m.label[:1].isupper()
        targets = full.get(m.label) if lone else None
        if targets and len(targets) == 1 and key not in targets:
            target = next(iter(targets))
            if _of_one_story((key, target), articles, named_in):
                redirect[key] = target
    return redirect


def _of_one_story(
    pair: tuple[str, str], articles: dict[str, list[int]], named_in: Sequence[set[str]]
) -> bool:
    """Whether an article naming the lone name and one naming the full name of
    ``pair`` (or one naming both) name a person or an organisation in common."""
    lone, full = (set(articles[k]) for k in pair)
    if lone & full:
        return True
    fewer, more = sorted((lone, full), key=len)
    named = {k for i in fewer for k in named_in[i] if k.split("/", 1)[0] in _NAMED_KINDS}
    named -= set(pair)
    return any(named & named_in[i] for i in more)


_NAMED_KINDS = ("person", "organization")


@dataclass
class _Cluster:
    mentions: list[EventMention]
    actors: set[str]
    places: set[str]
    begin: date
    last: date
    granularity: str
    reasons: list[str] = field(default_factory=list)


def _compatible(
    cluster: _Cluster, mention: EventMention, actors: set[str], place: str | None
) -> str | None:
    if family(cluster.mentions[0].event_type) != family(mention.event_type):
        return None
    if mention.time.last < cluster.begin or cluster.last < mention.time.begin:
        return None
    if not actors and not cluster.actors:  # what happens to a place: an earthquake
        if place is None or place not in cluster.places:
            return None
        return f"same {family(mention.event_type)} event, overlapping dates, same place {place}"
    shared = cluster.actors & actors
    # statements and announcements: who tells is what tells them apart
    sayings = all(m.event_type in TELLING for m in (mention, *cluster.mentions))
    if (
        sayings
        and all(a.startswith("country/") for a in shared)
        and (
            _named(cluster.actors) != _named(actors)
            or any(m.article == mention.article for m in cluster.mentions)
        )
    ):
        # two speakers on the same countries ("officials said…", "X said…"); in
        # one report, two sentences whose tellers name nobody are two tellings
        return None
    if place and cluster.places and place not in cluster.places:
        return _despite_places(cluster, mention, shared)
    if len(shared) >= 2:
        return (
            f"same {family(mention.event_type)} event, overlapping dates, "
            f"shared actors {', '.join(sorted(shared))}"
        )
    # One shared actor is enough only for a named person or organisation at the
    # same place: a country alone ties together far too many happenings; and
    # never for two statements, whose place is that of what they speak of
    # ("“terrific guy,” said X of Y" and Z's denial of a visit both named Y and Oslo)
    specific = [a for a in shared if not a.startswith("country/")]
    if specific and place and place in cluster.places and not sayings:
        return (
            f"same {family(mention.event_type)} event, overlapping dates, "
            f"same place {place}, shared actor {specific[0]}"
        )
    return None


def _named(actors: set[str]) -> set[str]:
    """The people, organisations and named things among entity keys (not countries)."""
    return {a for a in actors if not a.startswith("country/")}


def _despite_places(cluster: _Cluster, mention: EventMention, shared: set[str]) -> str | None:
    """Two reports of one day naming two of the same people or organisations
    are one event even where each names another place: the place is the
    weakest part of the extraction ("agreed … on a centre in Tromso, after
    talks in Paris" against "à Paris")."""
    specific = sorted(a for a in shared if not a.startswith("country/"))
    one_day = mention.time.begin == mention.time.last == cluster.begin == cluster.last
    if len(specific) < 2 or not one_day:
        return None
    return (
        f"same {family(mention.event_type)} event, same day, "
        f"shared actors {', '.join(specific)} (places differ)"
    )


def _absorb(
    cluster: _Cluster, mention: EventMention, actors: set[str], place: str | None, reason: str
) -> None:
    cluster.mentions.append(mention)
    cluster.actors |= actors
    if place:
        cluster.places.add(place)
    begin = max(cluster.begin, mention.time.begin)
    last = min(cluster.last, mention.time.last)
    if _rank(mention.time.granularity) < _rank(cluster.granularity):
        cluster.granularity = mention.time.granularity
    cluster.begin, cluster.last = begin, last
    cluster.reasons.append(f"{mention.article} #{mention.sentence_index}: {reason}")


def _rank(granularity: str) -> int:
    return _SPECIFICITY.index(granularity) if granularity in _SPECIFICITY else len(_SPECIFICITY)


def _actor_keys(mention: EventMention, redirect: dict[str, str]) -> set[str]:
    return {redirect.get(a.key, a.key) for a in mention.actors}


def _place_key(mention: EventMention, redirect: dict[str, str]) -> str | None:
    """The entity of the mention's place, if the resolve made it a place: a town
    the model read as a person in another sentence is one node, and when the
    person won the vote the event keeps no place (a place is a place in the
    RDF contract: ``sem:hasPlace`` takes a ``sem:Place``)."""
    if mention.place is None:
        return None
    key = redirect.get(mention.place.key, mention.place.key)
    return key if key.split("/", 1)[0] in _PLACE_KINDS else None


_PLACE_KINDS = ("place", "country")


_LONG_MONTHS = 24  # intervals longer than this share one bucket


def _months(begin: date, last: date) -> list[int]:
    """The months an interval overlaps, counted from year 0; -1 for a long one."""
    first, final = begin.year * 12 + begin.month - 1, last.year * 12 + last.month - 1
    if final - first >= _LONG_MONTHS:
        return [-1]
    return list(range(first, final + 1))


def _blocking_keys(
    mention: EventMention, actors: set[str], place: str | None
) -> list[tuple[str | int, ...]]:
    """Index keys under which a mention can meet the mentions it may merge with.

    Merging needs two shared actors, or one named actor at the same place,
    within overlapping months: so the keys are (family, month, actor pair) and
    (family, month, named actor, place); an event with no actor (an earthquake)
    merges with another of none at its place: (family, month, place).
    Frequent actors alone (a country in thousands of articles) never make a
    key, which keeps the work linear.
    """
    fam = family(mention.event_type)
    months = _months(mention.time.begin, mention.time.last)
    ordered = sorted(actors)
    keys: list[tuple[str | int, ...]] = [
        (fam, m, "pair", a, b) for m in months for a, b in combinations(ordered, 2)
    ]
    if place is not None:
        keys += [(fam, m, "at", a, place) for m in months for a in ordered
                 if not a.startswith("country/")]  # fmt: skip
        if not actors:  # an earthquake, a crash: known by its place
            keys += [(fam, m, "place", place) for m in months]
    return keys


def resolve_events(
    mentions: Sequence[EventMention], redirect: dict[str, str], labels: dict[str, str]
) -> list[Event]:
    """Merge event mentions that report the same happening.

    Args:
        mentions: every event mention of the build.
        redirect: mention key -> entity key, from :func:`resolve_entities`.
        labels: entity key -> label, for event labels.

    Returns:
        Events sorted by (begin, end, key).
    """
    ordered = sorted(
        mentions,
        key=lambda m: (m.time.begin, m.time.last, m.article, m.sentence_index, m.time.start),
    )
    clusters: list[_Cluster] = []
    # a list per key, not a set: at 10,000 articles a million keys, most of one
    # cluster, and an empty set alone is four times a list of one
    index: dict[tuple[str | int, ...], list[int]] = defaultdict(list)
    for mention in ordered:
        actors, place = _actor_keys(mention, redirect), _place_key(mention, redirect)
        keys = _blocking_keys(mention, actors, place)
        candidates = sorted(set().union(*(index[key] for key in keys)))
        for i in candidates:
            reason = _compatible(clusters[i], mention, actors, place)
            if reason:
                _absorb(clusters[i], mention, actors, place, reason)
                target = i
                break
        else:
            clusters.append(
                _Cluster(
                    [mention],
                    set(actors),
                    {place} if place else set(),
                    mention.time.begin,
                    mention.time.last,
                    mention.time.granularity,
                )
            )
            target = len(clusters) - 1
        for key in keys:
            found = index[key]
            if not found or found[-1] != target:
                found.append(target)
    events = [_to_event(c, redirect, labels) for c in clusters]
    return sorted(events, key=lambda e: (e.begin, e.last, e.key))


def _to_event(cluster: _Cluster, redirect: dict[str, str], labels: dict[str, str]) -> Event:
    first = cluster.mentions[0]
    types = Counter(m.event_type for m in cluster.mentions)
    event_type = min(types, key=lambda t: (t == SAYING, t == FALLBACK, -types[t], t))
    actors = tuple(sorted(cluster.actors))
    places = tuple(sorted(cluster.places))
    roles = tuple(
        sorted(
            {
                (redirect.get(a.key, a.key), a.role)
                for m in cluster.mentions
                for a in m.actors
                if a.role
            }
        )
    )
    digest = hashlib.sha1(
        f"{first.article}\n{first.sentence}\n{first.time.text}".encode()
    ).hexdigest()[:8]
    when = "undated" if cluster.granularity == UNKNOWN_TIME else str(cluster.begin)
    key = f"event/{when}-{event_type.lower()}-{digest}"
    names = [labels.get(a, a) for a in actors if not a.startswith("country/")] or [
        labels.get(a, a) for a in actors
    ]
    label = f"{event_type}: {', '.join(names[:3])}"
    if places:
        label += f" ({labels.get(places[0], places[0])})"
    return Event(
        key=key,
        label=label,
        event_type=event_type,
        begin=cluster.begin,
        last=cluster.last,
        granularity=cluster.granularity,
        actors=actors,
        places=places,
        topics=tuple(sorted({t for m in cluster.mentions for t in m.topics})),
        mentions=tuple(cluster.mentions),
        merge_reason="; ".join(cluster.reasons) or None,
        roles=roles,
    )
