"""The query guard's measurements and limits, on trelloql's own schema."""

import asyncio

import pytest
from graphql import get_introspection_query

from trelloql.app import DEFAULT_QUERY
from trelloql.guard.analysis import (
    GuardLimits,
    QueryGuard,
    QueryRejected,
    Selected,
    check_query,
)
from trelloql.guard.cost import CostModel, Fields, fetched_fields, types_of_schema
from trelloql.guard.suggestions import hide_suggestions
from trelloql.schema import cooked_engine
from trelloql.settings import DEFAULT_SDL_DIR

LIMITS = GuardLimits()
BOARD_VIEW = """
query BoardView($id: ID!) {
  board(id: $id) {
    name prefs { backgroundColor }
    labels { name color }
    members { fullName initials }
    lists {
      name
      cards {
        name due dueComplete
        badges { comments checkItems checkItemsChecked }
        labels { color name }
        members { initials }
        checklists { name checkItems { name state } }
      }
    }
  }
}
"""
MY_CARDS = "query MyCards { me { cards { name due board { name } list { name } } } }"
ACTIVITY = '{ board(id: "b") { actions(limit: 50) { type date memberCreator { fullName } } } }'
DASHBOARDS = [DEFAULT_QUERY, BOARD_VIEW, MY_CARDS, ACTIVITY, get_introspection_query()]


@pytest.fixture(scope="module")
def types() -> dict[str, Fields]:
    """The types of trelloql's cooked schema, as the service's cost model reads them."""
    return types_of_schema(asyncio.run(cooked_engine(DEFAULT_SDL_DIR)).schema)


@pytest.fixture(scope="module")
def cost(types: dict[str, Fields]) -> CostModel:
    return CostModel(lambda: types, fetched_fields())


def rejection(text: str, cost: CostModel, limits: GuardLimits = LIMITS) -> str:
    with pytest.raises(QueryRejected) as raised:
        check_query(text, None, limits, cost)
    return raised.value.code


@pytest.mark.parametrize("text", DASHBOARDS)
def test_real_dashboards_pass(text: str, cost: CostModel) -> None:
    assert check_query(text, None, LIMITS, cost) is not None


def test_the_operation_is_picked_by_name(cost: CostModel) -> None:
    text = "query A { me { id } } query B { me { id } }"
    selected = check_query(text, "B", LIMITS, cost)
    assert selected is not None
    assert selected.operation_name == "B"
    assert check_query(text, None, LIMITS, cost) is None


def test_unparsable_documents_are_left_to_the_engine(cost: CostModel) -> None:
    assert check_query("{ me { ", None, LIMITS, cost) is None
    assert check_query("{ me \u0001 }", None, LIMITS, cost) is None


def test_query_text_size(cost: CostModel) -> None:
    padded = "{ me { id } }" + " " * LIMITS.max_chars
    assert rejection(padded, cost) == "QUERY_TOO_LARGE"


def test_token_count_ignores_comments(cost: CostModel) -> None:
    limits = GuardLimits(max_tokens=10)
    commented = "# " + "x " * 500 + "\n{ me { id } }"
    assert check_query(commented, None, limits, cost) is not None
    many = "{ me { " + "id " * 20 + "} }"
    assert rejection(many, cost, limits) == "QUERY_TOO_MANY_TOKENS"


def test_depth_counts_fields_through_fragments(cost: CostModel) -> None:
    deep = "{ me { boards { lists { cards { checklists { checkItems { name } } } } } } }"
    assert check_query(deep, None, GuardLimits(max_depth=7, max_cost=10**9), cost) is not None
    assert rejection(deep, cost, GuardLimits(max_depth=6, max_cost=10**9)) == "QUERY_TOO_DEEP"
    fragmented = """
      { me { ...B } }
      fragment B on Member { boards { ...L } }
      fragment L on Board { lists { ... on List { cards { name } } } }
    """
    assert rejection(fragmented, cost, GuardLimits(max_depth=4)) == "QUERY_TOO_DEEP"


@pytest.mark.parametrize("levels", [40, 400])
def test_nesting_far_past_the_limit(cost: CostModel, levels: int) -> None:
    text = "{ " + "me { boards { members { " * levels + "id" + " } } }" * levels + " }"
    limits = GuardLimits(max_tokens=100_000, max_chars=1_000_000)
    assert rejection(text, cost, limits) == "QUERY_TOO_DEEP"


def test_cyclic_fragments_do_not_hang(cost: CostModel) -> None:
    text = """
      { me { ...A } }
      fragment A on Member { boards { members { ...A } } }
    """
    assert check_query(text, None, LIMITS, cost) is not None


