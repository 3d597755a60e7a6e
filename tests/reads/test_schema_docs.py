"""Every type, field, argument and enum value of the graph carries a description."""

from __future__ import annotations

from tests.conftest import Query
from tests.reads.helpers import data

BUILT_IN = {"String", "Int", "Float", "Boolean", "ID"}
INTROSPECTION = """{ __schema { types {
  name kind description
  fields { name description args { name description } }
  inputFields { name description }
  enumValues { name description }
} } }"""


async def test_everything_is_documented(query: Query) -> None:
    undocumented = []
    for kind in data(await query(INTROSPECTION))["__schema"]["types"]:
        name = kind["name"]
        if name.startswith("__") or name in BUILT_IN:
            continue
        if not kind["description"]:
            undocumented.append(name)
        for field in kind["fields"] or []:
            if not field["description"]:
                undocumented.append(f"{name}.{field['name']}")
            undocumented += [
                f"{name}.{field['name']}({arg['name']})"
                for arg in field["args"]
                if not arg["description"]
            ]
        for item in (kind["inputFields"] or []) + (kind["enumValues"] or []):
            if not item["description"]:
                undocumented.append(f"{name}.{item['name']}")
    assert undocumented == []
