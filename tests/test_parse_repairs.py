"""The parse repairs of streams/extraction/parsing.py, each on a parse of the kind the small model
gives, built by hand (words, heads, labels, tags): the repair must give the parse a reader would."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from streams.extraction.parsing import (
    appositive_verbs,
    bare_object_nouns,
    comma_participles,
    days_before_and,
    finite_conjuncts,
    hostage_complements,
    joined_modifiers,
    listed_subjects,
    object_participles,
    stranded_agents,
    tail_speakers,
    verbs_after_to,
)

VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (lower case)


def parse(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A doc from (word, head index, dependency label, coarse tag, fine tag) rows."""
    words, heads, deps, pos, tags = (list(x) for x in zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def arcs(doc: Doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_two_modifiers_joined_before_a_noun_hang_on_it() -> None:
    # "Iranian missile and drone strikes on Pakistan killed two": read with "missile" as the head
    doc = parse([("Iranian", 1, "amod", "ADJ", "JJ"), ("missile", 7, "nsubj", "NOUN", "NN"),
                 ("and", 1, "cc", "CCONJ", "CC"), ("drone", 1, "conj", "NOUN", "NN"),
                 ("strikes", 3, "dobj", "NOUN", "NNS"), ("on", 4, "prep", "ADP", "IN"),
                 ("Pakistan", 5, "pobj", "PROPN", "NNP"), ("killed", 7, "ROOT", "VERB", "VBD"),
                 ("two", 7, "dobj", "NUM", "CD")])
    got = arcs(joined_modifiers(doc))
    assert ("strikes", "nsubj", "killed") in got
    assert ("missile", "nmod", "strikes") in got and ("drone", "compound", "strikes") in got
    assert ("Iranian", "amod", "missile") in got  # the owner stays on the first modifier


def test_two_phrases_joined_by_and_stay_two() -> None:
    # "lifted the oil embargo and flight ban": the first noun has its own modifier, a phrase of its own
    doc = parse([("lifted", 0, "ROOT", "VERB", "VBD"), ("the", 3, "det", "DET", "DT"),
                 ("oil", 3, "compound", "NOUN", "NN"), ("embargo", 0, "dobj", "NOUN", "NN"),
                 ("and", 3, "cc", "CCONJ", "CC"), ("flight", 6, "compound", "NOUN", "NN"),
                 ("ban", 3, "conj", "NOUN", "NN")])
    before = arcs(doc)
    assert arcs(joined_modifiers(doc)) == before


def test_a_second_clause_after_a_day_and_and_gets_its_subject() -> None:
    # "Jets bombed Asmara on Friday and Eritrean planes struck Mekele": "planes" read as the object of "on"
    doc = parse([("Jets", 1, "nsubj", "NOUN", "NNS"), ("bombed", 1, "ROOT", "VERB", "VBD"),
                 ("Asmara", 1, "dobj", "PROPN", "NNP"), ("on", 1, "prep", "ADP", "IN"),
                 ("Friday", 7, "nmod", "PROPN", "NNP"), ("and", 4, "cc", "CCONJ", "CC"),
                 ("Eritrean", 4, "conj", "ADJ", "JJ"), ("planes", 3, "pobj", "NOUN", "NNS"),
                 ("struck", 1, "conj", "VERB", "VBD"), ("Mekele", 8, "dobj", "PROPN", "NNP"),
                 (".", 1, "punct", "PUNCT", ".")])
    got = arcs(days_before_and(doc))
    assert ("Friday", "pobj", "on") in got and ("planes", "nsubj", "struck") in got
    assert ("Eritrean", "amod", "planes") in got and ("and", "cc", "bombed") in got


def test_the_object_read_as_the_subject_of_a_participle_is_the_object() -> None:
    # "Pirates Hijack Saudi Supertanker Carrying Crude"
    doc = parse([("Pirates", 1, "nsubj", "NOUN", "NNS"), ("Hijack", 1, "ROOT", "VERB", "VBP"),
                 ("Saudi", 3, "compound", "PROPN", "NNP"), ("Supertanker", 4, "nsubj", "NOUN", "NN"),
                 ("Carrying", 1, "xcomp", "VERB", "VBG"), ("Crude", 4, "dobj", "NOUN", "NN")])
    got = arcs(object_participles(doc))
    assert ("Supertanker", "dobj", "Hijack") in got and ("Carrying", "acl", "Supertanker") in got


def test_the_subject_after_a_list_and_and_is_the_second_verbs() -> None:
    # "living in Kenya, Ethiopia and Djibouti, and disease has killed thousands"
    doc = parse([("Somalis", 1, "nsubj", "NOUN", "NNS"), ("live", 1, "ROOT", "VERB", "VBP"),
                 ("in", 1, "prep", "ADP", "IN"), ("Kenya", 2, "pobj", "PROPN", "NNP"),
                 (",", 3, "punct", "PUNCT", ","), ("Ethiopia", 3, "conj", "PROPN", "NNP"),
                 (",", 3, "punct", "PUNCT", ","), ("and", 3, "cc", "CCONJ", "CC"),
                 ("disease", 3, "conj", "NOUN", "NN"), ("has", 10, "aux", "AUX", "VBZ"),
                 ("killed", 1, "conj", "VERB", "VBN"), ("thousands", 10, "dobj", "NOUN", "NNS")])
    got = arcs(listed_subjects(doc))
    assert ("disease", "nsubj", "killed") in got and ("and", "cc", "live") in got
    assert ("Ethiopia", "conj", "Kenya") in got


def test_a_by_phrase_on_an_active_verb_goes_back_to_the_act_before_it() -> None:
    # "set up an inquiry into killings of journalists by the police": "by" read as a phrase of "set"
    doc = parse([("Kenya", 1, "nsubj", "PROPN", "NNP"), ("set", 1, "ROOT", "VERB", "VBD"),
                 ("up", 1, "prt", "ADP", "RP"), ("an", 4, "det", "DET", "DT"),
                 ("inquiry", 1, "dobj", "NOUN", "NN"), ("into", 4, "prep", "ADP", "IN"),
                 ("killings", 5, "pobj", "NOUN", "NNS"), ("of", 6, "prep", "ADP", "IN"),
                 ("journalists", 7, "pobj", "NOUN", "NNS"), ("by", 1, "prep", "ADP", "IN"),
                 ("the", 11, "det", "DET", "DT"), ("police", 9, "pobj", "NOUN", "NN")])
    assert ("by", "prep", "killings") in arcs(stranded_agents(doc))


def test_a_by_phrase_of_manner_or_of_a_passive_stays_on_the_verb() -> None:
    # "Iran seized the tanker by force": the manner of the seizure
    doc = parse([("Iran", 1, "nsubj", "PROPN", "NNP"), ("seized", 1, "ROOT", "VERB", "VBD"),
                 ("the", 3, "det", "DET", "DT"), ("tanker", 1, "dobj", "NOUN", "NN"),
                 ("by", 1, "prep", "ADP", "IN"), ("force", 4, "pobj", "NOUN", "NN")])
    assert ("by", "prep", "seized") in arcs(stranded_agents(doc))
    # "the town was shelled by the army": the agent of a passive
    doc = parse([("the", 1, "det", "DET", "DT"), ("town", 3, "nsubjpass", "NOUN", "NN"),
                 ("was", 3, "auxpass", "AUX", "VBD"), ("shelled", 3, "ROOT", "VERB", "VBN"),
                 ("by", 3, "agent", "ADP", "IN"), ("the", 6, "det", "DET", "DT"), ("army", 4, "pobj", "NOUN", "NN")])
    assert ("by", "agent", "shelled") in arcs(stranded_agents(doc))


def test_a_noun_read_as_an_adjective_after_a_verb_without_object_is_its_object() -> None:
    # "Israel Launches Offensive in Gaza": the headline drops the article; "offensive" is a noun too
    doc = parse([("Israel", 1, "nsubj", "PROPN", "NNP"), ("Launches", 1, "ROOT", "VERB", "VBZ"),
                 ("Offensive", 1, "advmod", "ADJ", "JJ"), ("in", 1, "prep", "ADP", "IN"), ("Gaza", 3, "pobj", "PROPN", "NNP")])
    doc = bare_object_nouns(doc)
    assert arcs(doc)[2] == ("Offensive", "dobj", "Launches") and doc[2].pos_ == "NOUN"


def test_an_adjective_after_a_linking_verb_or_an_object_stays_an_adjective() -> None:
    # "The crossing stays open": a linking verb's adjective ("open" is no noun either way)
    words = ["Talks", "turn", "official"]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 1], deps=["nsubj", "ROOT", "acomp"], pos=["NOUN", "VERB", "ADJ"],
              tags=["NNS", "VBP", "JJ"], lemmas=["talk", "turn", "official"])
    assert arcs(bare_object_nouns(doc))[2] == ("official", "acomp", "turn")
    # "declared the envoy persona non grata": the verb has an object already
    doc = parse([("Iran", 1, "nsubj", "PROPN", "NNP"), ("declared", 1, "ROOT", "VERB", "VBD"),
                 ("envoy", 1, "dobj", "NOUN", "NN"), ("unwelcome", 1, "oprd", "ADJ", "JJ")])
    assert arcs(bare_object_nouns(doc))[3] == ("unwelcome", "oprd", "declared")


