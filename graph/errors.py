"""The project's exceptions, one tree.

Every error storygraph raises on purpose derives from :class:`StorygraphError`,
so a caller can catch the whole family with one ``except``::

    StorygraphError
    ├── InputError            an input file or record that is not an article
    │   ├── EmptyInput        nothing left once page furniture is removed
    │   ├── BinaryInput       NUL bytes, a PDF/image/archive, undecodable bytes
    │   ├── TooLarge          bigger than the per-article size limit
    │   ├── UnreadableInput   missing, vanished, broken link, no permission
    │   └── BadRecord         a .json/.jsonl record that cannot be parsed
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


class ConfigError(StorygraphError):
    """A configuration file or option that is invalid."""


class QueryError(StorygraphError):
    """A graph query that is malformed or cannot be run."""


class StoreError(StorygraphError):
    """The graph could not be found or read; the message names the path and the fix."""


class PushError(StorygraphError):
    """The endpoint refused a graph or could not be reached (one-line message)."""
