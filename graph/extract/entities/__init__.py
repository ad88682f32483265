"""Extract stage, part 1: sentences, entity mentions and role phrases.

Requires: an ``Article`` with clean ``body`` and a ``language``; a spaCy
pipeline with ``ner`` and sentence boundaries (:func:`graph.extract.nlp.load_model`);
the knowledge base (:func:`graph.kb.default_kb`).

Adds: one :class:`AnalysedSentence` per sentence with its entity mentions
(knowledge-base matches first, then named entities the knowledge base does not
know), demonyms read as countries ("l'armée russe" -> Russia), capitals read
as governments unless used as a location ("selon Pékin" -> China, "à Pékin" ->
Beijing), and role phrases ("le ministre chinois de la Défense") with the
person they name when an apposition gives it.

Assumptions: mentions never cross sentence boundaries; a knowledge-base match
beats an overlapping NER span; NER spans that do not start with a capital
letter, contain digits or are longer than six tokens are dropped as noise.

Modules, each importing only those listed before it:

- :mod:`.common`: mention kinds, the model's labels, quotes and hyphens, node keys;
- :mod:`.places`: locatives ("à Pékin"), rubrics and datelines, places that are
  organisations ("according to Nordvik");
- :mod:`.things`: named craft, missions, gatherings and storms (:data:`THING_NOUNS`);
- :mod:`.eventnames`: names given to events ("l'exercice « Aurore »"), and repeated;
- :mod:`.matchers`: phrase matchers and role regexes built from the knowledge base;
- :mod:`.roles`: role phrases, their country and the person an apposition gives;
- :mod:`.names`: names from the knowledge base and the model and their repair
  rules (coordinated names, possessive institutions, hyphens, acronyms, repeated
  names, lone surnames);
- :mod:`.sentences`: :func:`analyse`, spans of a doc and the mentions they make.

This package re-exports what other modules and the tests import from it.
"""

from graph.extract.entities.common import ACTOR_KINDS, entity_key
from graph.extract.entities.eventnames import EVENT_NAME_LABEL, _repeat_event_names, event_nouns
from graph.extract.entities.names import _link_surnames, _repeat_names, _saying_words, _speaker
from graph.extract.entities.sentences import _mention, analyse
from graph.extract.entities.things import THING_LABEL, THING_NOUNS
from graph.types import AnalysedSentence, RoleMention

__all__ = [
    "ACTOR_KINDS",
    "EVENT_NAME_LABEL",
    "THING_LABEL",
    "THING_NOUNS",
    "AnalysedSentence",
    "RoleMention",
    "_link_surnames",
    "_mention",
    "_repeat_event_names",
    "_repeat_names",
    "_saying_words",
    "_speaker",
    "analyse",
    "entity_key",
    "event_nouns",
]