def test_the_speakers_after_the_last_comma_are_the_subject_of_the_verb_at_the_end() -> None:
    # "... the resignation of the government, medics and police sources said.": the parser took "sources" as
    # the object of "of" and hung "government" and "medics" on it
    words = ["to", "demand", "the", "resignation", "of", "the", "government", ",", "medics", "and", "police",
             "sources", "said", "."]
    heads = [1, 12, 3, 1, 3, 6, 11, 6, 11, 8, 8, 4, 12, 12]
    deps = ["aux", "advcl", "det", "dobj", "prep", "det", "nmod", "punct", "nmod", "cc", "conj", "pobj", "ROOT", "punct"]
    pos = ["PART", "VERB", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "NOUN", "CCONJ", "NOUN", "NOUN", "VERB", "PUNCT"]
    tags = ["TO", "VB", "DT", "NN", "IN", "DT", "NN", ",", "NNS", "CC", "NN", "NNS", "VBD", "."]
    lemmas = ["to", "demand", "the", "resignation", "of", "the", "government", ",", "medic", "and", "police",
              "source", "say", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    doc = tail_speakers(doc)
    assert ("sources", "nsubj", "said") in arcs(doc)
    assert ("government", "pobj", "of") in arcs(doc)


def test_a_reporting_verb_with_its_subject_keeps_its_parse() -> None:
    words = ["Officials", "said", "."]
    doc = Doc(VOCAB, words=words, heads=[1, 1, 1], deps=["nsubj", "ROOT", "punct"], pos=["NOUN", "VERB", "PUNCT"],
              tags=["NNS", "VBD", "."], lemmas=["official", "say", "."])
    assert arcs(tail_speakers(doc)) == [("Officials", "nsubj", "said"), ("said", "ROOT", "said"), (".", "punct", "said")]



def test_hostage_after_the_object_of_take_is_its_complement() -> None:
    # "Students took about 90 people hostage inside the embassy": "hostage" read as a clause of its own
    doc = parse([("Students", 1, "nsubj", "NOUN", "NNS"), ("took", 1, "ROOT", "VERB", "VBD"),
                 ("about", 3, "advmod", "ADV", "RB"), ("90", 4, "nummod", "NUM", "CD"),
                 ("people", 1, "dobj", "NOUN", "NNS"), ("hostage", 1, "advcl", "NOUN", "NN"),
                 ("inside", 5, "prep", "ADP", "IN"), ("the", 8, "det", "DET", "DT"),
                 ("embassy", 6, "pobj", "NOUN", "NN")])
    doc[1].lemma_ = "take"
    got = arcs(hostage_complements(doc))
    assert ("hostage", "oprd", "took") in got and ("inside", "prep", "hostage") in got


def test_hostage_read_as_the_head_of_the_last_name_gives_the_name_back() -> None:
    # "took the judges of Peru's Supreme Court hostage": "hostage" read as the noun the court names
    doc = parse([("Guerrillas", 1, "nsubj", "NOUN", "NNS"), ("took", 1, "ROOT", "VERB", "VBD"),
                 ("the", 3, "det", "DET", "DT"), ("judges", 1, "dobj", "NOUN", "NNS"),
                 ("of", 3, "prep", "ADP", "IN"), ("Peru", 9, "poss", "PROPN", "NNP"),
                 ("'s", 5, "case", "PART", "POS"), ("Supreme", 8, "compound", "PROPN", "NNP"),
                 ("Court", 9, "compound", "PROPN", "NNP"), ("hostage", 4, "pobj", "NOUN", "NN")])
    doc[1].lemma_ = "take"
    got = arcs(hostage_complements(doc))
    assert ("hostage", "oprd", "took") in got and ("Court", "pobj", "of") in got
    assert ("Peru", "poss", "Court") in got and ("Supreme", "compound", "Court") in got


def test_a_hostage_object_stays() -> None:
    # "took two hostages": the object itself
    doc = parse([("Gunmen", 1, "nsubj", "NOUN", "NNS"), ("took", 1, "ROOT", "VERB", "VBD"),
                 ("two", 3, "nummod", "NUM", "CD"), ("hostages", 1, "dobj", "NOUN", "NNS")])
    doc[1].lemma_ = "take"
    before = arcs(doc)
    assert arcs(hostage_complements(doc)) == before


def test_a_participle_after_a_comma_and_an_infinitive_is_the_main_verbs() -> None:
    # "Kenya ordered the envoy to leave, accusing him of spying": "accusing" read as a clause of "leave"
    doc = parse([("Kenya", 1, "nsubj", "PROPN", "NNP"), ("ordered", 1, "ROOT", "VERB", "VBD"),
                 ("the", 3, "det", "DET", "DT"), ("envoy", 1, "dobj", "NOUN", "NN"),
                 ("to", 5, "aux", "PART", "TO"), ("leave", 1, "xcomp", "VERB", "VB"),
                 (",", 5, "punct", "PUNCT", ","), ("accusing", 5, "advcl", "VERB", "VBG"),
                 ("him", 7, "dobj", "PRON", "PRP")])
    got = arcs(comma_participles(doc))
    assert ("accusing", "advcl", "ordered") in got


def test_a_participle_without_a_comma_stays_with_the_infinitive() -> None:
    # "told them to stop firing": no comma, the participle is the infinitive's
    doc = parse([("Police", 1, "nsubj", "NOUN", "NNS"), ("told", 1, "ROOT", "VERB", "VBD"),
                 ("them", 1, "dobj", "PRON", "PRP"), ("to", 4, "aux", "PART", "TO"),
                 ("stop", 1, "xcomp", "VERB", "VB"), ("firing", 4, "advcl", "VERB", "VBG")])
    before = arcs(doc)
    assert arcs(comma_participles(doc)) == before


def test_a_verb_read_as_a_noun_after_to_with_an_object_is_a_verb() -> None:
    # "offered to host talks between the two": "host" tagged as a noun in a verb's place
    doc = parse([("Malaysia", 1, "nsubj", "PROPN", "NNP"), ("offered", 1, "ROOT", "VERB", "VBD"),
                 ("to", 3, "aux", "PART", "TO"), ("host", 1, "xcomp", "NOUN", "NN"),
                 ("talks", 3, "dobj", "NOUN", "NNS")])
    host = verbs_after_to(doc)[3]
    assert (host.pos_, host.tag_) == ("VERB", "VB")


def test_a_noun_after_to_without_an_object_stays_a_noun() -> None:
    # "came to power": no object, no verb
    doc = parse([("Chavez", 1, "nsubj", "PROPN", "NNP"), ("returned", 1, "ROOT", "VERB", "VBD"),
                 ("to", 3, "aux", "PART", "TO"), ("power", 1, "xcomp", "NOUN", "NN")])
    power = verbs_after_to(doc)[3]
    assert (power.pos_, power.tag_) == ("NOUN", "NN")


def test_a_finite_verb_joined_to_an_infinitive_is_the_main_verbs_conjunct() -> None:
    # "urged Israel to exercise restraint and called on Hamas": "called" hung on "exercise"
    doc = parse([("Borrell", 1, "nsubj", "PROPN", "NNP"), ("urged", 1, "ROOT", "VERB", "VBD"),
                 ("Israel", 1, "dobj", "PROPN", "NNP"), ("to", 4, "aux", "PART", "TO"),
                 ("exercise", 1, "xcomp", "VERB", "VB"), ("restraint", 4, "dobj", "NOUN", "NN"),
                 ("and", 4, "cc", "CCONJ", "CC"), ("called", 4, "conj", "VERB", "VBD"),
                 ("on", 7, "prep", "ADP", "IN"), ("Hamas", 8, "pobj", "PROPN", "NNP")])
    assert ("called", "conj", "urged") in arcs(finite_conjuncts(doc))


def test_two_infinitives_joined_stay_joined() -> None:
    # "urged Israel to halt and withdraw": both infinitives
    doc = parse([("Borrell", 1, "nsubj", "PROPN", "NNP"), ("urged", 1, "ROOT", "VERB", "VBD"),
                 ("Israel", 1, "dobj", "PROPN", "NNP"), ("to", 4, "aux", "PART", "TO"),
                 ("halt", 1, "xcomp", "VERB", "VB"), ("and", 4, "cc", "CCONJ", "CC"),
                 ("withdraw", 4, "conj", "VERB", "VB")])
    assert ("withdraw", "conj", "halt") in arcs(finite_conjuncts(doc))


def test_a_name_after_and_before_a_finite_verb_is_its_subject() -> None:
    # "strikes killed 230 people in Gaza and Hamas fired rockets": "Hamas" read as one more place
    doc = parse([("strikes", 1, "nsubj", "NOUN", "NNS"), ("killed", 1, "ROOT", "VERB", "VBD"),
                 ("people", 1, "dobj", "NOUN", "NNS"), ("in", 1, "prep", "ADP", "IN"),
                 ("Gaza", 3, "pobj", "PROPN", "NNP"), ("and", 4, "cc", "CCONJ", "CC"),
                 ("Hamas", 4, "conj", "PROPN", "NNP"), ("fired", 1, "conj", "VERB", "VBD"),
                 ("rockets", 7, "dobj", "NOUN", "NNS")])
    assert ("Hamas", "nsubj", "fired") in arcs(listed_subjects(doc))


def test_a_noun_after_and_without_a_comma_stays_in_its_list() -> None:
    # "shelled towns and villages burned": a common noun without a comma stays an item of the list
    doc = parse([("troops", 1, "nsubj", "NOUN", "NNS"), ("shelled", 1, "ROOT", "VERB", "VBD"),
                 ("towns", 1, "dobj", "NOUN", "NNS"), ("and", 2, "cc", "CCONJ", "CC"),
                 ("villages", 2, "conj", "NOUN", "NNS"), ("burned", 1, "conj", "VERB", "VBD")])
    assert ("villages", "conj", "towns") in arcs(listed_subjects(doc))


def test_a_past_verb_after_an_apposition_is_the_sentence_verb() -> None:
    # "Prime Minister Lee, the current chair of the bloc, urged Hanoi to ...": the name left as the root
    doc = parse([("Lee", 0, "ROOT", "PROPN", "NNP"), (",", 0, "punct", "PUNCT", ","),
                 ("the", 4, "det", "DET", "DT"), ("current", 4, "amod", "ADJ", "JJ"),
                 ("chair", 0, "appos", "NOUN", "NN"), (",", 4, "punct", "PUNCT", ","),
                 ("urged", 4, "acl", "VERB", "VBD"), ("Hanoi", 6, "dobj", "PROPN", "NNP")])
    got = arcs(appositive_verbs(doc))
    assert ("urged", "ROOT", "urged") in got and ("Lee", "nsubj", "urged") in got
    assert ("chair", "appos", "Lee") in got and ("Hanoi", "dobj", "urged") in got


def test_a_past_verb_after_an_apposition_hung_on_a_dateline() -> None:
    # "HANOI, May 2 - Lee, the chair of the bloc, urged ...": the dateline left as the root
    doc = parse([("HANOI", 0, "ROOT", "PROPN", "NNP"), (",", 0, "punct", "PUNCT", ","),
                 ("May", 0, "appos", "PROPN", "NNP"), ("2", 2, "nummod", "NUM", "CD"),
                 ("-", 2, "punct", "PUNCT", "HYPH"), ("Lee", 0, "appos", "PROPN", "NNP"),
                 (",", 5, "punct", "PUNCT", ","), ("the", 8, "det", "DET", "DT"),
                 ("chair", 5, "appos", "NOUN", "NN"), (",", 8, "punct", "PUNCT", ","),
                 ("urged", 8, "acl", "VERB", "VBD"), ("Hanoi", 10, "dobj", "PROPN", "NNP")])
    got = arcs(appositive_verbs(doc))
    assert ("Lee", "nsubj", "urged") in got and ("HANOI", "npadvmod", "urged") in got


def test_a_relative_verb_with_its_own_subject_stays() -> None:
    # "Lee, the chair whom the bloc elected, ...": a verb with a subject of its own is a relative clause
    doc = parse([("Lee", 0, "ROOT", "PROPN", "NNP"), (",", 0, "punct", "PUNCT", ","),
                 ("the", 3, "det", "DET", "DT"), ("chair", 0, "appos", "NOUN", "NN"),
                 (",", 3, "punct", "PUNCT", ","), ("bloc", 6, "nsubj", "NOUN", "NN"),
                 ("elected", 3, "relcl", "VERB", "VBD")])
    before = arcs(doc)
    assert arcs(appositive_verbs(doc)) == before
