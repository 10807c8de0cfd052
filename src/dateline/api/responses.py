"""JSON rendering that cannot fail on what a client sent.

Starlette's ``JSONResponse`` encodes to UTF-8 strictly, so a lone surrogate in an
article (``"\\ud800"`` is valid JSON) would turn into a 500 when the record echoes
the text. Here such code points are written as JSON escapes instead, keeping every
offset of the record valid.
"""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi.responses import JSONResponse


def _finite(value: Any) -> Any:
    """NaN and infinities (not JSON) as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        try:
            text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        except ValueError:  # NaN somewhere
            text = json.dumps(_finite(content), ensure_ascii=False, separators=(",", ":"))
        # Only a lone surrogate cannot be encoded; inside a JSON string its
        # backslash escape is exactly what ``ensure_ascii`` would have written.
        return text.encode("utf-8", errors="backslashreplace")
