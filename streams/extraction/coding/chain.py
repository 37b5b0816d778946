"""The chain of a trigger: the words that govern it through control, complement or purpose links.

Flags (negation, intent, threat, report) are read along it (modality.py); arguments.py keeps it
with a trigger's actors.
"""

from __future__ import annotations

from spacy.tokens import Token

CHAIN_DEPS = ("xcomp", "ccomp", "conj", "pcomp", "acl", "dobj", "pobj", "relcl", "acomp", "prep")


def to_infinitive(verb: Token) -> bool:
    """A verb with its infinitive "to" ("to meet", "to help the junta")."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def chain(trigger: Token, circumstance_preps: frozenset[str]) -> list[Token]:
    """The trigger and the words that govern it through control or complement links."""
    out = [trigger]
    cur = trigger
    for _ in range(5):
        if cur.dep_ == "prep" and cur.lower_ in circumstance_preps and trigger.pos_ in ("NOUN", "PROPN"):
            break
        purpose = cur.dep_ == "advcl" and to_infinitive(cur)
        if (cur.dep_ in CHAIN_DEPS or purpose) and cur.head.i != cur.i:  # "crossed into Angola to attack"
            cur = cur.head
            out.append(cur)
        else:
            break
    return out
