"""Line reading shared by the PETRARCH dictionary loaders.

PETRARCH files use three kinds of comments: ``<!-- ... -->`` (possibly over several
lines), a ``#`` at the start of a line, and ``#`` later in a line (everything after
it is dropped). Blank lines carry no meaning. :func:`content_lines` yields what is
left, with 1-based line numbers for warnings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("dateline.dictionaries")

MAX_KEPT_WARNINGS = 50


@dataclass(slots=True)
class LoadReport:
    """What a loader read: counts and the first warnings (malformed lines skipped)."""

    path: str = ""
    kind: str = ""
    lines: int = 0
    entries: int = 0
    skipped: int = 0
    warnings: list[str] = field(default_factory=list)

    def warn(self, line: int, text: str) -> None:
        self.skipped += 1
        if len(self.warnings) < MAX_KEPT_WARNINGS:
            self.warnings.append(f"{self.path}:{line}: {text}")
        log.debug("%s:%d: %s", self.path, line, text)


def read_text(path: str | Path) -> str:
    """The file as text; undecodable bytes are replaced, never fatal."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def content_lines(text: str, report: LoadReport | None = None) -> Iterator[tuple[int, str]]:
    """(line number, content) for each line with something left after comments.

    The content keeps its leading whitespace (some formats indent code lines) but
    loses comments and trailing whitespace.
    """
    in_comment = False
    n = 0
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3 :]
            in_comment = False
        # Comments opened on this line: "<!-- ... -->" (possibly several) or open-ended.
        while True:
            start = line.find("<!")
            if start < 0:
                break
            end = line.find(">", start)
            close = line.find("-->", start)
            if close >= 0:
                line = line[:start] + line[close + 3 :]
            elif line[start:].startswith("<!--") or end < 0:
                # "<!--" with no end on this line, or a malformed "<! --" opener
                if "-->" in line[start:] or line.strip().endswith(">"):
                    line = line[:start]
                    break
                in_comment = line[start:].startswith("<!--")
                line = line[:start]
                break
            else:
                line = line[:start] + line[end + 1 :]
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        line = line.rstrip()
        if line.strip():
            yield n, line
    if report is not None:
        report.lines = n
