import json

import pytest

from dateline.record import Actor, Record, TextSpan, Timex, json_schema

pytestmark = pytest.mark.unit


def test_record_round_trips_through_json() -> None:
    record = Record(id="x", text="Putin spoke.", published="2025-08-07")
    record.actors.append(
        Actor(
            id="a1",
            name="Vladimir Putin",
            kind="person",
            country="RUS",
            sector="GOV",
            cameo="RUSGOV",
            mentions=[TextSpan(0, 5, "Putin")],
        )
    )
    record.timexes.append(Timex(id="t1", start=0, end=5, text="Putin", type="DATE", value="X"))
    data = json.loads(record.to_json())
    assert data["schema"] == "dateline/1"
    assert next(iter(data)) == "schema"
    assert data["actors"][0]["mentions"][0] == {"start": 0, "end": 5, "text": "Putin"}
    again = Record.from_dict(data)
    assert again == record


def test_schema_names_the_design_fields() -> None:
    schema = json_schema()
    props = schema["properties"]
    for name in (
        "schema",
        "id",
        "published",
        "source",
        "url",
        "title",
        "language",
        "text",
        "actors",
        "timexes",
        "quotes",
        "events",
    ):
        assert name in props
    event = schema["$defs"]["Event"]["properties"]
    for name in (
        "type",
        "plover",
        "mode",
        "cameo",
        "goldstein",
        "quad_class",
        "source",
        "target",
        "status",
        "date",
        "location",
        "quantities",
        "trigger",
        "evidence",
        "quote",
        "confidence",
    ):
        assert name in event
