"""The dateline pipeline: articles in, ``dateline/1`` records out.

Cascade for one article:

1. **prepare**: HTML -> main text and metadata (trafilatura); the publication date is
   normalized; the text is checked (empty, binary, too long, not English). A failure
   here gives the article an error record without touching spaCy.
2. **parse**: spaCy's model (tokens, sentences, parse, entities), batched with
   ``nlp.pipe`` so a stream of articles runs in constant memory.
3. **stages**: ``dateline_time_v1`` -> ``dateline_actors_v1`` -> ``dateline_quotes_v1``
   -> ``dateline_events_v1``, each a registered spaCy component writing ``Doc._``.
   They run one article at a time under a guard, so a bug triggered by one article
   becomes that article's error and never stops the batch.
4. **record**: the ``Doc._`` results are gathered into a :class:`Record`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from dateutil import parser as date_parser
from spacy.language import Language
from spacy.tokens import Doc

import dateline.actors.component
import dateline.events.component
import dateline.quotes.component
import dateline.time.component  # noqa: F401  (registers the factories)
from dateline import __version__
from dateline.errors import ErrorCode, message
from dateline.ingest.article import Article
from dateline.ingest.html import extract_page
from dateline.ingest.validate import check_text
from dateline.nlp.extensions import register_extensions
from dateline.nlp.loader import choose_model_name, load_base_model, model_info
from dateline.record import Record

register_extensions()

DICTIONARY_STAGES = frozenset({"dateline_actors_v1", "dateline_events_v1"})
STAGES: tuple[str, ...] = (
    "dateline_time_v1",
    "dateline_actors_v1",
    "dateline_quotes_v1",
    "dateline_events_v1",
)


@dataclass(slots=True)
class PipelineOptions:
    """Everything that changes what the pipeline does, in one place."""

    model: str | None = None  # spaCy model name; None = choose_model_name()
    stages: tuple[str, ...] = STAGES
    batch_size: int = 16
    # spaCy's default limit; longer inputs get E003 instead of being cut silently.
    max_chars: int = 1_000_000
    n_process: int = 1
    # User dictionaries in PETRARCH/CAMEO format (actors, agents, verbs, discards),
    # handed to the stages that use them.
    dictionaries: tuple[str, ...] = ()


@dataclass(slots=True)
class _Prepared:
    article: Article
    text: str
    published: dt.date | None
    record: Record  # metadata filled, results empty
    errors: list[str] = field(default_factory=list)


def parse_date(value: object) -> dt.date | None:
    """Accept a date, a datetime or a string in any common format; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        parsed = date_parser.parse(text, default=_DEFAULT_A).date()
        # A string without a year ("March 3") would silently take the default's
        # year: parse again with another default and refuse when the years differ.
        if date_parser.parse(text, default=_DEFAULT_B).year != parsed.year:
            return None
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed


_DEFAULT_A = dt.datetime(1900, 1, 1)
_DEFAULT_B = dt.datetime(2000, 1, 1)


