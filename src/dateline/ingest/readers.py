"""Turn input paths (files and directories) into a stream of :class:`Article`.

Everything here is a generator: a directory of a million files or a JSONL dump of
any size streams through in constant memory, one article at a time, in a
deterministic order (directories sorted by path). No input ever raises: what
cannot be read becomes an article carrying a coded ``error``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.ingest.decode import decode_bytes
from dateline.ingest.feed import read_feed
from dateline.ingest.formats import SNIFF_BYTES, InputFormat, detect_format
from dateline.ingest.html import decode_html
from dateline.ingest.jsonl import article_from_object, read_jsonl
from dateline.record import PublishedBasis

# A UTF-8 character takes at most 4 bytes: a file above 4 x max_chars bytes is
# certainly too long and is rejected without reading it.
BYTES_PER_CHAR = 4


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
    """Articles of all ``paths`` in order; ``published`` (from the caller) overrides all dates."""
    for given in paths:
        for path in iter_files(Path(given)):
            yield from read_file(path, published=published, max_chars=max_chars)


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
    if fmt in ("text", "html") and size > BYTES_PER_CHAR * max_chars:
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
