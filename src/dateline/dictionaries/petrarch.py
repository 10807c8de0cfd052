"""Loaders for PETRARCH/CAMEO dictionaries: actors, agents, verbs and discards.

The formats are those read by PETRARCH and PETRARCH2 (``PETRreader.py``), which
inherit most of their grammar from TABARI:

* **actors** -- blocks of names with codes::

      GOLLUM              # a block: first name, then synonyms, then codes
      +SMEAGOL
          [HOB <950601]               # before 1 June 1995
          [HOBGOV 19950601 - 19990815]
          [HOBREB >990816]            # after 16 August 1999
      UNITED_STATES [USA]             # name and code on one line

  Underscores join the words of a name; ``[CODE]`` is undated, ``[CODE d1-d2]``,
  ``[CODE <d]`` and ``[CODE >d]`` are dated (``YYMMDD``, years up to 30 being 20YY,
  or ``YYYYMMDD``). Earlier dated codes override later overlapping ones.
* **agents** -- ``NOUN {PLURAL} [~CODE]`` (the code follows the actor's code) or
  ``[CODE~]`` (it precedes it); regular plurals are generated, ``{}`` means none;
  ``!MARKER! = A, B`` defines substitutions used as ``CONGRESS!PERSON!``.
* **verbs** -- ``&SYNSET`` word lists (``+WORD`` lines), then blocks::

      --- MEET  [031:031] ---
      MEET                       # verbs of the block, optional {forms} and [code]
      +CORDON_OFF {+CORDONED_OFF}  # multi-word verb, '+' marks the inflected word
      - * TALKS WITH +  [046]     # patterns: '*' the verb, '+' target, '$' source

* **discards** -- one phrase per line; ``+PHRASE`` discards the whole story, a
  final ``_`` asks for a whole-word match.

Comments (``<!-- -->``, ``#``) and blank lines are ignored. A malformed line is
skipped and counted in the :class:`LoadReport`; it never stops the load.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dateline.dictionaries.model import (
    NULL_CODE,
    CodeRange,
    DictActor,
    DictAgent,
    Discard,
    VerbPattern,
)
from dateline.dictionaries.reader import LoadReport, content_lines, log, read_text

DictionaryKind = Literal["actors", "agents", "verbs", "discards", "issues", "unknown"]

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_BRACES = re.compile(r"\{([^}]*)\}")
_DATE_SPEC = re.compile(r"^(?:(?P<op>[<>])(?P<d>\d+)|(?P<a>\d+)-(?P<b>\d+)|(?P<single>\d+))$")


# -- names and dates ------------------------------------------------------------


def normalize_phrase(text: str) -> str:
    """``"UNITED_STATES_"`` -> ``"united states"``: lower case, single spaces."""
    return " ".join(text.replace("_", " ").replace("+", " ").lower().split())


def parse_petrarch_date(text: str) -> dt.date | None:
    """``YYMMDD`` (years 00-30 are 20YY, as in PETRARCH) or ``YYYYMMDD``; else None."""
    try:
        if len(text) == 6:
            year = int(text[:2])
            year += 2000 if year <= 30 else 1900
            return dt.date(year, int(text[2:4]), int(text[4:6]))
        if len(text) >= 8:
            # PETRARCH reads only the first eight digits of a long date.
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return None


def parse_code_range(text: str) -> CodeRange | None:
    """``"HOBGOV 19950601 - 19990815"`` -> CodeRange; None when malformed.

    ``<d`` and ``>d`` are strict (the day itself belongs to the neighbouring range).
    """
    parts = text.split()
    if not parts:
        return None
    code = parts[0].upper()
    spec = "".join(parts[1:])
    if not spec:
        return CodeRange(code=code)
    m = _DATE_SPEC.match(spec)
    if m is None:
        return None
    one_day = dt.timedelta(days=1)
    if m.group("op"):
        day = parse_petrarch_date(m.group("d"))
        if day is None:
            return None
        if m.group("op") == "<":
            return CodeRange(code=code, end=day - one_day)
        return CodeRange(code=code, start=day + one_day)
    if m.group("single"):
        day = parse_petrarch_date(m.group("single"))
        return None if day is None else CodeRange(code=code, start=day)
    start = parse_petrarch_date(m.group("a"))
    end = parse_petrarch_date(m.group("b"))
    if start is None or end is None:
        return None
    return CodeRange(code=code, start=start, end=end)


def plural_of(phrase: str) -> str:
    """Regular English plural of the last word of a lower-cased phrase."""
    head, _, last = phrase.rpartition(" ")
    if not last or (last.endswith("s") and not last.endswith("ss")) or not last.isalpha():
        return phrase  # already plural, or not a word to inflect
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


# -- actors ---------------------------------------------------------------------


def load_actors(path: str | Path, report: LoadReport | None = None) -> list[DictActor]:
    """Read a PETRARCH actor dictionary (``*.actors.txt``)."""
    report = report if report is not None else LoadReport()
    report.path, report.kind = str(path), "actors"
    actors: list[DictActor] = []
    current: DictActor | None = None

    def close(block: DictActor | None) -> None:
        if block is None:
            return
        if block.codes:
            actors.append(block)
        else:
            report.warn(block.line, f"actor {block.names[0]!r} has no code; skipped")

    for n, line in content_lines(read_text(path), report):
        text = line.strip()
        codes = _BRACKETS.findall(text)
        rest = _BRACKETS.sub(" ", text).strip()
        notes = _BRACES.findall(rest)  # "{...}": a note on the entry, not part of the name
        rest = _BRACES.sub(" ", rest).strip()
        if "[" in rest or "]" in rest or "{" in rest or "}" in rest:
            report.warn(n, f"unbalanced brackets: {text!r}")
            continue
        if rest.startswith("+"):
            name = normalize_phrase(rest[1:])
            if current is None:
                report.warn(n, f"synonym before any actor: {text!r}")
                continue
            if name:
                current.names.append(name)
        elif rest:
            name = normalize_phrase(rest)
            if current is not None and not current.codes and not codes and name:
                # Consecutive names before their codes ("IVO_JOSIPOVIC_" then
                # "JOSIPOVIC_" then "[HRVGOV ...]") name one actor.
                current.names.append(name)
                continue
            close(current)
            current = DictActor(names=[name], line=n) if name else None
        if current is not None and notes:
            current.comment = "; ".join(filter(None, [current.comment, *notes]))
        for raw in codes:
            if current is None:
                report.warn(n, f"code before any actor: {text!r}")
                break
            code = parse_code_range(raw)
            if code is None:
                report.warn(n, f"malformed code {raw!r}")
                continue
            current.codes.append(code)
    close(current)
    report.entries = len(actors)
    return actors


# -- agents ---------------------------------------------------------------------


def load_agents(path: str | Path, report: LoadReport | None = None) -> list[DictAgent]:
    """Read a PETRARCH agent dictionary (``*.agents.txt``)."""
    report = report if report is not None else LoadReport()
    report.path, report.kind = str(path), "agents"
    markers: dict[str, list[str]] = {}
    agents: list[DictAgent] = []
    for n, line in content_lines(read_text(path), report):
        text = line.strip()
        if "!" in text and "=" in text and "[" not in text:
            name, _, values = text.partition("=")
            key = name.strip().strip("!").strip().upper()
            if not key:
                report.warn(n, f"malformed substitution marker: {text!r}")
                continue
            markers[key] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = re.match(r"^(.*?)\[([^\]]*)\]", text)
        if m is None:
            report.warn(n, f"agent without a code: {text!r}")
            continue
        phrase_part, code_text = m.group(1).strip(), m.group(2).strip()
        prefix = code_text.endswith("~") and not code_text.startswith("~")
        code = code_text.strip("~ ").upper()
        if not code or " " in code:
            report.warn(n, f"malformed agent code {code_text!r}")
            continue
        plural: list[str] | None = None  # None: generate the regular plural
        if "{" in phrase_part:
            if "}" not in phrase_part:
                report.warn(n, f"missing '}}': {text!r}")
                continue
            inside = phrase_part[phrase_part.find("{") + 1 : phrase_part.find("}")]
            plural = [normalize_phrase(inside)] if inside.strip() else []
            phrase_part = phrase_part[: phrase_part.find("{")]
        if "!" in phrase_part:
            expanded = _expand_marker(phrase_part, markers)
            if expanded is None:
                report.warn(n, f"undefined or malformed substitution marker: {text!r}")
                continue
            for noun in expanded:
                agents.append(DictAgent(noun=noun, code=code, plural=[], prefix=prefix))
            continue
        noun = normalize_phrase(phrase_part)
        if not noun:
            report.warn(n, f"agent without a noun: {text!r}")
            continue
        plurals = [plural_of(noun)] if plural is None else plural
        agents.append(DictAgent(noun=noun, code=code, plural=plurals, prefix=prefix))
    report.entries = len(agents)
    return agents


def _expand_marker(phrase: str, markers: dict[str, list[str]]) -> list[str] | None:
    before, _, tail = phrase.partition("!")
    key, sep, after = tail.partition("!")
    if not sep or key.strip().upper() not in markers:
        return None
    return [normalize_phrase(before + sub + after) for sub in markers[key.strip().upper()]]


# -- verbs ----------------------------------------------------------------------


def regular_verb_forms(verb: str) -> list[str]:
    """The verb and its -s, -ed and -ing forms, built the way PETRARCH builds them."""
    forms = [verb]
    forms.append(verb + "es" if verb.endswith(("s", "x", "z", "ch", "sh")) else verb + "s")
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        forms[-1] = verb[:-1] + "ies"
        forms.append(verb[:-1] + "ied")
    elif verb.endswith("e"):
        forms.append(verb + "d")
    else:
        forms.append(verb + "ed")
    if verb.endswith("e") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms.append(verb[:-1] + "ing")
    else:
        forms.append(verb + "ing")
    return forms


def _split_multiword(text: str) -> tuple[list[str], str, list[str]]:
    """``"WIRE_+TAP"`` -> (["wire"], "tap", []); ``"+CORDON_OFF"`` -> ([], "cordon", ["off"])."""
    words = [w for w in re.split(r"[_\s]+", text.strip()) if w]
    if not words:
        return [], "", []
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    clean = [w.lstrip("+").lower() for w in words]
    return clean[:at], clean[at], clean[at + 1 :]


def load_verbs(path: str | Path, report: LoadReport | None = None) -> list[VerbPattern]:
    """Read a PETRARCH verb dictionary (``*.verbs.txt``, ``CAMEO.2.0.txt``).

    Returns verb entries (``pattern is None``) and pattern entries; see
    :class:`~dateline.dictionaries.model.VerbPattern`. ``~`` transformation lines of
    PETRARCH2 are not supported and are counted as skipped.
    """
    report = report if report is not None else LoadReport()
    report.path, report.kind = str(path), "verbs"
    word_sets: dict[str, list[str]] = {}
    entries: list[VerbPattern] = []
    block: str | None = None
    block_code = NULL_CODE
    block_verb: str | None = None
    synset: tuple[str, bool] | None = None  # (name, no plurals) while reading "+" members
    for n, line in content_lines(read_text(path), report):
        text = line.strip()
        if text.startswith("---"):
            synset = None
            body = text.strip("-").strip()
            codes = _BRACKETS.findall(body)
            name = _BRACKETS.split(body)[0].strip().rstrip("-").strip()
            if not name:
                report.warn(n, f"verb block without a name: {text!r}")
                block = None
                continue
            block = normalize_phrase(name).upper()
            block_code = codes[0].strip() if codes and codes[0].strip() else NULL_CODE
            block_verb = None
            continue
        if text.startswith("&"):
            name = text.split()[0]
            no_plural = name.endswith("_")
            name = name.rstrip("_").upper()
            synset = (name, no_plural)
            word_sets.setdefault(name, [])
            continue
        if text.startswith("+") and synset is not None:
            member = text[1:].strip()
            if member.startswith("&"):
                word_sets[synset[0]].append(member.split()[0].rstrip("_").upper())
                continue
            phrase = normalize_phrase(member)
            if not phrase:
                report.warn(n, f"empty synset member: {text!r}")
                continue
            word_sets[synset[0]].append(phrase)
            if not synset[1] and not member.endswith("_") and plural_of(phrase) != phrase:
                word_sets[synset[0]].append(plural_of(phrase))
            continue
        synset = None
        if text.startswith("~"):
            report.warn(n, "verb transformations ('~') are not supported; line skipped")
            continue
        if block is None:
            report.warn(n, f"line outside any verb block: {text!r}")
            continue
        if text.startswith("-"):
            entry = _pattern_entry(text, block, block_verb, word_sets, n, report)
            if entry is not None:
                entries.append(entry)
            continue
        entry = _verb_entry(text, block, block_code, word_sets, n, report)
        if entry is not None:
            entries.append(entry)
            if block_verb is None:
                block_verb = entry.verb
    report.entries = len(entries)
    return entries


def _pattern_entry(
    text: str,
    block: str,
    block_verb: str | None,
    word_sets: dict[str, list[str]],
    n: int,
    report: LoadReport,
) -> VerbPattern | None:
    codes = _BRACKETS.findall(text)
    if not codes or not codes[-1].strip():
        report.warn(n, f"pattern without a code: {text!r}")
        return None
    body = text[1 : text.find("[")].strip()
    if body.count("*") != 1:
        report.warn(n, f"pattern needs exactly one '*': {text!r}")
        return None
    return VerbPattern(
        verb=block_verb or block.lower(),
        code=codes[-1].strip(),
        pattern=f"- {body}",
        synset=block,
        word_sets=word_sets,
        line=n,
    )


def _verb_entry(
    text: str,
    block: str,
    block_code: str,
    word_sets: dict[str, list[str]],
    n: int,
    report: LoadReport,
) -> VerbPattern | None:
    codes = _BRACKETS.findall(text)
    code = codes[0].strip() if codes and codes[0].strip() else block_code
    main = _BRACKETS.sub(" ", text)
    forms_text: str | None = None
    if "{" in main:
        if "}" not in main:
            report.warn(n, f"missing '}}': {text!r}")
            return None
        forms_text = main[main.find("{") + 1 : main.find("}")]
        main = main[: main.find("{")]
    front, verb, back = _split_multiword(main)
    if not verb or not re.match(r"^[a-z][a-z'.-]*$", verb):
        report.warn(n, f"malformed verb: {text!r}")
        return None
    if forms_text is None:
        forms = regular_verb_forms(verb)
    else:
        forms = [verb]
        for form in forms_text.split():
            _, form_verb, _ = _split_multiword(form)
            if form_verb and form_verb not in forms:
                forms.append(form_verb)
    return VerbPattern(
        verb=verb,
        code=code,
        synset=block,
        forms=forms,
        particles=back,
        prefix_words=front,
        word_sets=word_sets,
        line=n,
    )


# -- discards -------------------------------------------------------------------


def load_discards(path: str | Path, report: LoadReport | None = None) -> list[Discard]:
    """Read a PETRARCH discard list (``*.discards.txt``)."""
    report = report if report is not None else LoadReport()
    report.path, report.kind = str(path), "discards"
    discards: list[Discard] = []
    for n, line in content_lines(read_text(path), report):
        text = line.strip()
        story = text.startswith("+")
        body = text.lstrip("+").strip()
        if "[" in body or "\t" in body:
            report.warn(n, f"not a discard phrase: {text!r}")
            continue
        phrase = " ".join(body.replace("_", " ").lower().split())
        if not phrase:
            report.warn(n, f"empty discard: {text!r}")
            continue
        discards.append(Discard(phrase=phrase, story=story, whole_word=body.endswith("_")))
    report.entries = len(discards)
    return discards


# -- kinds and collections ------------------------------------------------------


_NAME_HINTS: tuple[tuple[str, DictionaryKind], ...] = (
    ("actor", "actors"),
    ("agent", "agents"),
    ("verb", "verbs"),
    ("discard", "discards"),
    ("issue", "issues"),
    ("preposition", "unknown"),
    ("eventcode", "unknown"),
    ("goldstein", "unknown"),
)


_NOT_DICTIONARY_SUFFIXES = frozenset(
    {".xml", ".json", ".jsonl", ".csv", ".tsv", ".md", ".py", ".html", ".gz", ".zip"}
)


def detect_kind(path: str | Path) -> DictionaryKind:
    """Which loader reads ``path``: from its name when it says, else from its content."""
    name = Path(path).name.lower()
    if Path(path).suffix.lower() in _NOT_DICTIONARY_SUFFIXES or name.startswith(
        ("license", "readme")
    ):
        return "unknown"
    for hint, kind in _NAME_HINTS:
        if hint in name:
            return kind
    try:
        text = read_text(path)
    except OSError:
        return "unknown"
    lines = [line.strip() for _, line in content_lines(text[:400_000])]
    if not lines:
        return "unknown"
    if "<ISSUE" in text[:100_000]:
        return "issues"
    if "\t" in text[:2_000] and text.lstrip().upper().startswith("CAMEO"):
        return "unknown"
    blocks = sum(1 for s in lines if s.startswith("---") and "[" in s)
    patterns = sum(1 for s in lines if s.startswith("-") and "*" in s)
    if blocks and (patterns or blocks > 2):
        return "verbs"
    coded = [s for s in lines if "[" in s]
    agent_like = sum(1 for s in coded if re.search(r"\[\s*~|~\s*\]", s))
    if coded and agent_like > len(coded) / 2:
        return "agents"
    if coded:
        return "actors"
    # A discard list is short phrases; anything else (prose, tables) is not ours.
    if max(len(s.split()) for s in lines) <= 8:
        return "discards"
    return "unknown"


@dataclass(slots=True)
class DictionarySet:
    """Everything read from a set of dictionary files, merged by kind."""

    actors: list[DictActor] = field(default_factory=list)
    agents: list[DictAgent] = field(default_factory=list)
    verbs: list[VerbPattern] = field(default_factory=list)
    discards: list[Discard] = field(default_factory=list)
    reports: list[LoadReport] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.actors or self.agents or self.verbs or self.discards)

    @property
    def skipped(self) -> int:
        return sum(r.skipped for r in self.reports)


def load_dictionary(path: str | Path, kind: DictionaryKind | None = None) -> DictionarySet:
    """Load one file with the loader its kind calls for (detected when not given)."""
    kind = kind or detect_kind(path)
    result = DictionarySet()
    report = LoadReport(path=str(path), kind=kind)
    try:
        if kind == "actors":
            result.actors = load_actors(path, report)
        elif kind == "agents":
            result.agents = load_agents(path, report)
        elif kind == "verbs":
            result.verbs = load_verbs(path, report)
        elif kind == "discards":
            result.discards = load_discards(path, report)
        else:
            report.warn(0, f"no loader for this kind of file ({kind}); ignored")
    except OSError as exc:
        report.warn(0, f"could not read the file: {exc}")
    result.reports.append(report)
    return result


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the ``.txt`` files of directories named, in a stable order."""
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(f for f in path.iterdir() if f.suffix.lower() == ".txt"))
        else:
            files.append(path)
    return files


def load_dictionaries(paths: Iterable[str | Path]) -> DictionarySet:
    """Load and merge every file (directories: their ``.txt`` files). Cached per file."""
    merged = DictionarySet()
    for path in expand_paths(paths):
        try:
            stamp = path.stat().st_mtime_ns
        except OSError:
            stamp = -1
        one = _load_cached(str(path.resolve()), stamp)
        merged.actors.extend(one.actors)
        merged.agents.extend(one.agents)
        merged.verbs.extend(one.verbs)
        merged.discards.extend(one.discards)
        merged.reports.extend(one.reports)
    for report in merged.reports:
        if report.skipped:
            log.info("%s: %d lines skipped", report.path, report.skipped)
    return merged


@functools.lru_cache(maxsize=32)
def _load_cached(path: str, stamp: int) -> DictionarySet:
    return load_dictionary(path)
