"""What the commands print for people: the table of top actors (`geoevents top`, `geoevents demo`)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def print_top(actors: list[dict[str, Any]], title: str) -> None:
    table = Table(title=title)
    table.add_column("#", justify="right")
    table.add_column("code")
    table.add_column("name")
    table.add_column("mentions", justify="right")
    for i, a in enumerate(actors, 1):
        table.add_row(str(i), a["code"], a["name"], str(a["mentions"]))
    Console().print(table)
