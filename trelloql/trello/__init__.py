"""The Trello REST client, its errors and the per-request loader."""
