"""Role phrases ("le ministre chinois de la Défense", "son homologue russe"): the
country they name, and the person an apposition gives.
"""

from __future__ import annotations

from functools import lru_cache

from graph.extract.entities.matchers import _Matchers
from graph.kb import KnowledgeBase
from graph.text import fold
from graph.types import EntityMention, RoleMention


@lru_cache(maxsize=8)
def _country_words(kb: KnowledgeBase, language: str) -> tuple[dict[str, str], dict[str, str]]:
    """Folded country names and demonyms -> country key (built once per language)."""
    countries = {fold(a): k for a, k in kb.country_name_forms()}
    demonyms = {fold(f): k for f, k in kb.demonyms[language].items()}
    return countries, demonyms


def _roles(sentence: str, m: _Matchers, kb: KnowledgeBase, language: str) -> list[RoleMention]:
    if not m.role_heads.search(sentence):
        return []
    countries, demonyms = _country_words(kb, language)
    found = []
    for match in m.roles.finditer(sentence):
        for group, role, n in m.role_names:
            if match.group(group) is None:
                continue
            dem, cty = match.groupdict().get("dem" + n), match.groupdict().get("cty" + n)
            country = demonyms.get(fold(dem)) if dem else countries.get(fold(cty)) if cty else None
            found.append(RoleMention(role, country, match.start(), match.end(), match.group(0)))
            break
    return found


def _attach_appositions(
    roles: list[RoleMention], mentions: list[EntityMention]
) -> list[RoleMention]:
    """ "le ministre portugais de la Défense, Paulin Marchetti" names the holder of the role."""
    people = [m for m in mentions if m.kind == "person"]
    attached = []
    for role in roles:
        after = [p for p in people if 0 <= p.start - role.end <= 3]
        before = [p for p in people if 0 <= role.start - p.end <= 3]
        person = (after or before)[0] if after or before else None
        attached.append(
            RoleMention(
                role.role,
                role.country,
                role.start,
                role.end,
                role.text,
                person.key if person else None,
            )
        )
    return attached
