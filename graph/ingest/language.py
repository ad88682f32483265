"""Language of an article: a stated code kept when supported, else detected with py3langid."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from graph.languages import CODES

SUPPORTED_LANGUAGES = CODES  # the registry's, graph/data/languages/*.toml
DEFAULT_LANGUAGE = "en"  # for text with no evidence either way


def _language_code(value: str | None) -> str | None:
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else None


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    full.set_languages(list(SUPPORTED_LANGUAGES))
    # set_languages keeps the full model (97 languages, some 25 MB) beside the
    # columns of ours: a new identifier of only those lets it go, for the
    # whole of a build that reads in the same process as it resolves
    return LanguageIdentifier(full.nb_ptc, full.nb_pc, full.nb_classes, full.tk_nextmove,
                              full.tk_output, norm_probs=True, tk_row=full.tk_row)  # fmt: skip


def release_model() -> None:
    """Let the identifier's model go (some 50 MB): for a build that reads no
    more articles, before the whole-graph stages; the next detection loads it again."""
    _identifier.cache_clear()


def detect_language(text: str) -> str:
    """The language of ``text`` among :data:`SUPPORTED_LANGUAGES` (the registry's codes).

    py3langid restricted to the supported set, on the first 1,000 characters
    (some 150 words: ample to tell the supported languages apart, at a sixth of
    the cost of a whole article, which the build pays per article).
    Text with no letters, or on which the model has no evidence either way,
    gets :data:`DEFAULT_LANGUAGE` ("en").

    >>> detect_language("Le ministre a déclaré lundi que les deux pays coopéreront.")
    'fr'
    >>> detect_language("1234")
    'en'
    """
    sample = text[:1_000]
    if not re.search(r"[^\W\d_]", sample):
        return DEFAULT_LANGUAGE
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence > 0.5 else DEFAULT_LANGUAGE
