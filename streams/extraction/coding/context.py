"""The per-document state of the event coder."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from streams.extraction.actors import Mention
from streams.extraction.lexicon import Trigger


@dataclass
class DocContext:
    """What the coder knows about one document while it codes it.

    by_root / by_token: the actor mentions (not places) by root token and by every token they cover;
    places: the place mentions by root and by token; entries: the lexicon entry of every trigger token;
    purpose: an appeal made in the course of another event ("telephoned X to urge restraint") -> that
    event's verb; consumed: triggers that are not coded on their own; governed: an appeal, demand or
    refusal -> (the code it takes from the event it governs, or None; that event's token); dateline_country:
    the country of the article's dateline, if it has one."""

    doc: Doc
    by_root: dict[int, Mention]
    by_token: dict[int, Mention]
    places: dict[int, Mention]
    entries: dict[int, Trigger] = field(default_factory=dict)
    purpose: dict[int, Token] = field(default_factory=dict)
    consumed: set[int] = field(default_factory=set)
    governed: dict[int, tuple[str | None, Token]] = field(default_factory=dict)
    dateline_country: str | None = None  # the country of the article's dateline

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention]) -> DocContext:
        by_root = {m.root: m for m in mentions if m.kind != "place"}
        by_token = {i: m for m in mentions if m.kind != "place" for i in range(m.start, m.end)}
        places = {m.root: m for m in mentions if m.kind == "place"}
        places.update({i: m for m in mentions if m.kind == "place" for i in range(m.start, m.end)})
        return cls(doc, by_root, by_token, places)
