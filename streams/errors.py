"""Project exceptions: one base class, one subclass per decision."""

from __future__ import annotations


class GeoeventsError(Exception):
    """Base class of every error the project raises on purpose."""


class RejectedInput(GeoeventsError):
    """A message that cannot be processed; it goes to the rejected topic with `reason`."""

    def __init__(self, reason: str, detail: str, article_id: str | None = None) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
        self.article_id = article_id


class BrokerError(GeoeventsError):
    """The local Kafka broker could not be prepared or started."""
