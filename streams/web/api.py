"""JSON query API served by every worker (Faust web). Documented in schemas/openapi.json.

Tables are partitioned across workers; a query for one actor is routed to the worker that owns
the key (Faust table routing) and a top-N query gathers the local tops of every worker.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Any

import aiohttp
from prometheus_client import generate_latest

from streams import metrics
from streams.app import app, settings
from streams.stories import rank, story_record
from streams.tables import (
    counted,
    dyads,
    events_per_minute,
    mentions_all,
    mentions_hourly,
    pane_count,
    places,
    window_count,
)
from streams.tables import stories as stories_table
from streams.web.recent import RecentEvents

WINDOW_CHOICES = ("1h", "24h", "7d", "all")
MAX_N = 500


class BadRequest(ValueError):
    """A query parameter is invalid: answered with 400 and the message."""


def int_param(request: Any, name: str, default: int, low: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"'{name}' must be an integer, got {raw!r}") from None
    if not low <= value <= high:
        raise BadRequest(f"'{name}' must be between {low} and {high}, got {value}")
    return value


def choice_param(request: Any, name: str, default: str, choices: tuple[str, ...]) -> str:
    value = request.query.get(name, default) or default
    if value not in choices:
        raise BadRequest(f"'{name}' must be one of {', '.join(choices)}, got {value!r}")
    return value


def bad_request(web: Any, exc: BadRequest) -> Any:
    return web.json({"error": str(exc)}, status=400)


def actor_name(code: str) -> str:
    from streams.extraction.lexicon import load_lexicon

    lex = load_lexicon()
    if code in lex.countries:
        return lex.countries[code].name
    org = lex.orgs.get(code)
    return org.name if org else code


def local_counts(window: str) -> dict[str, int]:
    if window == "all":
        return {k: int(v["n"]) for k, v in mentions_all.items() if v}
    now = time.time()
    counts = {k: window_count(k, window, now) for k in list(mentions_all.keys())}
    return {k: v for k, v in counts.items() if v}


def peer_urls(table_name: str) -> list[str]:
    """Web URLs of the other workers that hold partitions of a table."""
    try:
        meta = app.router.table_metadata(table_name)
    except Exception:  # noqa: BLE001 - before the first assignment there is no metadata
        return []
    me = str(app.conf.canonical_url).rstrip("/")
    return sorted({str(url).rstrip("/") for url in meta if str(url).rstrip("/") != me})


async def fan_out(path: str, params: dict[str, Any]) -> list[Any]:
    """The same query answered locally by every other worker (local=1); failed peers are skipped."""
    peers = peer_urls(mentions_all.name)
    if not peers:
        return []
    timeout = aiohttp.ClientTimeout(total=5)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async def fetch(url: str) -> Any:
            async with session.get(f"{url}{path}", params={**params, "local": "1"}) as r:
                r.raise_for_status()
                return await r.json()
        results = await asyncio.gather(*(fetch(u) for u in peers), return_exceptions=True)
    return [r for r in results if not isinstance(r, BaseException)]


def is_local(request: Any) -> bool:
    return request.query.get("local", "") in ("1", "true")


async def gather_counts(window: str, local_only: bool) -> dict[str, int]:
    counts = local_counts(window)
    if local_only:
        return counts
    for body in await fan_out("/api/actors/top", {"window": window, "n": MAX_N}):
        for a in body["actors"]:
            counts[a["code"]] = counts.get(a["code"], 0) + a["mentions"]
    return counts


@app.page("/api/actors/top")
async def top_actors(web: Any, request: Any) -> Any:
    try:
        window = choice_param(request, "window", "all", WINDOW_CHOICES)
        n = int_param(request, "n", 10, 1, MAX_N)
        local_only = is_local(request)
    except BadRequest as exc:
        return bad_request(web, exc)
    counts = await gather_counts(window, local_only)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return web.json({
        "window": window,
        "actors": [{"code": k, "name": actor_name(k), "mentions": v} for k, v in ranked],
    })


def owner_url(table: Any, key: str) -> str | None:
    """Web URL of the worker that owns `key` in `table`, or None when it is this worker or unknown.

    The partition is computed with Kafka's default partitioner (murmur2), as the producer that
    wrote the actor-mentions record did; the owner comes from Faust's assignment metadata.
    """
    from aiokafka.partitioner import DefaultPartitioner

    parts = list(range(settings.partitions))
    partition = DefaultPartitioner()(key.encode(), parts, parts)
    changelog = table.changelog_topic.get_topic_name()
    try:
        meta = app.router.table_metadata(table.name)
    except Exception:  # noqa: BLE001 - no assignment yet
        return None
    me = str(app.conf.canonical_url).rstrip("/")
    for host, topics in meta.items():
        if partition in topics.get(changelog, []):
            url = str(host).rstrip("/")
            return None if url == me else url
    return None


@app.page("/api/actors/{code}")
async def actor_detail(web: Any, request: Any, code: str) -> Any:
    try:
        hours = int_param(request, "hours", 24, 1, 168)
    except BadRequest as exc:
        return bad_request(web, exc)
    if not code.isalnum() or len(code) > 16:
        return web.json({"error": f"not an actor code: {code[:20]!r}"}, status=400)
    code = code.upper()
    owner = owner_url(mentions_all, code) if request.query.get("local") != "1" else None
    if owner:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            async with session.get(f"{owner}/api/actors/{code}", params={"hours": hours, "local": "1"}) as r:
                return web.json(await r.json(), status=r.status)
    now = time.time()
    hourly = []
    for h in range(hours - 1, -1, -1):
        start = (now - h * 3600.0) // 3600.0 * 3600.0
        count = pane_count(mentions_hourly, code, now - h * 3600.0)
        hourly.append({"hour": datetime.fromtimestamp(start, UTC).strftime("%Y-%m-%dT%H:00:00Z"), "mentions": count})
    return web.json({
        "code": code,
        "name": actor_name(code),
        "mentions": int((mentions_all.get(code) or {}).get("n", 0)),
        "windows": {w: window_count(code, w, now) for w in ("1h", "24h", "7d")},
        "codes": dict(sorted((mentions_all.get(code) or {}).get("codes", {}).items(), key=lambda kv: -kv[1])),
        "hourly": hourly,
    })


def _unscoped(key: str) -> str:
    return key.split("|", 1)[1]


@app.page("/api/dyads/top")
async def top_dyads(web: Any, request: Any) -> Any:
    try:
        n = int_param(request, "n", 10, 1, MAX_N)
    except BadRequest as exc:
        return bad_request(web, exc)
    totals: dict[str, list[float]] = {}
    for key, value in dyads.items():
        t = totals.setdefault(_unscoped(key), [0, 0.0])
        t[0] += value["events"]
        t[1] += value["goldstein_sum"]
    if not is_local(request):
        for body in await fan_out("/api/dyads/top", {"n": MAX_N}):
            for d in body["dyads"]:
                t = totals.setdefault(f"{d['source']}>{d['target']}", [0, 0.0])
                t[0] += d["events"]
                t[1] += d["goldstein_sum"]
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[0]))[:n]
    return web.json({"dyads": [
        {"source": k.split(">")[0], "target": k.split(">")[1], "events": int(v[0]),
         "mean_goldstein": round(v[1] / v[0], 2) if v[0] else 0.0, "goldstein_sum": v[1]}
        for k, v in ranked]})


@app.page("/api/places/top")
async def top_places(web: Any, request: Any) -> Any:
    from streams.extraction.places import gazetteer

    try:
        n = int_param(request, "n", 20, 1, MAX_N)
    except BadRequest as exc:
        return bad_request(web, exc)
    totals: dict[str, int] = {}
    for key, value in places.items():
        totals[_unscoped(key)] = totals.get(_unscoped(key), 0) + counted(value)[0]
    if not is_local(request):
        for body in await fan_out("/api/places/top", {"n": MAX_N}):
            for p in body["places"]:
                totals[p["country"]] = totals.get(p["country"], 0) + p["events"]
    gaz = gazetteer()
    out = []
    for iso3, count in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:n]:
        place = gaz.countries.get(iso3.casefold())
        out.append({"country": iso3, "name": actor_name(iso3), "events": count,
                    "lat": place.lat if place else None, "lon": place.lon if place else None})
    return web.json({"places": out})


def event_filter(request: Any) -> dict[str, Any]:
    flt: dict[str, Any] = {}
    actor = request.query.get("actor", "").upper()
    if actor:
        if not actor.isalnum() or len(actor) > 16:
            raise BadRequest(f"'actor' must be an actor code, got {actor[:20]!r}")
        flt["actor"] = actor
    country = request.query.get("country", "").upper()
    if country:
        if len(country) != 3 or not country.isalpha():
            raise BadRequest(f"'country' must be an ISO-3 code, got {country[:20]!r}")
        flt["country"] = country
    root = request.query.get("root", "")
    if root:
        if not root.isdigit() or not 1 <= int(root) <= 20:
            raise BadRequest(f"'root' must be a CAMEO root code 01-20, got {root[:20]!r}")
        flt["root"] = root.zfill(2)
    if request.query.get("quad"):
        flt["quad"] = int_param(request, "quad", 0, 1, 4)
    return flt


def event_matches(ev: dict[str, Any], flt: dict[str, Any]) -> bool:
    actors = [a for a in (ev.get("source"), ev.get("target")) if a]
    if "actor" in flt and not any(a["code"] == flt["actor"] or a["code"].startswith(flt["actor"]) for a in actors):
        return False
    if "country" in flt and not any(a.get("country") == flt["country"] for a in actors):
        return False
    if "root" in flt and ev["cameo"]["root"] != flt["root"]:
        return False
    return "quad" not in flt or ev["quad_class"] == flt["quad"]


_recent: RecentEvents | None = None


async def recent_reader() -> RecentEvents:
    """The worker's reader of the tail of `events` (streams/web/recent.py), made at the first query
    and stopped with the app; it reads every partition, so no other worker is asked."""
    global _recent
    if _recent is None:
        _recent = RecentEvents(settings, settings.topic_events, settings.recent_events)
        await app.add_runtime_dependency(_recent)
    return _recent


@app.page("/api/events/recent")
async def recent(web: Any, request: Any) -> Any:
    try:
        limit = int_param(request, "limit", 30, 1, MAX_N)
        flt = event_filter(request)
    except BadRequest as exc:
        return bad_request(web, exc)
    found = [ev for ev in await (await recent_reader()).latest() if event_matches(ev, flt)]
    found.sort(key=lambda e: (e.get("extracted_at") or "", e["published_at"], e["event_id"]), reverse=True)
    return web.json({"events": found[:limit]})


@app.page("/api/events/rate")
async def rate(web: Any, request: Any) -> Any:
    try:
        minutes = int_param(request, "minutes", 60, 1, 120)
    except BadRequest as exc:
        return bad_request(web, exc)
    now = time.time()
    start = now // 60 * 60 - (minutes - 1) * 60
    counts = {start + i * 60: 0 for i in range(minutes)}
    for part in range(settings.partitions):
        for ts in counts:
            counts[ts] += int(events_per_minute.table._windowed_timestamp(  # type: ignore[attr-defined]
                f"p{part}", ts + 1))
    # partitions owned by other workers answer there; each worker holds only its own keys
    if not is_local(request):
        for body in await fan_out("/api/events/rate", {"minutes": minutes}):
            for row in body["minutes"]:
                ts = datetime.strptime(row["minute"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
                if ts in counts:
                    counts[ts] += row["events"]
    return web.json({"minutes": [
        {"minute": datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "events": n}
        for ts, n in sorted(counts.items())]})


STORY_WINDOWS = {"1h": 3600.0, "24h": 86400.0, "7d": 7 * 86400.0, "30d": 30 * 86400.0, "all": None}


def story_filter(request: Any) -> dict[str, Any]:
    """The filters of /api/stories/top: window (of the last event time), min_sources, country
    (source, target or place), root."""
    flt: dict[str, Any] = {"window": choice_param(request, "window", "all", tuple(STORY_WINDOWS)),
                           "min_sources": int_param(request, "min_sources", 1, 1, 10_000)}
    country = request.query.get("country", "").upper()
    if country:
        if not country.isalnum() or len(country) > 16:
            raise BadRequest(f"'country' must be an ISO-3 or actor code, got {country[:20]!r}")
        flt["country"] = country
    root = request.query.get("root", "")
    if root:
        if not root.isdigit() or not 1 <= int(root) <= 20:
            raise BadRequest(f"'root' must be a CAMEO root code 01-20, got {root[:20]!r}")
        flt["root"] = root.zfill(2)
    return flt


def story_matches(story: dict[str, Any], flt: dict[str, Any], now: float) -> bool:
    size = STORY_WINDOWS[flt["window"]]
    if size is not None and story["last"] < now - size:
        return False
    if len(story["sources"]) < flt["min_sources"]:
        return False
    if "country" in flt and flt["country"] not in (story["key"]["source"], story["key"]["target"]) \
            and flt["country"] not in (story.get("places") or {}):
        return False
    return "root" not in flt or story["key"]["root"] == flt["root"]


def local_stories(flt: dict[str, Any], n: int) -> list[dict[str, Any]]:
    """This worker's top `n` stories that match `flt` (each story lives on one partition)."""
    now = time.time()
    found = [story_record(v) for v in list(stories_table.data.values())
             if isinstance(v, dict) and "story_id" in v and story_matches(v, flt, now)]
    return sorted(found, key=rank)[:n]


