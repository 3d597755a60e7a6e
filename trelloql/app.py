"""The aiohttp application factory."""

from __future__ import annotations

from aiohttp import web
from tartiflette_aiohttp import register_graphql_handlers

from trelloql.graphiql import add_graphiql_routes
from trelloql.graphql_http import (
    GRAPHQL_PATH,
    MAX_BODY_BYTES,
    context_factory,
    format_response,
    graphql_guard,
)
from trelloql.health import add_health_routes
from trelloql.keys import LIFECYCLE, PLANNER, SETTINGS, Lifecycle
from trelloql.planner import Planner
from trelloql.resolvers import GRAPH
from trelloql.schema import new_engine, new_schema_name, read_sdl
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


async def _mark_serving(app: web.Application) -> None:
    """Ready once every start-up step (session, sandbox, engine) has run."""
    app[LIFECYCLE].serving = True


async def _mark_draining(app: web.Application) -> None:
    """Unready as soon as shutdown begins."""
    app[LIFECYCLE].draining = True


def create_app(settings: Settings) -> web.Application:
    """Build the service: /graphql (+ GraphiQL), /healthz and /readyz."""
    app = web.Application(middlewares=[graphql_guard], client_max_size=MAX_BODY_BYTES)
    app[SETTINGS] = settings
    app[LIFECYCLE] = Lifecycle()
    if settings.planner:
        app[PLANNER] = Planner(GRAPH)
    app.cleanup_ctx.append(upstream_ctx)
    register_graphql_handlers(
        app,
        engine=new_engine(),
        engine_sdl=read_sdl(settings.sdl_dir),
        engine_schema_name=new_schema_name(),
        executor_http_endpoint=GRAPHQL_PATH,
        executor_http_methods=["GET", "POST"],
        context_factory=context_factory,
        response_formatter=format_response,
    )
    add_graphiql_routes(app, settings, DEFAULT_QUERY)
    app.on_startup.append(_mark_serving)
    app.on_shutdown.append(_mark_draining)
    add_health_routes(app)
    return app
