"""The planner's pure core: selections in, nested params out, answers primed; no sockets."""

from typing import Any

from trelloql.planner.compile import compile_plan
from trelloql.planner.prime import prime_answer, serve_answer
from trelloql.planner.selection import Selection
from trelloql.resolvers import GRAPH
from trelloql.resolvers.base import Fetch


def sel(
    field: str,
    type_name: str,
    names: set[str],
    children: list[Selection] | None = None,
    **args: Any,
) -> Selection:
    return Selection(field, type_name, args, names, children or [])


def plan_board(*children: Selection) -> dict[str, str]:
    root = sel("Query.board", "Board", {"name"}, list(children), id="b")
    return compile_plan(root, "board", GRAPH.trello_fields).params


def test_kanban_board_is_one_request() -> None:
    cards = sel("List.cards", "Card", {"name", "labels"}, filter="OPEN")
    lists = sel("Board.lists", "List", {"name", "cards"}, [cards], filter="OPEN")
    assert plan_board(lists) == {
        "lists": "open",
        "list_fields": "id,name",
        "cards": "open",
        "card_fields": "id,idList,labels,name",
    }


def test_second_alias_with_another_filter_is_left_to_its_resolver() -> None:
    open_lists = sel("Board.lists", "List", {"name"}, filter="OPEN")
    closed_lists = sel("Board.lists", "List", {"closed"}, filter="CLOSED")
    params = plan_board(open_lists, closed_lists)
    assert params["lists"] == "open"
    assert params["list_fields"] == "id,name"


def test_same_filter_aliases_share_one_slot() -> None:
    a = sel("Board.lists", "List", {"name"}, filter="OPEN")
    b = sel("Board.lists", "List", {"pos"}, filter="OPEN")
    assert plan_board(a, b)["list_fields"] == "id,name,pos"


def test_filters_trello_cannot_nest_are_not_nested() -> None:
    visible = sel("Board.cards", "Card", {"name"}, filter="VISIBLE")
    assert "cards" not in plan_board(visible)


def test_card_references_join_board_collections() -> None:
    members = sel("Card.members", "Member", {"username"})
    lst = sel("Card.list", "List", {"name"})
    board = sel("Card.board", "Board", {"desc"})
    cards = sel(
        "Board.cards",
        "Card",
        {"name", "members", "list", "board"},
        [members, lst, board],
        filter="OPEN",
    )
    root = sel("Query.board", "Board", {"name"}, [cards], id="b")
    plan = compile_plan(root, "board", GRAPH.trello_fields)
    assert plan.params["card_fields"] == "id,idBoard,idList,idMembers,name"
    assert plan.params["members"] == "all"
    assert plan.params["lists"] == "all"
    assert plan.root_fields == {"id", "desc"}


def test_actions_carry_their_paging() -> None:
    actions = sel("Board.actions", "Action", {"type"}, filter=["commentCard"], limit=5)
    params = plan_board(actions)
    assert params["actions"] == "commentCard"
    assert params["actions_limit"] == "5"


def naive(field_key: str, parent: Any, args: Any, names: set[str]) -> Any:
    mapping = GRAPH.by_field[field_key]
    assert isinstance(mapping, Fetch)
    return GRAPH.request(mapping, parent, args, names)


def test_nested_answers_are_primed_under_the_childrens_own_requests() -> None:
    cards = sel("List.cards", "Card", {"name"}, filter="OPEN")
    lists = sel("Board.lists", "List", {"name", "cards"}, [cards], filter="OPEN")
    root = sel("Query.board", "Board", {"name"}, [lists], id="b")
    plan = compile_plan(root, "board", GRAPH.trello_fields)
    answer = {
        "id": "b",
        "lists": [{"id": "l1", "name": "Doing"}, {"id": "l2", "name": "Done"}],
        "cards": [
            {"id": "c1", "name": "x", "idList": "l1"},
            {"id": "c2", "name": "y", "idList": "l1"},
        ],
    }
    primed: dict[str, Any] = {}
    prime_answer(answer, plan.servings, naive, lambda p, q, v: primed.update({p: (q, v)}))
    assert primed["/boards/b/lists"] == ({"filter": "open", "fields": "id,name"}, answer["lists"])
    assert primed["/lists/l1/cards"][1] == answer["cards"]
    assert primed["/lists/l2/cards"][1] == []
    assert primed["/lists/l1/cards"][0]["filter"] == "open"


def test_missing_nested_answers_prime_nothing() -> None:
    lists = sel("Board.lists", "List", {"name"}, filter="OPEN")
    root = sel("Query.board", "Board", {"name"}, [lists], id="b")
    plan = compile_plan(root, "board", GRAPH.trello_fields)
    primed: list[str] = []
    prime_answer({"id": "b"}, plan.servings, naive, lambda p, q, v: primed.append(p))
    assert primed == []


def served_by_parent(answer: Any, plan_root: Selection, stand_in: object | None = None) -> dict:
    plan = compile_plan(plan_root, "board", GRAPH.trello_fields)
    tables: dict[Any, dict[int, tuple[object, Any]]] = {}

    def key_of(serving: Any) -> Any:
        return serving.selection.field

    serve_answer(answer, plan.servings, key_of, lambda k: tables.setdefault(k, {}), stand_in)
    return {(i, k): entry[1] for k, table in tables.items() for i, entry in table.items()}


def test_nested_answers_are_kept_by_the_parent_objects_resolvers_get() -> None:
    members = sel("Card.members", "Member", {"fullName"})
    cards = sel("List.cards", "Card", {"name", "members"}, [members], filter="OPEN")
    lists = sel("Board.lists", "List", {"name", "cards"}, [cards], filter="OPEN")
    root = sel("Query.board", "Board", {"name"}, [lists], id="b")
    ada = {"id": "m1", "fullName": "Ada"}
    answer = {
        "id": "b",
        "lists": [{"id": "l1", "name": "Doing"}, {"id": "l2", "name": "Done"}],
        "cards": [{"id": "c1", "name": "x", "idList": "l1", "idMembers": ["m1"]}],
        "members": [ada],
    }
    kept = served_by_parent(answer, root)
    doing, done = answer["lists"]
    (card,) = answer["cards"]
    assert kept[(id(answer), "Board.lists")] is answer["lists"]
    assert kept[(id(doing), "List.cards")] == [card]
    assert kept[(id(done), "List.cards")] == []
    assert kept[(id(card), "Card.members")] == [ada]


def test_a_lifted_answer_is_kept_for_the_parent_the_resolver_holds() -> None:
    lists = sel("Board.lists", "List", {"name"}, filter="OPEN")
    root = sel("Board.self", "Board", {"id"}, [lists])
    held = {"id": "b", "name": "from the member route"}
    answer = {"id": "b", "lists": [{"id": "l1", "name": "Doing"}]}
    kept = served_by_parent(answer, root, stand_in=held)
    assert kept == {(id(held), "Board.lists"): answer["lists"]}


def test_an_unknown_reference_serves_nothing() -> None:
    members = sel("Card.members", "Member", {"fullName"})
    cards = sel("Board.cards", "Card", {"name", "members"}, [members], filter="OPEN")
    root = sel("Query.board", "Board", {"name"}, [cards], id="b")
    answer = {"id": "b", "cards": [{"id": "c1", "idMembers": ["gone"]}], "members": []}
    kept = served_by_parent(answer, root)
    assert (id(answer["cards"][0]), "Card.members") not in kept
