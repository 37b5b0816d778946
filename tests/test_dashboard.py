"""The live dashboard in headless Chromium against a real worker fed with the bundled samples."""

from __future__ import annotations

import asyncio
import os
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from streams import jsonio
from streams.inputs import SAMPLES
from streams.publish import publish_records
from streams.settings import Settings

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
IN_CI = os.environ.get("CI", "").lower() == "true"
SAMPLE_ARTICLES = sum(1 for line in SAMPLES.read_text().splitlines() if line.strip())

# The chart's state once it has drawn an answer for the selected window.
DRAWN = """(win) => {
  const c = document.querySelector('#top-actors');
  return c && c.dataset.window === win && (c.dataset.state === 'ok' || c.dataset.state === 'empty');
}"""
BARS = """() => [...document.querySelectorAll('#top-actors [data-code]')].map(
  (b) => ({code: b.dataset.code, mentions: Number(b.dataset.mentions), label: b.textContent}))"""


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (required in CI)")
    pytest.skip(reason)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return jsonio.loads(resp.read())


def top_actors(base: str, window: str) -> list[tuple[str, int]]:
    body = get_json(f"{base}/api/actors/top?window={window}&n=10")
    assert body["window"] == window
    return [(a["code"], a["mentions"]) for a in body["actors"]]


def wait_processed(base: str, timeout: float = 120.0) -> dict[str, float]:
    """Poll /api/health until the samples are extracted and every mention is counted."""
    deadline = time.monotonic() + timeout
    counters: dict[str, float] = {}
    while time.monotonic() < deadline:
        try:
            counters = get_json(f"{base}/api/health")["counters"]
        except OSError:
            counters = {}
        if (counters.get("articles_extracted", 0) >= SAMPLE_ARTICLES
                and counters.get("mentions_out", 0) > 0
                and counters.get("mentions_counted") == counters.get("mentions_out")):
            return counters
        time.sleep(0.5)
    raise AssertionError(f"the worker did not process the samples in {timeout:.0f} s: {counters}")


def bars_match_api(page: Any, base: str, window: str, timeout: float = 15.0) -> list[dict[str, Any]]:
    """Wait until the chart shows `window` and its bars equal the API's answer; return the bars."""
    page.wait_for_function(DRAWN, arg=window, timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    while True:
        expected = top_actors(base, window)
        bars = page.evaluate(BARS)
        if [(b["code"], b["mentions"]) for b in bars] == expected or time.monotonic() > deadline:
            break
        page.wait_for_timeout(500)  # the page polls every 2 s
    assert [(b["code"], b["mentions"]) for b in bars] == expected, f"window {window}"
    for b in bars:  # each bar has a visible label with the code and the count
        assert b["code"] in b["label"] and str(b["mentions"]) in b["label"], b
    return bars


def test_dashboard_shows_live_data(start_worker, stack_env: dict[str, str], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).is_file():
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (pip install playwright==1.65.2)")

    worker = start_worker()
    settings = Settings.from_mapping(stack_env)
    sent, failed = asyncio.run(publish_records(settings, [str(SAMPLES)], settings.topic_articles, quiet=True))
    assert (sent, failed) == (SAMPLE_ARTICLES, 0)
    wait_processed(worker.url)
    assert top_actors(worker.url, "all"), "the samples produced no actor mentions"

    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(worker.url + "/")
            assert page.input_value("#window-select") == "all"
            assert page.eval_on_selector_all("#window-select option", "os => os.map(o => o.value)") == [
                "1h", "24h", "7d", "all"]

            # 1. top actors, window "all": one bar per actor, as the API says
            bars = bars_match_api(page, worker.url, "all")
            assert bars and page.is_visible("#top-actors [data-code]")

            # 3. latest events: newest first, with the trigger (and actors) highlighted in the sentence
            page.wait_for_selector("#latest-events mark.trg", timeout=15_000)
            assert page.locator("#latest-events mark.trg").count() >= 1
            assert page.locator("#latest-events mark.src").count() >= 1
            marks = page.eval_on_selector_all("#latest-events mark", "ms => ms.map(m => m.textContent)")
            assert all(m.strip() for m in marks)

            # the other panels drew something (data or an explicit empty state), never stuck loading
            for panel in ("#events-rate", "#top-dyads", "#places"):
                page.wait_for_function(
                    "(sel) => ['ok', 'empty', 'error'].includes(document.querySelector(sel).dataset.state)",
                    arg=panel, timeout=15_000)
            page.wait_for_function("() => document.querySelector('#health').dataset.state === 'ok'", timeout=15_000)

            # 4. top stories: the representative sentence with its counts, as the API ranks them;
            # a click lists the story's articles
            page.wait_for_selector("#top-stories .story", timeout=15_000)
            api = get_json(f"{worker.url}/api/stories/top?n=15&min_sources=1")["stories"]
            shown = page.eval_on_selector_all("#top-stories .story", """ss => ss.map(s => ({
                id: s.dataset.storyId, sentence: s.querySelector('.sentence').textContent,
                sources: Number(s.querySelector('.num-sources').textContent),
                articles: Number(s.querySelector('.num-articles').textContent),
                mentions: Number(s.querySelector('.num-mentions').textContent)}))""")
            assert shown == [{"id": x["story_id"], "sentence": x["representative"]["sentence"],
                              "sources": x["num_sources"], "articles": x["num_articles"],
                              "mentions": x["num_mentions"]} for x in api]
            first = api[0]
            page.click(f"#top-stories .story[data-story-id='{first['story_id']}'] .sentence")
            page.wait_for_selector(f"#top-stories .story[data-story-id='{first['story_id']}'] .story-articles li",
                                   timeout=10_000)
            listed = page.eval_on_selector_all(
                f"#top-stories .story[data-story-id='{first['story_id']}'] .story-articles li",
                "ls => ls.map(l => l.dataset.articleId)")
            assert listed == first["article_ids"]
            page.wait_for_timeout(300)
            page.screenshot(path=str(tmp_path / "dashboard.png"))

            # switching the window redraws the chart with the 1h answer (possibly empty)
            page.select_option("#window-select", "1h")
            bars_1h = bars_match_api(page, worker.url, "1h")
            state = page.get_attribute("#top-actors", "data-state")
            if bars_1h:
                assert state == "ok"
            else:
                assert state == "empty"
                assert page.locator("#top-actors .empty").is_visible()
            page.screenshot(path=str(tmp_path / "dashboard-1h.png"))
        finally:
            browser.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    print(f"screenshots in {tmp_path}")
