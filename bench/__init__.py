"""The trelloql benchmark: `make bench`, or `python -m bench --help`."""
