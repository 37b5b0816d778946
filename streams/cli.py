"""The `geoevents` command: broker, worker, publish, tail, top, stories, extract, evaluate, evaluate-stories, demo."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from streams import jsonio
from streams.settings import get_settings

cli = typer.Typer(help="Real-time geopolitical event extraction on Kafka (CAMEO events, live actor counts).",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True)


def fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


def stop_like_ctrl_c() -> None:
    """SIGTERM (how systemd, Docker and Kubernetes stop a service) and SIGHUP (the terminal closed)
    act like Ctrl-C: SIGINT is raised, so `finally` blocks (and asyncio.run, which turns SIGINT into
    the cancellation of its task) stop the child processes before the command exits."""

    def as_sigint(signum: int, frame: Any) -> None:
        signal.raise_signal(signal.SIGINT)

    if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, signal.SIG_DFL, None):
        # started with SIGINT ignored (a background job of a shell script, `cmd &`): without Python's
        # own handler the SIGINT raised above would do nothing and SIGTERM would never stop the command
        signal.signal(signal.SIGINT, signal.default_int_handler)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, as_sigint)


@cli.command()
def broker(
    data_dir: Annotated[Path, typer.Option(help="where the broker keeps its data")] = Path(".geoevents/broker"),
    port: Annotated[int, typer.Option(help="client port")] = 9092,
    controller_port: Annotated[int, typer.Option(help="KRaft controller port")] = 9093,
) -> None:
    """Run a single-node Apache Kafka (KRaft) on 127.0.0.1 in the foreground until Ctrl-C."""
    from streams.broker import LocalKafka
    from streams.errors import BrokerError

    stop_like_ctrl_c()
    kafka = LocalKafka(data_dir, port=port, controller_port=controller_port, libs=get_settings().kafka_libs,
                       die_with_parent=True)
    try:
        try:
            kafka.start()
        except BrokerError as exc:
            fail(str(exc))
        err.print(f"Kafka is up on {kafka.bootstrap} (data in {data_dir}, log in {data_dir / 'broker.log'}). "
                  "Ctrl-C or SIGTERM stops it.")
        assert kafka.process is not None
        code = kafka.process.wait()
        fail(f"Kafka exited with code {code} (log in {data_dir / 'broker.log'})", 1)
    except KeyboardInterrupt:
        err.print("stopping Kafka ...")
    finally:
        kafka.stop()


@cli.command()
def worker(
    loglevel: Annotated[str, typer.Option("--loglevel", "-l", help="crit, error, warn, info or debug")] = "",
    web_port: Annotated[int, typer.Option(help="port of the HTTP API (default GEOEVENTS_WEB_PORT)")] = 0,
) -> None:
    """Run the Faust worker: ingest, dedup, extract and count agents plus the HTTP API."""
    if web_port:
        os.environ["GEOEVENTS_WEB_PORT"] = str(web_port)
    from faust import Worker

    import streams.agents  # noqa: F401 - registers the agents
    import streams.web.api  # noqa: F401 - registers the HTTP views
    import streams.web.dashboard  # noqa: F401
    from streams.app import app, quiet_client_logs, settings
    from streams.topics import ensure_topics

    level = loglevel or settings.log_level
    try:
        created = asyncio.run(ensure_topics(settings))
    except Exception as exc:  # noqa: BLE001 - any client error means the broker cannot be used
        fail(f"cannot reach Kafka at {settings.bootstrap_servers}: {exc}")
    if created:
        err.print(f"created topics: {', '.join(created)}")
    worker_ = Worker(app, loglevel=level)
    quiet_client_logs()
    worker_.execute_from_commandline()


@cli.command()
def publish(
    paths: Annotated[list[str] | None, typer.Argument(help="JSONL, JSON or .txt files; - for stdin")] = None,
    topic: Annotated[str, typer.Option(help="topic (default GEOEVENTS_TOPIC_ARTICLES)")] = "",
) -> None:
    """Publish articles to the articles topic, with a progress bar and a final count."""
    from streams.publish import publish_records

    settings = get_settings()
    try:
        sent, failed = asyncio.run(publish_records(settings, paths or ["-"], topic or settings.topic_articles))
    except FileNotFoundError as exc:
        fail(str(exc))
    err.print(f"sent {sent}, failed {failed}")
    if failed:
        raise typer.Exit(1)


@cli.command()
def tail(
    topic: Annotated[str, typer.Option(help="topic to read (default: events)")] = "",
    from_beginning: Annotated[bool, typer.Option("--from-beginning", help="start at the oldest message")] = False,
    limit: Annotated[int, typer.Option(help="stop after N messages (0 = no limit)")] = 0,
    timeout: Annotated[float, typer.Option(help="stop after N seconds without a message (0 = wait forever)")] = 0.0,
    country: Annotated[str, typer.Option(help="only events whose source or target country is this ISO-3 code")] = "",
    root: Annotated[str, typer.Option(help="only events of this CAMEO root code, e.g. 19")] = "",
    quad: Annotated[int, typer.Option(help="only events of this quad class (1-4)")] = 0,
    min_goldstein: Annotated[float | None, typer.Option(help="only events with at least this Goldstein value")] = None,
    json_lines: Annotated[bool | None, typer.Option("--json/--table", help="JSON lines (default when not a terminal)")] = None,
) -> None:
    """Print messages of a topic: a readable table on a terminal, JSON lines with --json."""
    from streams.tail import EventFilter, tail_topic

    settings = get_settings()
    flt = EventFilter(country=country.upper() or None, root=root or None, quad=quad or None, min_goldstein=min_goldstein)
    if quad and not 1 <= quad <= 4:
        fail("--quad must be 1, 2, 3 or 4")
    as_json = json_lines if json_lines is not None else not sys.stdout.isatty()
    asyncio.run(tail_topic(settings, topic or settings.topic_events, from_beginning, limit, timeout, flt, as_json))


def api_get(url: str, path: str, params: dict[str, Any]) -> Any:
    """The JSON answer of a worker's API (`url`, default GEOEVENTS_WEB_HOST:GEOEVENTS_WEB_PORT);
    a clear error when it refuses the query or no worker answers."""
    import urllib.error
    import urllib.parse
    import urllib.request

    base = url or get_settings().web_url
    query = urllib.parse.urlencode({k: v for k, v in params.items() if v not in (None, "")})
    try:
        with urllib.request.urlopen(f"{base}{path}?{query}", timeout=10) as resp:
            return jsonio.loads(resp.read())
    except urllib.error.HTTPError as exc:
        fail(jsonio.loads(exc.read()).get("error", str(exc)))
    except OSError as exc:
        fail(f"no worker answers at {base}: {exc}")


@cli.command()
def top(
    window: Annotated[str, typer.Option(help="1h, 24h, 7d or all")] = "all",
    n: Annotated[int, typer.Option(help="how many actors")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="print the JSON answer")] = False,
    url: Annotated[str, typer.Option(help="worker URL (default http://GEOEVENTS_WEB_HOST:GEOEVENTS_WEB_PORT)")] = "",
) -> None:
    """Most mentioned actors, from the live tables through the worker's HTTP API."""
    body = api_get(url, "/api/actors/top", {"window": window, "n": n})
    if as_json:
        print(jsonio.pretty(body))
        return
    from streams.render import print_top

    print_top(body["actors"], f"top actors ({body['window']})")


