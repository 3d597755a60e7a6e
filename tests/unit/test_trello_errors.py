"""Trello statuses and bodies map to the error tree and its codes."""

import pytest

from trelloql.trello.errors import decode_body, error_for_status, error_message


@pytest.mark.parametrize(
    ("status", "body", "code"),
    [
        (400, "invalid id", "BAD_REQUEST"),
        (401, "invalid token", "UNAUTHENTICATED"),
        (401, "unauthorized permission requested", "FORBIDDEN"),
        (403, "too many checklists", "FORBIDDEN"),
        (404, "The requested resource was not found.", "NOT_FOUND"),
        (409, "conflict", "CONFLICT"),
        (429, {"error": "API_TOKEN_LIMIT_EXCEEDED", "message": "Rate limit"}, "RATE_LIMITED"),
        (500, "boom", "UPSTREAM_ERROR"),
        (503, "down", "UPSTREAM_ERROR"),
        (418, "teapot", "UPSTREAM_ERROR"),
    ],
)
def test_status_maps_to_code(status: int, body: object, code: str) -> None:
    assert error_for_status(status, body).code == code


def test_message_keeps_trellos_words() -> None:
    assert error_for_status(400, "invalid id").message == "invalid id"
    assert error_message({"message": "Rate limit", "error": "X"}) == "Rate limit"
    assert "500" in error_for_status(500, "boom").message


def test_long_bodies_are_cut() -> None:
    assert len(error_message("x" * 10_000)) <= 300


def test_decode_body_by_content_type() -> None:
    assert decode_body(b'{"a": 1}', "application/json") == {"a": 1}
    assert decode_body(b"invalid id", "text/plain") == "invalid id"
    assert decode_body(b"{not json", "application/json") == "{not json"
    assert decode_body(b'{"n": 18446744073709551616}', "application/json") == {"n": 2**64}
    assert decode_body("caf\xe9".encode("latin-1"), "text/plain", "latin-1") == "caf\xe9"
    assert decode_body(b"caf\xc3\xa9", "text/plain", "no-such-charset") == "caf\xe9"