@app.page("/api/stories/top")
async def top_stories(web: Any, request: Any) -> Any:
    try:
        flt = story_filter(request)
        n = int_param(request, "n", 20, 1, MAX_N)
    except BadRequest as exc:
        return bad_request(web, exc)
    found = {s["story_id"]: s for s in local_stories(flt, n)}
    if not is_local(request):
        params = {k: v for k, v in flt.items()} | {"n": n}
        for body in await fan_out("/api/stories/top", params):
            for story in body["stories"]:
                # a partition that just moved may still be in the memory of its former owner: keep the
                # state that has seen the most
                mine = found.get(story["story_id"])
                if mine is None or story["num_mentions"] > mine["num_mentions"]:
                    found[story["story_id"]] = story
    ranked = sorted(found.values(), key=rank)[:n]
    return web.json({"window": flt["window"], "min_sources": flt["min_sources"], "stories": ranked})


@app.page("/api/stories/{story_id}")
async def story_detail(web: Any, request: Any, story_id: str) -> Any:
    story_id = story_id.lower()
    if len(story_id) != 16 or any(c not in "0123456789abcdef" for c in story_id):
        return web.json({"error": f"not a story id (16 hex digits): {story_id[:20]!r}"}, status=400)
    owner = owner_url(stories_table, story_id) if not is_local(request) else None
    if owner:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
            async with session.get(f"{owner}/api/stories/{story_id}", params={"local": "1"}) as r:
                return web.json(await r.json(), status=r.status)
    state = stories_table.data.get(story_id)
    if not isinstance(state, dict) or "story_id" not in state:
        return web.json({"error": f"no story {story_id}"}, status=404)
    return web.json(story_record(state))


