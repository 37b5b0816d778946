"""The one place that calls orjson: encoding and decoding of every message."""

from __future__ import annotations

from typing import Any

import orjson

JSONDecodeError = orjson.JSONDecodeError


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj)


def dumps_line(obj: Any) -> str:
    return orjson.dumps(obj).decode()


def pretty(obj: Any) -> str:
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode()


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)
