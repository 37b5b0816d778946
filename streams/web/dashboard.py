"""The live dashboard: a static page (no build step) served by every worker at GET /."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streams.app import app

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {".html": "text/html", ".js": "application/javascript", ".css": "text/css", ".svg": "image/svg+xml"}


@app.page("/")
async def index(web: Any, request: Any) -> Any:
    return web.html((STATIC / "index.html").read_text(encoding="utf-8"))


@app.page("/static/{name}")
async def static(web: Any, request: Any, name: str) -> Any:
    path = (STATIC / name).resolve()
    if path.parent != STATIC or not path.is_file() or path.suffix not in TYPES:
        return web.json({"error": "not found"}, status=404)
    return web.bytes(path.read_bytes(), content_type=TYPES[path.suffix])
