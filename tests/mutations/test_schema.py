"""The mutation schema follows one scheme and documents everything."""

from __future__ import annotations

from typing import Any

from tests.conftest import Query
from tests.mutations.conftest import run

INTROSPECTION = """{
  __schema {
    mutationType { name description fields {
      name description type { kind name ofType { name } }
      args { name description type { kind ofType { name kind } } }
    } }
    types { name kind description
      inputFields { name description }
      fields { name description args { name description } }
      enumValues { name description }
    }
  }
}"""
VERBS = ("create", "update", "delete", "move", "archive", "unarchive", "copy", "add", "remove",
         "convert", "close", "reopen", "invite", "generate", "mark", "enable", "disable", "export",
         "set", "star", "unstar", "dismiss", "rename")  # fmt: skip


async def test_every_mutation_takes_one_input_and_returns_an_object(query: Query) -> None:
    schema = (await run(query, INTROSPECTION))["__schema"]
    mutation = schema["mutationType"]
    assert mutation["description"]
    for field in mutation["fields"]:
        name = field["name"]
        assert name.startswith(VERBS), name
        assert field["description"], name
        (arg,) = field["args"]
        assert arg["name"] == "input", name
        assert arg["description"], name
        assert arg["type"]["kind"] == "NON_NULL", name
        assert arg["type"]["ofType"] == {"name": name[0].upper() + name[1:] + "Input",
                                         "kind": "INPUT_OBJECT"}  # fmt: skip
        assert field["type"]["kind"] == "NON_NULL", name
        if name.startswith("delete"):
            assert field["type"]["ofType"]["name"] == "DeletedPayload", name


async def test_everything_is_documented(query: Query) -> None:
    schema = (await run(query, INTROSPECTION))["__schema"]
    missing: list[str] = []
    for type_ in schema["types"]:
        if type_["name"].startswith("__"):
            continue
        if not type_["description"]:
            missing.append(type_["name"])
        members: list[dict[str, Any]] = [
            *(type_["inputFields"] or []), *(type_["fields"] or []), *(type_["enumValues"] or [])
        ]  # fmt: skip
        for member in members:
            if not member["description"]:
                missing.append(f"{type_['name']}.{member['name']}")
            for arg in member.get("args") or []:
                if not arg["description"]:
                    missing.append(f"{type_['name']}.{member['name']}({arg['name']})")
    builtin = {"String", "Boolean", "Int", "Float", "ID"}
    assert [name for name in missing if name not in builtin] == []
