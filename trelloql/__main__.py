"""`python -m trelloql` runs the `trelloql` command."""

from trelloql.cli import main

main()
