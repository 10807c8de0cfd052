"""dateline's HTTP API and web dashboard (``dateline serve``; see docs/api.md).

>>> from dateline.api import ServeOptions, create_app
>>> app = create_app(ServeOptions(db="events.duckdb"))  # doctest: +SKIP
"""

from dateline.api.app import create_app
from dateline.api.options import ServeOptions

__all__ = ["ServeOptions", "create_app"]