@cli.command()
def stories(
    window: Annotated[str, typer.Option(help="last event within 1h, 24h, 7d, 30d, or all")] = "all",
    min_sources: Annotated[int, typer.Option(help="only stories reported by at least N publishers")] = 1,
    country: Annotated[str, typer.Option(help="only stories with this country as source, target or place")] = "",
    root: Annotated[str, typer.Option(help="only stories of this CAMEO root code (01-20)")] = "",
    n: Annotated[int, typer.Option(help="how many stories")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="print the JSON answer")] = False,
    url: Annotated[str, typer.Option(help="worker URL (default http://GEOEVENTS_WEB_HOST:GEOEVENTS_WEB_PORT)")] = "",
) -> None:
    """Top stories (one real-world event, many articles), most sources first, from the live tables."""
    body = api_get(url, "/api/stories/top", {"window": window, "min_sources": min_sources, "country": country,
                                             "root": root, "n": n})
    if as_json:
        print(jsonio.pretty(body))
        return
    from streams.render import print_stories

    print_stories(body["stories"], f"top stories ({body['window']}, at least {body['min_sources']} source(s))")


@cli.command("evaluate-stories")
def evaluate_stories(
    corpus: Annotated[Path, typer.Argument(help="articles JSONL with a truth_story label each")] = Path("tests/gold/stories.jsonl"),
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Pairwise precision, recall and F1 of "same story" against a corpus's own truth (offline, no Kafka)."""
    from streams.evaluate_stories import evaluate_corpus, render_story_scores

    if not corpus.exists():
        fail(f"no such file: {corpus}")
    try:
        report = evaluate_corpus(corpus)
    except ValueError as exc:
        fail(str(exc))
    if as_json:
        print(jsonio.pretty(report))
        return
    render_story_scores(report, Console())


@cli.command()
def extract(
    path: Annotated[str, typer.Argument(help="article JSONL file, or - for stdin")] = "-",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write events here instead of stdout")] = None,
) -> None:
    """Offline extraction without Kafka: article JSONL in, event JSONL out (the worker's code)."""
    from streams.offline import extract_file

    out = output.open("w") if output else sys.stdout
    try:
        stats = extract_file(path, out)
    except FileNotFoundError as exc:
        fail(str(exc))
    finally:
        if output:
            out.close()
    err.print(f"{stats['articles']} articles, {stats['events']} events, {stats['rejected']} rejected")


@cli.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="gold JSONL files: {id, text, expected: [{source, target, code}]}")],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    errors: Annotated[int, typer.Option(help="show up to N misses and false alarms")] = 0,
    plot: Annotated[Path | None, typer.Option(help="draw a reliability diagram (confidence against correctness) to this PNG")] = None,
) -> None:
    """Precision, recall and F1 of the extractor against gold files, at three levels; several files side by side."""
    from streams.evaluate import evaluate_file, plot_reliability, render, render_side_by_side

    for path in gold:
        if not path.exists():
            fail(f"no such file: {path}")
    reports = {path.stem: evaluate_file(path) for path in gold}
    if plot is not None:
        try:
            plot_reliability(reports, plot)
        except RuntimeError as exc:
            fail(str(exc))
    if as_json:
        print(jsonio.pretty(next(iter(reports.values())) if len(reports) == 1 else reports))
        return
    console = Console()
    for report in reports.values():
        render(report, console, errors)
    if len(reports) > 1:
        render_side_by_side(reports, console)
    if plot is not None:
        console.print(f"reliability diagram: {plot}")


@cli.command()
def demo(
    path: Annotated[Path | None, typer.Argument(help="articles to publish (default: the bundled samples)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object: events and top actors")] = False,
    timeout: Annotated[float, typer.Option(help="give up after N seconds")] = 300.0,
) -> None:
    """The whole job on the embedded broker: start Kafka and a worker, publish, print events and top actors."""
    from streams.demo import run_demo

    stop_like_ctrl_c()
    code = run_demo(path, as_json=as_json, timeout=timeout)
    raise typer.Exit(code)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
