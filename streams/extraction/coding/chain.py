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


# "in response to India's tests", "in retaliation for the invasion": the event after these is background too
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge", "reaction", "answer", "protest"})


def circumstance(prep: Token, circumstance_preps: frozenset[str]) -> bool:
    """A preposition whose object is background to the clause ("after the bombing", "in response to ...")."""
    return prep.dep_ == "prep" and (prep.lower_ in circumstance_preps or (
        prep.lower_ in ("to", "for", "at", "against") and prep.head.lemma_.lower() in RESPONSE_NOUNS
        and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "in"))


def chain(trigger: Token, circumstance_preps: frozenset[str]) -> list[Token]:
    """The trigger and the words that govern it through control or complement links."""
    out = [trigger]
    cur = trigger
    for _ in range(5):
        described = any(t.dep_ == "acl" for t in out)
        if (trigger.pos_ in ("NOUN", "PROPN") or described) and circumstance(cur, circumstance_preps):
            break  # background keeps its own modality ("agreed to a ceasefire after talks mediated by Qatar")
        if described and cur.dep_ == "prep" and cur.lower_ in ("in", "at", "under"):
            break  # so does the setting a participle describes ("agreed to swap prisoners in a deal brokered by Qatar")
        if cur.dep_ == "conj" and cur.head.dep_ == "xcomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # "agreed to halt the fighting, and demonstrators stormed ...": a clause of its own subject
        if cur.dep_ == "acl" and cur.tag_ == "VBN" and any(c.dep_ == "agent" for c in cur.children) \
                and cur.head.pos_ in ("NOUN", "PROPN"):
            out.append(cur.head)  # "agreed to a ceasefire mediated by Malaysia": the mediation is done, the
            break                 # agreement above it does not make it an intent
        purpose = cur.dep_ == "advcl" and to_infinitive(cur)
        if (cur.dep_ in CHAIN_DEPS or purpose) and cur.head.i != cur.i:  # "crossed into Angola to attack"
            cur = cur.head
            out.append(cur)
        else:
            break
    return out
