"""The project's exceptions, one tree.

Every error storygraph raises on purpose derives from :class:`StorygraphError`,
so a caller can catch the whole family with one ``except``::

    StorygraphError
    ├── InputError            an input file or record that is not an article
    │   ├── EmptyInput        nothing left once page furniture is removed
    │   ├── BinaryInput       NUL bytes, a PDF/image/archive, undecodable bytes
    │   ├── TooLarge          bigger than the per-article size limit
    │   ├── UnreadableInput   missing, vanished, broken link, no permission
    │   ├── BadRecord         a .json/.jsonl record that cannot be parsed
    │   └── FailedInput       reading or extracting it raised an unexpected exception
    ├── ConfigError           a configuration file or option that is invalid
    ├── QueryError            a graph query that is malformed, refused or badly parameterised
    ├── StoreError            a built graph or store that cannot be found or read
    └── PushError             an endpoint that refused a graph or cannot be reached

Ingest does not raise :class:`InputError` for a bad file: it yields the error
object in place of the article, and the caller logs it, counts it and goes on.
The message of every error names the input and says what to do about it.
"""

from __future__ import annotations


class StorygraphError(Exception):
    """Base class of every error raised on purpose by storygraph."""


class InputError(StorygraphError):
    """An input that cannot become an article.

    Args:
        path: the file (or ``file#line`` for a record) as the user named it.
        reason: what is wrong and, where there is one, the fix.

    ``str()`` gives one line: ``"seeds/x.pdf: skipped: binary file (PDF), not an article"``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: skipped: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # a worker process sends its failures back pickled; the default would
        # call __init__ with the one-line message alone
        return type(self), (self.path, self.reason)


class EmptyInput(InputError):
    """The input is empty, whitespace only, or only page furniture."""


class BinaryInput(InputError):
    """The input is binary (NUL bytes, a known file signature, undecodable bytes)."""


class TooLarge(InputError):
    """The input is bigger than the per-article size limit."""


class UnreadableInput(InputError):
    """The input cannot be read: missing, vanished, broken link or no permission."""


class BadRecord(InputError):
    """A JSON record (or a JSON line) that cannot be parsed or is not an object."""


class FailedInput(InputError):
    """Reading or extracting the input raised an exception nobody expected.

    The message names the exception; when it is a missing optional component
    (an import that failed), it names the package to install instead.
    """

    @classmethod
    def from_exception(cls, path: str, stage: str, exc: BaseException) -> FailedInput:
        """The one-line error for ``exc``, raised while ``stage`` (reading,
        extraction) worked on ``path``."""
        return cls(path, failure_reason(stage, exc))


# Modules whose import fails with a message rather than a module name (lxml 5.2+
# raises a plain ImportError for its cleaner), and the package that brings them.
_COMPONENT_PACKAGES = {"lxml.html.clean": "lxml_html_clean", "lxml_html_clean": "lxml_html_clean"}


def failure_reason(stage: str, exc: BaseException) -> str:
    r"""Why an input failed, on one line, naming the fix for a missing component.

    >>> failure_reason("reading", ModuleNotFoundError("No module named 'justext'", name="justext"))
    "reading failed: a component is missing (No module named 'justext'); install justext"
    >>> failure_reason("extraction", ValueError("bad\nvalue"))
    'extraction failed (ValueError: bad value)'
    """
    text = " ".join(str(exc).split())
    if isinstance(exc, ImportError):
        return f"{stage} failed: a component is missing ({text}); install {_package(exc, text)}"
    return f"{stage} failed ({type(exc).__name__}: {text})"


def _package(exc: ImportError, text: str) -> str:
    for module, package in _COMPONENT_PACKAGES.items():
        if exc.name == module or module in text:
            return package
    if exc.name:
        return exc.name.split(".")[0]
    return "the package it names (pip install -e . installs every dependency)"


class ConfigError(StorygraphError):
    """A configuration file or option that is invalid."""


class QueryError(StorygraphError):
    """A graph query that is malformed or cannot be run."""


class StoreError(StorygraphError):
    """The graph could not be found or read; the message names the path and the fix."""


class PushError(StorygraphError):
    """The endpoint refused a graph or could not be reached (one-line message)."""
