"""What is built once per model, knowledge base and language: phrase matchers of
the names and demonyms the knowledge base knows, and the regex of its role patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from graph.kb import KnowledgeBase
from graph.languages import BY_CODE
from graph.text import trie_alternation


@dataclass(frozen=True)
class _Matchers:
    names: PhraseMatcher
    demonyms_exact: PhraseMatcher
    demonyms_lower: PhraseMatcher
    roles: re.Pattern[str]
    role_names: tuple[tuple[str, str, str], ...]  # (group name, role, pattern kind)
    role_heads: re.Pattern[str]  # cheap test: could the sentence hold a role phrase?
    kb: KnowledgeBase
    language: str


def _name_variants(alias: str) -> set[str]:
    """The alias as written, capitalised at a sentence start, and, for a name
    of several words, with only its first word capitalised: news copy writes
    "the Nordvik fisheries council" for "Nordvik Fisheries Council".

    >>> sorted(_name_variants("Nordvik Fisheries Council"))
    ['Nordvik Fisheries Council', 'Nordvik fisheries council']
    >>> sorted(_name_variants("conseil de Nordvik"))
    ['Conseil de Nordvik', 'conseil de Nordvik']
    """
    variants = {alias}
    if alias[:1].islower():
        variants.add(alias[:1].upper() + alias[1:])
    first, _, rest = alias.partition(" ")
    if rest and first[:1].isupper() and any(w[:1].isupper() for w in rest.split()):
        variants.add(f"{first} {rest.lower()}")
    return variants


@lru_cache(maxsize=8)
def _matchers(nlp: Language, kb: KnowledgeBase, language: str) -> _Matchers:
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    for alias, key in sorted(kb.surface_forms.items()):
        names.add(key, [nlp.make_doc(v) for v in sorted(_name_variants(alias))])
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    match_case = BY_CODE[language].entities.demonyms_match_case
    for form, key in sorted(kb.demonyms[language].items()):
        # English demonyms are always capitalised; French ones are lower-case
        # adjectives or capitalised nouns ("les Russes"), so match them caselessly
        # ([entities] demonyms_match_case of the language file).
        (exact if match_case else lower).add(key, [nlp.make_doc(form)])
    roles, role_names = _role_regex(kb, language)
    heads = _role_heads(kb, language)
    return _Matchers(names, exact, lower, roles, role_names, heads, kb, language)


def _role_regex(
    kb: KnowledgeBase, language: str
) -> tuple[re.Pattern[str], tuple[tuple[str, str, str], ...]]:
    # tries: 172 countries' demonyms in four forms made an alternation each role
    # pattern tried word by word
    country_names = [alias for alias, _ in kb.country_name_forms()]
    attributive = BY_CODE[language].entities.attributive_country_names
    before_a_role = [*kb.demonyms[language], *(country_names if attributive else ())]
    dem = "(?P<dem{n}>" + trie_alternation(before_a_role) + ")"
    cty = "(?P<cty{n}>" + trie_alternation(country_names) + ")"
    parts: list[str] = []
    names: list[tuple[str, str, str]] = []
    for role in kb.roles:
        for pattern in role.patterns.get(language, ()):
            n = len(names)
            body = (
                re.escape(pattern)
                .replace(r"\{DEM\}", dem.format(n=n))
                .replace(r"\{COUNTRY\}", cty.format(n=n))
            )
            parts.append(f"(?P<r{n}>{body})")
            names.append((f"r{n}", role.role, str(n)))
    regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    return regex, tuple(names)


def _role_heads(kb: KnowledgeBase, language: str) -> re.Pattern[str]:
    words = {
        word
        for role in kb.roles
        for pattern in role.patterns.get(language, ())
        for word in re.findall(r"[^\W\d_]{4,}", re.sub(r"\{[A-Z]+\}", " ", pattern))
    }
    return re.compile("|".join(sorted(map(re.escape, words))) or "(?!)", re.IGNORECASE)