def test_aliases(cost: CostModel) -> None:
    text = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(1000)) + " }"
    limits = GuardLimits(max_chars=10**6, max_tokens=10**6)
    assert rejection(text, cost, limits) == "QUERY_TOO_MANY_ALIASES"
    typenames = "{ me { " + " ".join(f"t{i}: __typename" for i in range(50)) + " } }"
    assert check_query(typenames, None, LIMITS, cost) is not None


def test_directives(cost: CostModel) -> None:
    text = "{ me { id" + " @include(if: true)" * 60 + " } }"
    assert rejection(text, cost) == "QUERY_TOO_MANY_DIRECTIVES"


def test_directives_count_wherever_a_document_can_hold_them(cost: CostModel) -> None:
    # 2 on the operation, 1 on a spread, 1 on an inline fragment, 1 on a field inside it,
    # 2 on the fragment definition, 1 on a field in it: 8. (Directives on variables are
    # newer than the engine's parser, which refuses them.)
    text = """query Q($v: Boolean = true) @a @b {
      me { ...F @c ... on Member @e { id @f } }
    }
    fragment F on Member @g @h { a: id @i b: __typename }"""
    assert check_query(text, None, GuardLimits(max_directives=8, max_aliases=1), cost)
    assert rejection(text, cost, GuardLimits(max_directives=7)) == "QUERY_TOO_MANY_DIRECTIVES"
    assert rejection(text, cost, GuardLimits(max_aliases=0)) == "QUERY_TOO_MANY_ALIASES"


def test_estimated_cost(cost: CostModel) -> None:
    wide = "{ me { boards { lists { cards { checklists { checkItems { name } } } } } } }"
    assert rejection(wide, cost, GuardLimits(max_depth=20)) == "QUERY_TOO_COSTLY"


def test_cost_follows_fetches_lists_and_limits(cost: CostModel) -> None:
    def estimate(text: str) -> int:
        selected = check_query(text, None, GuardLimits(max_cost=10**9), cost)
        assert selected is not None
        return cost(selected)

    assert estimate("{ me { fullName } }") == 1
    assert estimate("{ me { boards { name } } }") == 2
    assert estimate("{ me { boards { lists { name } } } }") == 2 + 10
    assert estimate('{ board(id: "b") { actions(limit: 3) { memberCreator { id } } } }') == 5
    assert estimate('{ card(id: "c") { labels { name } } }') == 1
    assert estimate("{ me { ...F } } fragment F on Member { boards { id } }") == 2
    assert estimate("{ __schema { types { name } } }") == 0


def test_introspection_can_be_turned_off(cost: CostModel) -> None:
    off = GuardLimits(introspection=False)
    assert rejection(get_introspection_query(), cost, off) == "INTROSPECTION_DISABLED"
    assert rejection('{ __type(name: "Board") { name } }', cost, off) == "INTROSPECTION_DISABLED"
    hidden = "{ me { ...F } } fragment F on Member { x: __schema { types { name } } }"
    assert rejection(hidden, cost, off) == "INTROSPECTION_DISABLED"
    assert check_query("{ me { __typename } }", None, off, cost) is not None


def test_suggestions_are_hidden() -> None:
    message = "Value FOO is not a valid ListFilter. Did you mean OPEN or CLOSED?"
    assert hide_suggestions(message) == "Value FOO is not a valid ListFilter."
    assert hide_suggestions("Field x doesn't exist on Board") == "Field x doesn't exist on Board"


def test_planned_cost_counts_only_requests_the_planner_cannot_fold(
    types: dict[str, Fields],
) -> None:
    planned = CostModel(lambda: types, fetched_fields(), planned=True)

    def estimate(text: str) -> int:
        selected = check_query(text, None, GuardLimits(max_cost=10**9, max_depth=20), planned)
        assert selected is not None
        return planned(selected)

    dashboard = "{ me { boards { lists { cards { checklists { checkItems { name } } } } } } }"
    assert estimate(dashboard) == 1 + 10
    assert estimate('{ board(id: "b") { lists { cards { members { id } labels { id } } } } }') == 1
    assert (
        estimate('{ card(id: "c") { comments { memberCreator { id } } checklists { id } } }') == 1
    )


def test_the_guard_checks_a_repeated_document_once() -> None:
    estimates: list[str] = []

    def counting_cost(selected: Selected) -> int:
        estimates.append(selected.operation["operation"])
        return 10

    guard = QueryGuard(GuardLimits(max_cost=5), counting_cost)
    for _ in range(3):
        with pytest.raises(QueryRejected, match="limit is 5"):
            guard.check("{ me { id } }", None)
    assert estimates == ["query"]