class Pipeline:
    """Reusable pipeline: build once, call :meth:`pipe` or :meth:`process` many times."""

    def __init__(self, options: PipelineOptions | None = None) -> None:
        self.options = options or PipelineOptions()
        base = load_base_model(self.options.model or choose_model_name())
        # A private copy is not needed: stages are added under unique names once.
        self.nlp: Language = base
        # A copy per dictionary set: the cached base model is shared between pipelines.
        suffix = (
            ""
            if not self.options.dictionaries
            else f"@{zlib.crc32(repr(self.options.dictionaries).encode()):08x}"
        )
        self.stage_names: list[str] = []
        for factory in self.options.stages:
            name = factory + suffix
            if name not in self.nlp.pipe_names:
                config = {}
                if factory in DICTIONARY_STAGES:
                    config = {"dictionaries": list(self.options.dictionaries)}
                self.nlp.add_pipe(factory, name=name, config=config)
            self.stage_names.append(name)
        self.model = model_info(self.nlp)
        # Inputs up to max_chars are parsed whole (checked in _prepare, never cut);
        # spaCy's own guard must not reject what our limit accepts.
        self.nlp.max_length = max(self.nlp.max_length, self.options.max_chars + 1)

    # -- public API -------------------------------------------------------
    def process(self, article: Article) -> Record:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article]) -> Iterator[Record]:
        """Records in input order, one per article, streaming."""
        prepared = (self._safe_prepare(a) for a in articles)
        while True:
            batch = list(itertools.islice(prepared, self.options.batch_size))
            if not batch:
                return
            yield from self._run_batch(batch)

    # -- steps --------------------------------------------------------------
    def _safe_prepare(self, article: Article) -> _Prepared:
        """``_prepare``, with any unexpected failure turned into the article's error."""
        try:
            return self._prepare(article)
        except Exception as exc:
            record = Record(
                id=str(article.id),
                text="",
                language="und",
                model=self.model,
                dateline_version=__version__,
            )
            detail = f"{type(exc).__name__}: {exc}"
            error = message(ErrorCode.STAGE_FAILED, stage="prepare", detail=detail)
            return _Prepared(
                article=article, text="", published=None, record=record, errors=[error]
            )

    def _prepare(self, article: Article) -> _Prepared:
        record = Record(
            id=article.id,
            text="",
            published=None,
            source=article.source,
            url=article.url,
            title=article.title,
            published_basis=article.published_basis,
            text_basis="text",
            model=self.model,
            dateline_version=__version__,
        )
        prep = _Prepared(article=article, text="", published=None, record=record)
        if article.error:  # could not even be read: nothing to check or parse
            prep.errors.append(article.error)
            record.language = "und"
            return prep
        text = article.text
        if article.html is not None and text is None:
            record.text_basis = "html"
            try:
                page = extract_page(article.html, url=article.url)
            except Exception as exc:  # trafilatura/lxml on hostile markup
                page = None
                detail = f"{type(exc).__name__}: {exc}"
            else:
                detail = "no main text found"
            if page is None:
                prep.errors.append(message(ErrorCode.BAD_HTML, detail=detail))
                return prep
            text = page.text
            record.title = record.title or page.title
            record.source = record.source or page.sitename
            record.url = record.url or page.url
            if article.published is None and page.date:
                article.published = page.date
                record.published_basis = "metadata"
        elif article.text_basis in ("feed-content", "feed-summary"):
            record.text_basis = article.text_basis  # type: ignore[assignment]
        text = text or ""
        record.text = text
        prep.text = text
        if article.published is not None:
            published = parse_date(article.published)
            if published is None:
                prep.errors.append(message(ErrorCode.BAD_DATE, detail=repr(article.published)))
                record.published_basis = "none"
            else:
                prep.published = published
                record.published = published.isoformat()
        else:
            record.published_basis = "none"
        error, language = check_text(text, max_chars=self.options.max_chars)
        record.language = language
        if error:
            prep.errors.append(error)
        return prep

    def _run_batch(self, batch: list[_Prepared]) -> Iterator[Record]:
        runnable = [p for p in batch if not p.errors]
        parsed = iter(self._parse(runnable))
        for prep in batch:
            if prep.errors:
                prep.record.error = "; ".join(prep.errors)
                yield prep.record
                continue
            doc = next(parsed)
            if isinstance(doc, str):  # the parser failed on this article
                prep.record.error = doc
                yield prep.record
                continue
            doc._.published = prep.published
            doc._.article = prep.article
            yield self._finish(doc, prep)

    def _parse(self, runnable: list[_Prepared]) -> list[Doc | str]:
        """Parsed docs in order; for an article the model cannot parse, its error."""
        # Only the model's own components run batched; dateline stages run guarded later.
        disable = [n for n in self.nlp.pipe_names if n.startswith("dateline_")]
        texts = [p.text for p in runnable]
        try:
            return list(self.nlp.pipe(texts, batch_size=self.options.batch_size, disable=disable))
        except Exception:
            pass  # one text broke the batch: parse one by one to find it
        results: list[Doc | str] = []
        for text in texts:
            try:
                results.extend(self.nlp.pipe([text], disable=disable))
            except Exception as exc:
                results.append(
                    message(
                        ErrorCode.STAGE_FAILED, stage="parse", detail=f"{type(exc).__name__}: {exc}"
                    )
                )
        return results

    def _finish(self, doc: Doc, prep: _Prepared) -> Record:
        errors: list[str] = []
        for name in self.stage_names:
            component = self.nlp.get_pipe(name)
            try:
                doc = component(doc)
            except Exception as exc:  # one article's bug must not stop the batch
                errors.append(
                    message(
                        ErrorCode.STAGE_FAILED, stage=name, detail=f"{type(exc).__name__}: {exc}"
                    )
                )
        return doc_to_record(doc, prep.record, errors)


def doc_to_record(doc: Doc, record: Record, errors: list[str] | None = None) -> Record:
    record.text = doc.text
    record.timexes = list(doc._.timexes)
    record.actors = list(doc._.actors)
    record.quotes = list(doc._.quotes)
    record.events = list(doc._.events)
    # Stages that degrade gracefully (keep the article, lose their own results) report
    # here, so a record never silently lacks what a stage failed to produce.
    errors = [*(errors or []), *doc._.stage_errors]
    if errors:
        record.error = "; ".join(errors)
    return record


_DEFAULT: dict[tuple[object, ...], Pipeline] = {}


def default_pipeline(options: PipelineOptions | None = None) -> Pipeline:
    """A cached pipeline per set of options, so repeated ``extract`` calls are cheap."""
    options = options or PipelineOptions()
    key = (options.model, options.stages, options.max_chars, options.dictionaries)
    if key not in _DEFAULT:
        _DEFAULT[key] = Pipeline(options)
    return _DEFAULT[key]


def extract(
    text_or_html: str,
    *,
    published: str | dt.date | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str = "doc",
    options: PipelineOptions | None = None,
) -> Record:
    """Extract the ``dateline/1`` record of one article (plain text or an HTML page).

    >>> record = extract("Trump and Putin will meet next week.", published="2025-08-07")
    """
    is_html = looks_like_html(text_or_html)
    article = Article(
        id=id,
        text=None if is_html else text_or_html,
        html=text_or_html if is_html else None,
        published=published.isoformat() if isinstance(published, dt.date) else published,
        source=source,
        url=url,
        title=title,
        published_basis="caller" if published is not None else "none",
        text_basis="html" if is_html else "text",
    )
    return default_pipeline(options).process(article)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or "<head" in head or "<div" in head or "<p>" in head
    )
