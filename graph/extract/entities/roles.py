"""Role phrases ("le ministre chinois de la Défense", "son homologue russe"): the
country they name, and the person an apposition gives.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from graph.extract.entities.common import entity_key
from graph.extract.entities.gazetteer import is_city
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
            country = _country_of(dem, cty, countries, demonyms, kb)
            if dem and country is None:
                break  # "us president": a pronoun, not the US; no role either
            found.append(RoleMention(role, country, match.start(), match.end(), match.group(0)))
            break
    return found


def _country_of(
    dem: str | None,
    cty: str | None,
    countries: dict[str, str],
    demonyms: dict[str, str],
    kb: KnowledgeBase,
) -> str | None:
    """The country a role phrase names: by its demonym, its name after the role
    ("President of France"), or its name before it, written as the country is
    ("US President", never "us president": the regex matched caselessly)."""
    if cty:
        return countries.get(fold(cty))
    if not dem:
        return None
    return demonyms.get(fold(dem)) or _written_names(kb).get(dem)


@lru_cache(maxsize=2)
def _written_names(kb: KnowledgeBase) -> dict[str, str]:
    return dict(kb.country_name_forms())


def holders_in_apposition(
    text: str, roles: list[RoleMention], mentions: list[EntityMention], kb: KnowledgeBase
) -> list[EntityMention]:
    """ "le ministre indien de la Défense, Arjun Mehra, a signé": a name of two
    words or more between commas right after a post is the person holding it,
    whatever kind the model read, unless the knowledge base or GeoNames knows
    it as something else."""
    ends = {r.end for r in roles}
    return [
        replace(m, kind="person", key=entity_key("person", m.text))
        if m.kind in ("place", "organization") and _in_apposition(text, m, ends)
        and len(m.text.split()) >= 2 and m.key.split("/", 1)[1] not in kb.entities
        and not is_city(m.text) else m
        for m in mentions
    ]  # fmt: skip


def _in_apposition(text: str, mention: EntityMention, role_ends: set[int]) -> bool:
    before, after = text[: mention.start], text[mention.end :]
    stripped = before.rstrip()
    return (
        stripped.endswith(",")
        and len(stripped) - 1 in role_ends
        and after.lstrip().startswith((",", ")"))
    )


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