def counters() -> dict[str, float]:
    """The pipeline counters, from one pass over the metrics registry (polled often by clients)."""
    totals: dict[str, float] = {}
    for metric in metrics.REGISTRY.collect():
        for sample in metric.samples:
            if sample.name.endswith("_total"):
                totals[metric.name] = totals.get(metric.name, 0.0) + sample.value
    return {
        "articles_in": totals.get("geoevents_articles_in", 0.0),
        "articles_extracted": totals.get("geoevents_articles_extracted", 0.0),
        "articles_rejected": totals.get("geoevents_articles_rejected", 0.0),
        "events_out": totals.get("geoevents_events_out", 0.0),
        "mentions_out": totals.get("geoevents_mentions_out", 0.0),
        "mentions_counted": totals.get("geoevents_mentions_counted", 0.0),
    }


def table_sizes() -> dict[str, int]:
    return {name: len(table.data) for name, table in app.tables.items()}


@app.page("/api/health")
async def health(web: Any, request: Any) -> Any:
    assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in app.assignor.assigned_actives()
                      if not tp.topic.endswith("-changelog") and "__assignor" not in tp.topic)
    from streams.agents.extract import parser_ready

    return web.json({
        "status": "ok" if parser_ready() else "starting",
        "app_id": settings.app_id,
        "url": str(app.conf.canonical_url),
        "rebalancing": bool(app.rebalancing),
        "assigned": assigned,
        "counters": counters(),
    })


