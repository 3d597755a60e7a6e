"""The aiohttp application factory."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from tartiflette import Engine
from tartiflette_aiohttp import register_graphql_handlers

from trelloql.access import observe_graphql
from trelloql.graphiql import add_graphiql_routes
from trelloql.graphql_http import (
    GRAPHQL_PATH,
    MAX_BODY_BYTES,
    context_factory,
    format_response,
    graphql_guard,
)
from trelloql.guard.analysis import QueryGuard
from trelloql.guard.cost import CostModel, fetched_fields
from trelloql.guard.middleware import query_guard
from trelloql.health import add_health_routes
from trelloql.keys import (
    HEAVY_QUERIES,
    LIFECYCLE,
    METRICS,
    PLANNER,
    QUERY_GUARD,
    SETTINGS,
    Lifecycle,
)
from trelloql.metrics import Metrics, add_metrics_route
from trelloql.planner import Planner
from trelloql.resilience import limiter_ctx
from trelloql.resolvers import GRAPH
from trelloql.schema import cook, new_engine, new_schema_name
from trelloql.settings import Settings
from trelloql.upstream import upstream_ctx

DEFAULT_QUERY = """# Welcome to trelloql. Press the run button (or Ctrl-Enter).
{
  me {
    fullName
    boards(filter: OPEN) {
      name
      lists {
        name
        cards {
          name
          labels { color }
        }
      }
    }
  }
}
"""


def _cook_at_startup(
    engine: Engine, sdl_dir: Path, schema_name: str
) -> Callable[[web.Application], Awaitable[None]]:
    """A start-up step cooking `engine` (tartiflette-aiohttp's own step then finds it
    cooked), so that no copy of the SDL text outlives the cooking."""

    async def cook_engine(_app: web.Application) -> None:
        await cook(engine, sdl_dir, schema_name)

    return cook_engine


async def _mark_serving(app: web.Application) -> None:
    """Ready once every start-up step (session, sandbox, engine) has run."""
    app[LIFECYCLE].serving = True


async def _mark_draining(app: web.Application) -> None:
    """Unready as soon as shutdown begins."""
    app[LIFECYCLE].draining = True


def create_app(settings: Settings) -> web.Application:
    """Build the service: /graphql (+ GraphiQL), /healthz and /readyz."""
    middlewares = [observe_graphql, graphql_guard, query_guard]
    app = web.Application(middlewares=middlewares, client_max_size=MAX_BODY_BYTES)
    engine, schema_name = new_engine(), new_schema_name()
    app[SETTINGS] = settings
    app[LIFECYCLE] = Lifecycle()
    app[METRICS] = Metrics()
    app[QUERY_GUARD] = QueryGuard.from_settings(
        settings, CostModel.of_engine(engine, fetched_fields(), planned=settings.planner)
    )
    app[HEAVY_QUERIES] = asyncio.Semaphore(settings.heavy_query_slots)
    if settings.planner:
        app[PLANNER] = Planner(GRAPH)
    app.cleanup_ctx.append(upstream_ctx)
    app.cleanup_ctx.append(limiter_ctx)
    app.on_startup.append(_cook_at_startup(engine, settings.sdl_dir, schema_name))
    register_graphql_handlers(
        app,
        engine=engine,
        engine_schema_name=schema_name,
        executor_http_endpoint=GRAPHQL_PATH,
        executor_http_methods=["GET", "POST"],
        context_factory=context_factory,
        response_formatter=format_response,
    )
    add_graphiql_routes(app, settings, DEFAULT_QUERY)
    app.on_startup.append(_mark_serving)
    app.on_shutdown.append(_mark_draining)
    add_health_routes(app)
    if settings.metrics:
        add_metrics_route(app, app[METRICS])
    return app
