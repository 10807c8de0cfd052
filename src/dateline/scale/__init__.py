"""Scale-out: the same records from one process, local worker processes or Dask.

>>> from dateline.scale import ScaleOptions, open_executor
>>> with open_executor(options=ScaleOptions(scheduler="processes", workers=2)) as ex:
...     for record in ex.map(read_inputs(["news/"])):
...         ...

Every back-end gives one record per article, in input order, ids echoed, with
bounded memory on the driver; a worker that crashes or hangs costs at most the
articles it was working on an error record, after a retry.
"""

from dateline.scale.executor import (
    ChunkedExecutor,
    Executor,
    SerialExecutor,
    open_executor,
    scaled_records,
)
from dateline.scale.options import SCHEDULERS, ScaleOptions, Scheduler, resolve_scale

__all__ = [
    "SCHEDULERS",
    "ChunkedExecutor",
    "Executor",
    "ScaleOptions",
    "Scheduler",
    "SerialExecutor",
    "open_executor",
    "resolve_scale",
    "scaled_records",
]
