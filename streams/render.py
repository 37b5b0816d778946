"""What the commands print for people: the tables of top actors (`geoevents top`, `geoevents demo`)
and top stories (`geoevents stories`)."""

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


def print_stories(stories: list[dict[str, Any]], title: str) -> None:
    table = Table(title=title)
    table.add_column("#", justify="right")
    table.add_column("day")
    table.add_column("dyad")
    table.add_column("root", justify="right")
    table.add_column("place")
    table.add_column("sources", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("mentions", justify="right")
    table.add_column("conf.", justify="right")
    table.add_column("representative sentence")
    for i, s in enumerate(stories, 1):
        rep = s["representative"]
        sentence = rep["sentence"] if len(rep["sentence"]) <= 100 else rep["sentence"][:99] + "…"
        planned = " (planned)" if s["hypothetical"] else ""
        table.add_row(str(i), s["day"], f"{s['source']}>{s['target'] or '-'}", s["root"], s["place"] or "-",
                      str(s["num_sources"]), str(s["num_articles"]), str(s["num_mentions"]),
                      f"{s['confidence']:.2f}", f"{rep['code']} {rep['name']}{planned}: {sentence}")
    Console().print(table)
