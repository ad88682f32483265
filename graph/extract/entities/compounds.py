"""Extract: the countries of a compound adjective ("sino-russe", "Franco-German",
"l'expédition norvégo-islandaise").

Requires the sentence's mentions and the knowledge base's combining forms
(``graph/data/combining_forms.tsv``: "sino" is China) and demonyms. Gives a
country mention for each part of a hyphenated chain of combining forms that
ends in a demonym ("sino-russes": China and Russia; "Sino-Russian": China, the
model having found "Russian"). A chain that ends in no demonym names no country
("Indo-Pacific", "anglo-saxon").
"""

from __future__ import annotations

import re
from typing import Final

from graph.kb import KnowledgeBase
from graph.types import EntityMention

__all__ = ["compound_countries"]

_CHAIN: Final = re.compile(r"(?<![\w-])(?:[^\W\d_]+-)+[^\W\d_]+(?![\w-])")
_PART: Final = re.compile(r"[^\W\d_]+")


def compound_countries(
    text: str, mentions: list[EntityMention], kb: KnowledgeBase, language: str
) -> list[EntityMention]:
    """``mentions`` with the countries of the sentence's compound adjectives
    added where no mention stands, in text order."""
    if "-" not in text or not kb.combining_forms:
        return mentions
    added = [
        part
        for chain in _CHAIN.finditer(text)
        for part in _chain_countries(chain, kb, language)
        if not any(m.start < part.end and part.start < m.end for m in mentions)
    ]
    return sorted(mentions + added, key=lambda m: (m.start, m.end)) if added else mentions


def _chain_countries(chain: re.Match[str], kb: KnowledgeBase, language: str) -> list[EntityMention]:
    parts = list(_PART.finditer(chain.group(0)))
    *firsts, last = parts
    keys = [kb.combining_forms.get(p.group(0).casefold()) for p in firsts]
    demonyms = kb.demonyms.get(language, {})
    tail = demonyms.get(last.group(0)) or demonyms.get(last.group(0).lower())
    if tail is None or None in keys:
        return []
    found = [(p, key) for p, key in zip(firsts, keys, strict=True) if key is not None]
    found.append((last, tail))
    return [_mention(chain.start() + p.start(), p.group(0), key, kb) for p, key in found]


def _mention(start: int, text: str, key: str, kb: KnowledgeBase) -> EntityMention:
    label = kb.entities[key].label
    return EntityMention(text, start, start + len(text), "country", f"country/{key}", label)
