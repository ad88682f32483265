"""Input files to text: walking folders, loading bytes within the size limit,
telling binary files apart, decoding and normalising text.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

from graph.errors import BinaryInput, EmptyInput, InputError, TooLarge, UnreadableInput

_SIGNATURES = (
    (b"%PDF", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"), (b"GIF89a", "GIF"), (b"PK\x03\x04", "ZIP"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!", "RAR"), (b"\x7fELF", "ELF"),
    (b"SQLite format 3\x00", "SQLite"), (b"\xd0\xcf\x11\xe0", "MS Office"),
)  # fmt: skip
# C0/C1 control characters except \t and \n, the BOM and the replacement character
_CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), *range(127, 160), 0xFEFF, 0xFFFD])
# the same characters but the BOM, as a regex (counted in C, not a Python loop per character)
_GARBAGE = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROL if c != 0xFEFF) + "]")


def _walk_inputs(inputs: Sequence[str | Path]) -> Iterator[tuple[Path, Path]]:
    """Pairs (input root, file); the root makes the article's relative source name."""
    for item in inputs:
        if str(item) == "-":
            continue
        path = Path(item)
        if path.is_dir():
            yield from ((path, found) for found in _walk_folder(path))
        else:
            yield path.parent, path


def _walk_folder(folder: Path) -> list[Path]:
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=True):
        key = _dir_key(dirpath)
        if key is None or key in seen:
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found += [Path(dirpath, name) for name in filenames if not name.startswith(".")]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def _dir_key(dirpath: str) -> tuple[int, int] | None:
    try:
        info = os.stat(dirpath)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def file_hash(source: str, data: bytes) -> str:
    """SHA-256 (hex) of a file's source name and raw bytes."""
    return hashlib.sha256(source.encode("utf-8") + b"\x00" + data).hexdigest()


def _load_bytes(path: Path, label: str, max_bytes: int) -> bytes | InputError:
    """The file's bytes, checked against the size limit before and while reading."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return UnreadableInput(label, "not a regular file; name article files or folders")
        if info.st_size > max_bytes:
            return _too_large(label, info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return UnreadableInput(label, "file not found (vanished, or a broken link); check the path")
    except PermissionError:
        return UnreadableInput(label, "permission denied; make the file readable")
    except OSError as exc:
        return UnreadableInput(label, f"cannot read it ({exc.strerror or exc})")
    return _too_large(label, len(data), max_bytes) if len(data) > max_bytes else data


def _too_large(label: str, size: int, max_bytes: int) -> TooLarge:
    return TooLarge(
        label, f"{size} bytes, over the {max_bytes}-byte limit; split it or raise max_bytes"
    )


def decode_bytes(data: bytes, label: str) -> str | InputError:
    """Decode a file's bytes to normalised text, or say why they are not an article.

    UTF-16 with a BOM and UTF-8 (BOM or not) are read as such; other bytes as
    cp1252. NUL bytes (more than 2 %), a known binary signature, or more than
    5 % control or undecodable characters make a :class:`BinaryInput`.
    """
    if not data.strip():
        return EmptyInput(label, "empty or whitespace-only file")
    kind = next((name for magic, name in _SIGNATURES if data.startswith(magic)), None)
    if kind:
        return BinaryInput(label, f"binary file ({kind}), not an article")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    elif _looks_nul_padded(data):
        return BinaryInput(label, "binary file (NUL bytes), not an article")
    else:
        text = _decode_8bit(data)
    garbage = len(_GARBAGE.findall(text))
    if garbage * 20 > len(text):
        return BinaryInput(label, "binary file (mostly undecodable bytes), not an article")
    text = normalise_text(text)
    return (
        text if text.strip() else EmptyInput(label, "no text once control characters are removed")
    )


def _looks_nul_padded(data: bytes) -> bool:
    """More than a few NUL bytes, over 2 %: binary; a stray NUL in a text is only stripped."""
    nuls = data.count(b"\x00")
    return nuls > 3 and nuls * 50 > len(data)


def _decode_8bit(data: bytes) -> str:
    utf8 = data.decode("utf-8-sig", errors="replace")
    broken = utf8.count("\ufffd")
    if broken == 0:
        return utf8
    multibyte = sum(1 for char in utf8 if ord(char) > 127) - broken
    # a few broken sequences in a UTF-8 text are glitches, not another encoding
    return utf8 if multibyte >= 4 * broken else data.decode("cp1252", errors="replace")


def normalise_text(text: str) -> str:
    r"""Unify line endings, apply NFC, drop control characters but ``\n`` and ``\t``.

    >>> normalise_text("a\r\nb\rc\x00d\u2028e")
    'a\nb\ncd\ne'
    """
    text = re.sub(r"\r\n?|[\u2028\u2029\x85]", "\n", text)
    return unicodedata.normalize("NFC", text).translate(_CONTROL)
