"""GraphQL answers are encoded with orjson, falling back to the standard library."""

import json

from trelloql import fastjson


def test_dumps_is_compact_utf8_json() -> None:
    value = {"data": {"card": {"name": "Café ☕", "pos": 1.5, "closed": False, "due": None}}}
    encoded = fastjson.dumps(value)
    assert json.loads(encoded) == value
    assert b" " not in encoded.replace("Café ☕".encode(), b"")


def test_what_orjson_refuses_is_still_encoded() -> None:
    value = {"data": {"action": {"data": {"big": 2**70}}}}
    assert json.loads(fastjson.dumps(value)) == value


def test_json_response_carries_headers() -> None:
    response = fastjson.json_response({"data": None}, {"X-Request-Id": "r1"})
    assert response.content_type == "application/json"
    assert response.headers["X-Request-Id"] == "r1"
    assert json.loads(response.body) == {"data": None}  # type: ignore[arg-type]
