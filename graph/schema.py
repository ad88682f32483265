"""Names of the networkx graph's node kinds, attributes and edge relations.

The graph ``G`` built by :mod:`graph.assemble` is the one model every exporter
reads (RDF, HTML, GraphML, Neo4j CSV), so its keys are named here once.

Node ids are stable strings ``"<kind>/<slug>"`` (``"event/2024-10-14-meeting-1a2b3c4d"``,
``"person/jane-doe"``); the RDF exporter turns them into IRIs under
:data:`BASE_IRI`.

Node attributes (all values are str, int, float, bool or tuples of str, so the
graph serialises to GraphML/JSON without conversion):

- every node: ``KIND``, ``LABEL``
- article: ``HEADLINE``, ``PUBLISHER``, ``AUTHOR``, ``PUBLISHED`` (ISO date or ""),
  ``PUBLISHED_HOW``, ``PUBLISHED_EVIDENCE``, ``SOURCE``, ``URL``, ``LANGUAGE``
- event: ``BEGIN``, ``END`` (ISO dates), ``GRANULARITY``, ``DATE_TEXT`` (as the
  text supports it, e.g. "May 2024"), ``EVENT_TYPE``, ``EVIDENCE`` (tuple of
  sentences), ``DATE_AUDIT`` (tuple of "words | anchor | rule | conflict"),
  ``MERGE_REASON``, ``STORY`` (its episode's node id)
- person/organization/country/thing/place: ``ALIASES`` (tuple of surface forms),
  ``WIKIDATA`` (IRI or "")
- topic: ``LABEL`` is the preferred label; ``CONCEPT`` is the SKOS concept IRI
- story (an episode: one happening told by one or more articles): ``LABEL``
- storyline (one subject over time, made of episodes): ``LABEL``

Edges (``REL`` attribute on a MultiDiGraph edge):

- event -> actor node: ``ACTOR`` (with ``ROLE`` when the sentence gives one)
- event -> place: ``PLACE``
- event -> topic: ``SUBJECT``
- event -> article: ``DERIVED_FROM`` (one per reporting article, with ``EVIDENCE``)
- story -> event: ``SUB_EVENT``
- story -> article: ``HAS_ARTICLE``
- storyline -> story: ``SUB_EVENT`` (its episodes)
- storyline -> storyline: ``RELATED_STORY`` (a related subject, both ways; never a sub-event)
- event -> event: ``NEXT`` (consecutive events of one storyline, time order)
- article -> entity: ``MENTIONS`` (every actor or place the article names)
"""

from __future__ import annotations

BASE_IRI = "https://storygraph.example.org/id/"
ONTOLOGY_IRI = "https://storygraph.example.org/ontology#"

# node kinds
ARTICLE = "article"
EVENT = "event"
STORY = "story"
STORYLINE = "storyline"
PERSON = "person"
ORGANIZATION = "organization"
COUNTRY = "country"
THING = "thing"  # a named craft, mission, gathering or storm that takes part in events
PLACE_KIND = "place"
TOPIC = "topic"
ACTOR_KINDS = (PERSON, ORGANIZATION, COUNTRY, THING)

# node attributes
KIND = "kind"
LABEL = "label"
HEADLINE = "headline"
PUBLISHER = "publisher"
AUTHOR = "author"
PUBLISHED = "published"
PUBLISHED_HOW = "published_how"
PUBLISHED_EVIDENCE = "published_evidence"
SOURCE = "source"
URL = "url"
LANGUAGE = "language"
BEGIN = "begin"
END = "end"
GRANULARITY = "granularity"
DATE_TEXT = "date_text"
DATING = "dating"  # how the event was dated: one of DATING_METHODS
EVENT_TYPE = "event_type"
EVIDENCE = "evidence"
DATE_AUDIT = "date_audit"
MERGE_REASON = "merge_reason"
STORY_OF = "story"
ALIASES = "aliases"
WIKIDATA = "wikidata"
CONCEPT = "concept"

# edge attributes and relations
REL = "rel"
ROLE = "role"
ACTOR = "actor"
PLACE = "place"
SUBJECT = "subject"
DERIVED_FROM = "derived_from"
SUB_EVENT = "sub_event"
HAS_ARTICLE = "has_article"
NEXT = "next"
RELATED_STORY = "related_story"
MENTIONS = "mentions"
RELATIONS = (ACTOR, PLACE, SUBJECT, DERIVED_FROM, SUB_EVENT, HAS_ARTICLE, NEXT, RELATED_STORY,
             MENTIONS)  # fmt: skip

# how an event was dated, best first: a date of its own in the sentence, the
# time of the dated event it goes on telling, the time of its report
OWN_DATE = "own-date"
DISCOURSE_TIME = "discourse-time"
REPORT_TIME = "report-time"
UNKNOWN_TIME = "unknown-time"  # a report that dates nothing: the event is kept, undated
DATING_METHODS = (OWN_DATE, DISCOURSE_TIME, REPORT_TIME, UNKNOWN_TIME)