@app.page("/api/stats")
async def stats(web: Any, request: Any) -> Any:
    return web.json({"counters": counters(), "tables": table_sizes(), "peers": peer_urls(mentions_all.name)})


@app.page("/metrics")
async def prometheus(web: Any, request: Any) -> Any:
    for name, size in table_sizes().items():
        metrics.TABLE_KEYS.labels(table=name).set(size)
    await update_lag()
    return web.text(generate_latest(metrics.REGISTRY).decode(), content_type="text/plain; version=0.0.4")


async def update_lag() -> None:
    """Consumer lag per assigned partition: the high-water mark minus the next offset to read."""
    consumer = app.consumer
    try:
        assigned = consumer.assignment()
    except Exception:  # noqa: BLE001 - not assigned yet
        return
    read = getattr(consumer, "_read_offset", {})
    committed = getattr(consumer, "_committed_offset", {})
    for tp in assigned:
        if tp.topic.endswith("-changelog") or "__assignor" in tp.topic:
            continue
        try:
            high = consumer.highwater(tp)
        except Exception:  # noqa: BLE001 - no fetch yet for this partition
            continue
        done = read.get(tp)
        if done is None:
            done = committed.get(tp)
        position = (done + 1) if done is not None else 0
        if high is not None:
            metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(max(high - position, 0))
