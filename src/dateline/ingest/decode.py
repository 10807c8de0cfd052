"""Bytes to text: UTF-8 first, then byte-order marks, then charset detection.

News files in the wild are mostly UTF-8, but archives and older feeds still carry
Latin-1/Windows-1252 bytes. Decoding those as UTF-8 with replacement characters
would corrupt names ("Müller" -> "M�ller"), so when strict UTF-8 fails we ask
``charset_normalizer`` (a trafilatura dependency) for the most plausible encoding.
Binary data (images, archives, executables) is recognised before any decoding so
that it becomes a clear E002 error instead of a page of mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from dateline.errors import ErrorCode, message

# Signatures of common binary formats a news directory may contain by accident.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 media"),
    (b"\x00\x00\x00\x20ftyp", "MP4 media"),
)

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SNIFF = 8192


@dataclass(slots=True)
class Decoded:
    """The text of some bytes, or the coded reason there is none."""

    text: str | None
    encoding: str | None
    error: str | None = None


def binary_signature(data: bytes) -> str | None:
    """A short description if ``data`` starts like a binary file, else None."""
    head = data[:_SNIFF]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text legitimately contains NUL bytes
    if b"\x00" in head:
        return "contains NUL bytes"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes, if valid."""
    match = _META_CHARSET.search(data[:4096]) or re.search(
        rb"""<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""", data[:256]
    )
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text; never raises.

    Order: binary signature (error) -> BOM -> strict UTF-8 -> the declared charset
    (HTML meta / XML prolog) -> charset detection -> error.
    """
    if not data:
        return Decoded(text="", encoding="utf-8")
    signature = binary_signature(data)
    if signature:
        return Decoded(None, None, message(ErrorCode.BINARY, detail=signature))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                return Decoded(None, None, message(ErrorCode.BAD_ENCODING, detail=str(exc)))
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = str(exc)
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    western = _western_text(data)
    if western is not None:
        return Decoded(western, "cp1252")
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        try:
            return Decoded(data.decode(best.encoding), best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return Decoded(None, None, message(ErrorCode.BAD_ENCODING, detail=utf8_error))


def _western_text(data: bytes) -> str | None:
    """The text as Windows-1252 when that reading is plausible, else None.

    Statistical detectors misjudge short Western texts (a Latin-1 "café" comes out
    as Baltic or Central European code pages), so the common case is decided
    first: English or Western European text whose few non-ASCII letters are
    accented Latin ones. Single-byte Cyrillic or Greek text also decodes as
    Windows-1252, but then nearly every letter is non-ASCII; those go to the detector.
    """
    # Bytes that Windows-1252 leaves undefined (0x81, 0x8D, ...) decode as Latin-1
    # code points, as browsers do.
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    letters = [ch for ch in text[:65536] if ch.isalpha()]
    if not letters:
        return text
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    return text if non_ascii / len(letters) < 0.3 else None
