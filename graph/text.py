"""Text keys shared by the stages: accent folding, slugs, spelling-insensitive name keys,
and whether an offset of a text lies in one of its spans.

Pure functions of a string, used where names are matched (extract), merged
(resolve) and turned into IRIs (assemble, export).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["fold", "in_spans", "is_owned_name", "owned_name", "slug", "translit_key"]


# names and words recur across sentences and articles: fold each once
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and strip accents, for accent- and case-insensitive matching.

    >>> fold("Grigoï Chouvaline")
    'grigoi chouvaline'
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_TRANSLIT = (
    ("tch", "c"),
    ("ch", "s"),
    ("sh", "s"),
    ("kh", "k"),
    ("zh", "j"),
    ("dj", "j"),
    ("oo", "o"),
    ("ou", "u"),
    ("iy", "i"),
    ("yi", "i"),
    ("ii", "i"),
    ("y", "i"),
    ("ss", "s"),
    ("ff", "f"),
    ("w", "v"),
)


@lru_cache(maxsize=1 << 16)  # the same names and sources are slugged again and again
def slug(text: str, max_length: int = 60) -> str:
    """A stable ASCII slug for a name, safe in an IRI path (and a Turtle local name).

    >>> slug("Grigoï Chouvaline")
    'grigoi-chouvaline'
    >>> slug("习近平").startswith("x-")
    True
    """
    ascii_text = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    if not ascii_text:
        return "x-" + digest
    if len(ascii_text) > max_length:
        return ascii_text[:max_length].rstrip("-") + "-" + digest
    return ascii_text


def translit_key(name: str) -> str:
    """A spelling-insensitive key for names transliterated differently by language.

    French and English spell names from Cyrillic, Arabic or Chinese differently
    ("Chouvaline"/"Shuvalin", "Tarkovski"/"Tarkovskiy", "Koudrine"/"Kudrin");
    this key folds the usual correspondences so such spellings meet.

    >>> translit_key("Grigori Chouvaline") == translit_key("Grigory Shuvalin")
    True
    >>> translit_key("Pavel Koudrine") == translit_key("Pavel Kudrin")
    True
    >>> translit_key("Jane Doe") == translit_key("John Doe")
    False
    """
    words = []
    for word in re.findall(r"[a-z]+", fold(name)):
        for old, new in _TRANSLIT:
            word = word.replace(old, new)
        word = re.sub(r"ine$", "in", word)
        words.append(re.sub(r"(?<=\w{4})s$", "", word))  # Georges/George
    return " ".join(words)


def owned_name(name: str, owner: str) -> str:
    """The name of an institution that only its owner tells apart ("Defence
    Ministry" of Russia), the label of its entity whatever the text says.

    >>> owned_name("Defence Ministry", "Russia")
    'Defence Ministry (Russia)'
    """
    return f"{name} ({owner})"


def is_owned_name(label: str, name: str) -> bool:
    """Whether ``label`` is ``name`` with its owner (:func:`owned_name`).

    >>> is_owned_name("Defence Ministry (Russia)", "Defence Ministry")
    True
    """
    return label.startswith(f"{name} (") and label.endswith(")")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as written, the longest first (so that "les"
    is tried before "le"), ties in alphabetical order.

    >>> alternation(["le", "les", "l'"])
    "les|l'|le"
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_Trie = dict[str, "_Trie"]  # a letter -> the words going on with it ("" ends one)


def trie_alternation(words: Iterable[str]) -> str:
    r"""A regex matching any of ``words`` (lower-cased: for a caseless regex), as a trie: one
    branch per first letter, so a caseless regex tries a few branches where the
    plain alternation of a thousand demonyms tried each in turn. A word and its
    longer continuations match the longer first, as :func:`alternation` orders them.

    >>> trie_alternation(["le", "les", "la"])
    'l(?:a|e(?:s)?)'
    >>> import re
    >>> regex = re.compile(trie_alternation(["Corée", "Corée du Sud"]), re.IGNORECASE)
    >>> [m[0] for m in regex.finditer("Corée du Sud, Corée")]
    ['Corée du Sud', 'Corée']
    """
    trie: _Trie = {}
    for word in {w.lower() for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_regex(trie)


def _trie_regex(node: _Trie) -> str:
    branches = [
        re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


LEAD_PARAGRAPHS = 2
"""The headline line and the first paragraph (by :func:`paragraphs`): where a
report leads with its newest happening."""


def paragraphs(body: str) -> list[str]:
    r"""The paragraphs of an article's body: its non-empty lines, stripped. The
    extract stage numbers sentences' paragraphs by this list, and ingest the
    paragraphs of the posts a page embeds (the two must count alike).

    >>> paragraphs("Titre\n\n  Un.  \nDeux")
    ['Titre', 'Un.', 'Deux']
    """
    return [line.strip() for line in body.split("\n") if line.strip()]


def in_spans(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of the (start, end) ``spans``.

    >>> in_spans(3, [(0, 2), (3, 5)]), in_spans(5, [(3, 5)])
    (True, False)
    """
    return any(start <= offset < end for start, end in spans)
