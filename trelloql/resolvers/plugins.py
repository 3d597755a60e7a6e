"""Trello mappings of Power-Ups: a board's plugins and enablements, stored plugin data."""

from trelloql.resolvers.base import Fetch, filter_param
from trelloql.resolvers.lookups import Lookup

MAPPINGS = [
    Lookup("Board.plugins", "/boards/{id}/plugins", "Plugin", filter_param, fields_param=None),
    Lookup("Board.boardPlugins", "/boards/{id}/boardPlugins", "BoardPlugin", fields_param=None),
    Lookup("Card.pluginData", "/cards/{id}/pluginData", "PluginData", fields_param=None),
    Lookup(
        "Organization.pluginData",
        "/organizations/{id}/pluginData",
        "PluginData",
        fields_param=None,
    ),
    Lookup("BoardPlugin.plugin", "/plugins/{idPlugin}", "Plugin", fields_param=None),
    Lookup("PluginData.plugin", "/plugins/{idPlugin}", "Plugin", fields_param=None),
    Fetch("Plugin.organizationOwner", "/organizations/{idOrganizationOwner}", "Organization"),
]
