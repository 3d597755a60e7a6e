"""The service loads graphql-core's parser only; graphql-core stays whole for everyone else."""

import subprocess
import sys
from pathlib import Path

import graphql

import trelloql
from trelloql.lean_graphql import load_lazily

ROOT = Path(trelloql.__file__).resolve().parent.parent


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_the_service_loads_only_the_language_package() -> None:
    code = (
        "import sys, trelloql.app\n"
        "print('graphql.language' in sys.modules, 'graphql.type' in sys.modules)"
    )
    assert _run(code) == "True False"


def test_the_package_completes_on_first_use_of_its_names() -> None:
    code = (
        "import trelloql.app\n"
        "from graphql import GraphQLError, build_schema\n"
        "from graphql.error import GraphQLError as Same\n"
        "import graphql\n"
        "build_schema('type Query { a: Int }')\n"
        "print(GraphQLError is Same, graphql.__version__ == graphql.version)"
    )
    assert _run(code) == "True True"


def test_an_imported_graphql_is_left_alone() -> None:
    load_lazily()
    assert sys.modules["graphql"] is graphql
    assert graphql.build_schema is not None
