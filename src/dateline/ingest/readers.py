"""Turn input paths (files and directories) into a stream of :class:`Article`.

Everything here is a generator: a directory of a million files or a JSONL dump of
any size streams through in constant memory, one article at a time, in a
deterministic order (directories sorted by path). No input ever raises: what
cannot be read becomes an article carrying a coded ``error``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.ingest.decode import decode_bytes
from dateline.ingest.feed import read_feed
from dateline.ingest.formats import SNIFF_BYTES, InputFormat, detect_format, sniff_format
from dateline.ingest.html import decode_html
from dateline.ingest.jsonl import article_from_object, read_jsonl
from dateline.record import PublishedBasis

STDIN = "-"
# A UTF-8 character takes at most 4 bytes: a file above 4 x max_chars bytes is
# certainly too long and is rejected without reading it.
BYTES_PER_CHAR = 4
HTML_MAX_BYTES = 64 * 1024 * 1024


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every visible file under it in sorted path order.

    Entries are sorted by name at each level and directories are entered where
    they sort, so ``a/0.txt`` < ``a/deep/1.txt`` < ``b/2.txt`` < ``z.txt``: the
    output order is the same on every machine and file system.
    """
    if not path.is_dir():
        yield path
        return
    try:
        entries = sorted(os.scandir(path), key=lambda entry: entry.name)
    except OSError:
        yield path  # read_file reports it as unreadable
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # .git, .DS_Store, editor swap files
        child = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from iter_files(child)
        elif entry.is_file():
            yield child


def read_inputs(
    paths: Iterable[Path | str],
    *,
    published: str | None = None,
    max_chars: int = 1_000_000,
) -> Iterator[Article]:
    """Articles of all ``paths`` in order; ``published`` (from the caller) overrides all dates.

    The path ``-`` reads standard input (JSONL streamed line by line; any other
    format read whole and recognised by its first bytes).
    """
    for given in paths:
        if str(given) == STDIN:
            yield from read_stream(sys.stdin.buffer, origin="<stdin>", published=published)
            continue
        for path in iter_files(Path(given)):
            yield from _guarded(path, published=published, max_chars=max_chars)


def _guarded(path: Path, *, published: str | None, max_chars: int) -> Iterator[Article]:
    """The articles of one file; a reader bug on hostile input becomes that file's error.

    The readers handle every failure they know of; this is the last line of defence
    that keeps one file from stopping a batch of thousands.
    """
    try:
        yield from read_file(path, published=published, max_chars=max_chars)
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        yield Article(id=str(path), error=message(ErrorCode.UNREADABLE, detail=detail))


def read_stream(
    stream: BinaryIO, *, origin: str, published: str | None = None
) -> Iterator[Article]:
    """Articles of an open binary stream (a pipe), format sniffed from its first bytes."""
    head = stream.read(SNIFF_BYTES)
    fmt = sniff_format(head)
    if fmt == "jsonl":
        lines = _lines(head, stream)
        yield from read_jsonl(lines, origin=origin, published=published)
        return
    yield from read_bytes(head + stream.read(), fmt, origin=origin, published=published)


