"""The input rules of trelloql.validation, each naming the offending input field."""

from __future__ import annotations

from typing import Any

import pytest

from trelloql.errors import UserInputError
from trelloql.validation import (
    board_id,
    card_id,
    checked,
    datetime_iso,
    description,
    id_list,
    label_color,
    name,
    number,
    object_id,
    position,
    url,
)

HEX = "5abbe4b7ddc1b351ef961414"


@pytest.mark.parametrize(
    ("rule", "value", "sent"),
    [
        (position, "top", "top"),
        (position, "BOTTOM", "bottom"),
        (position, 1.5, 1.5),
        (position, "12", 12.0),
        (datetime_iso, "2026-11-27T09:30:00Z", "2026-11-27T09:30:00.000Z"),
        (datetime_iso, "2026-11-27T10:30:00+01:00", "2026-11-27T09:30:00.000Z"),
        (datetime_iso, "2026-11-27", "2026-11-27T00:00:00.000Z"),
        (label_color, "SKY", "sky"),
        (label_color, None, None),
        (card_id, "AbCd1234", "AbCd1234"),
        (board_id, HEX, HEX),
        (id_list, [HEX, HEX.upper()], f"{HEX},{HEX.upper()}"),
        (id_list, [], ""),
        (url, "https://example.com/a?b=c", "https://example.com/a?b=c"),
        (description, "", ""),
        (number(-60, 100), -60, -60),
    ],
)
def test_accepted(rule: Any, value: Any, sent: Any) -> None:
    assert rule(value, "input.x") == sent


@pytest.mark.parametrize(
    ("rule", "value"),
    [
        (position, "middle"),
        (position, 0),
        (position, -3),
        (position, float("inf")),
        (position, None),
        (datetime_iso, "tomorrow"),
        (datetime_iso, "2026-13-01"),
        (object_id, "AbCd1234"),
        (object_id, HEX + "0"),
        (card_id, "short"),
        (url, "ftp://example.com/file"),
        (url, "example.com"),
        (name, ""),
        (name, "x" * 16385),
        (description, "x" * 16385),
        (number(0, 360), 361),
        (number(0, 360), True),
    ],
)
def test_rejected_with_the_field(rule: Any, value: Any) -> None:
    with pytest.raises(UserInputError) as raised:
        rule(value, "input.x")
    assert raised.value.field == "input.x"
    assert raised.value.code == "BAD_USER_INPUT"


def test_list_items_are_named_by_index() -> None:
    with pytest.raises(UserInputError) as raised:
        id_list([HEX, "nope"], "input.idMembers")
    assert raised.value.field == "input.idMembers[1]"


def test_checked_requires_and_converts() -> None:
    rules = {"id": object_id, "pos": position}
    assert checked({"input": {"id": HEX, "pos": "top", "extra": 1}}, rules, ["id"]) == {
        "id": HEX,
        "pos": "top",
    }
    with pytest.raises(UserInputError) as raised:
        checked({"input": {"pos": "top"}}, rules, ["id"])
    assert raised.value.field == "input.id"