def _lines(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    """The lines of ``head + stream``, streamed (``head`` was read off to sniff the format)."""
    pending = head
    for line in stream:
        pending += line
        if pending.endswith(b"\n"):
            yield from pending.splitlines(keepends=True)
            pending = b""
    if pending:
        yield from pending.splitlines(keepends=True)


def read_file(
    path: Path, *, published: str | None = None, max_chars: int = 1_000_000
) -> Iterator[Article]:
    """Articles of one file, whatever its format."""
    origin = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
        size = path.stat().st_size
    except OSError as exc:
        yield Article(id=origin, error=message(ErrorCode.UNREADABLE, detail=_os_detail(exc)))
        return
    fmt = detect_format(path, head)
    if fmt == "jsonl":
        yield from _read_jsonl_file(path, origin=origin, published=published)
        return
    if fmt == "text" and size > BYTES_PER_CHAR * max_chars:
        detail = f"more than {size // BYTES_PER_CHAR:,}"
        yield Article(
            id=origin, error=message(ErrorCode.TOO_LONG, detail=detail, limit=f"{max_chars:,}")
        )
        return
    if fmt == "html" and size > max(HTML_MAX_BYTES, BYTES_PER_CHAR * max_chars):
        # Pages carry far more markup and script than text, so their limit is on
        # bytes; the extracted text is checked against max_chars after extraction.
        detail = f"more than {size // BYTES_PER_CHAR:,}"
        yield Article(
            id=origin, error=message(ErrorCode.TOO_LONG, detail=detail, limit=f"{max_chars:,}")
        )
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Article(id=origin, error=message(ErrorCode.UNREADABLE, detail=_os_detail(exc)))
        return
    yield from read_bytes(data, fmt, origin=origin, published=published)


def read_bytes(
    data: bytes, fmt: InputFormat, *, origin: str, published: str | None = None
) -> Iterator[Article]:
    """Articles of an in-memory document in a known format (files, uploads)."""
    basis: PublishedBasis = "caller" if published is not None else "none"
    if fmt == "feed":
        yield from read_feed(data, origin=origin, published=published)
    elif fmt == "jsonl":
        yield from read_jsonl(data.splitlines(), origin=origin, published=published)
    elif fmt == "json":
        yield from _read_json(data, origin=origin, published=published)
    elif fmt == "html":
        html, error = decode_html(data)
        yield Article(
            id=origin,
            html=html,
            published=published,
            published_basis=basis,
            text_basis="html",
            error=error,
        )
    else:
        decoded = decode_bytes(data)
        yield Article(
            id=origin,
            text=decoded.text,
            published=published,
            published_basis=basis,
            error=decoded.error,
        )


def _read_jsonl_file(path: Path, *, origin: str, published: str | None) -> Iterator[Article]:
    try:
        with path.open("rb") as stream:
            yield from read_jsonl(stream, origin=origin, published=published)
    except OSError as exc:
        yield Article(id=origin, error=message(ErrorCode.UNREADABLE, detail=_os_detail(exc)))


def _read_json(data: bytes, *, origin: str, published: str | None) -> Iterator[Article]:
    """A ``.json`` file: one article object, or an array of them."""
    decoded = decode_bytes(data)
    try:
        value = json.loads(decoded.text or "")
    except json.JSONDecodeError:
        # Not one JSON document: perhaps JSONL under a .json name.
        yield from read_jsonl(data.splitlines(), origin=origin, published=published)
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items, start=1):
        item_id = f"{origin}:{index}" if isinstance(value, list) else origin
        if isinstance(item, dict):
            yield article_from_object(item, fallback_id=item_id, published=published)
        else:
            detail = f"a {type(item).__name__}"
            yield Article(id=item_id, error=message(ErrorCode.BAD_JSONL, detail=detail))


def count_articles(paths: Iterable[Path | str]) -> int | None:
    """How many articles ``read_inputs`` will yield, when that is cheap to know.

    JSONL lines are counted (a fast byte scan); a text or HTML file is one article.
    Feeds and ``.json`` arrays would need parsing, so their presence gives None
    (the progress bar then shows no ETA).
    """
    total = 0
    for given in paths:
        if str(given) == STDIN:
            return None  # a pipe can be read only once
        for path in iter_files(Path(given)):
            try:
                with path.open("rb") as stream:
                    head = stream.read(SNIFF_BYTES)
                    fmt = detect_format(path, head)
                    if fmt == "jsonl":
                        stream.seek(0)
                        total += sum(1 for line in stream if line.strip())
                    elif fmt in ("text", "html"):
                        total += 1
                    else:
                        return None
            except OSError:
                total += 1  # read_file yields one error article for it
    return total


def _os_detail(exc: OSError) -> str:
    return f"{exc.strerror or type(exc).__name__}: {exc.filename or ''}".rstrip(": ")
