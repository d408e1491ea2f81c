"""Names, titles and roles (newskit/extract/names.py): the entity title split, the speaker role
finder, name cleaning, gender and the labels that name things."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import newskit.analysis.entities as analysis_entities
import newskit.extract.entities.canonical as canonical
import newskit.extract.entities.mentions as mentions
import newskit.extract.quotes.participants as participants
import newskit.extract.quotes.speakers as speakers
from newskit.extract import names
from newskit.extract.names import TitledName

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct, is_title), no model


def make_doc(words, ents=(), spaces=None, heads=None, deps=None, lemmas=None) -> Doc:
    """A Doc built by hand: `ents` are (start, end, label) token ranges, `heads` absolute indices."""
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=lemmas)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def person(doc: Doc) -> Span:
    return next(ent for ent in doc.ents if ent.label_ == "PERSON")


# --- the entity rule: split_title -------------------------------------------------------

def test_split_title_before_the_name():
    doc = make_doc(["Russian", "Deputy", "Defense", "Minister", "Anatoly", "Antonov", "said"],
                   ents=[(0, 1, "NORP"), (2, 3, "ORG"), (4, 6, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(0, 4, "Russian Deputy Defense Minister")


def test_split_title_joins_title_words_inside_the_span_and_connectors():
    # "Special Envoy" tagged as part of the PERSON, "U.N." as an ORG before it
    doc = make_doc(["U.N.", "Special", "Envoy", "Staffan", "de", "Mistura", "said"],
                   ents=[(0, 1, "ORG"), (1, 6, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(0, 3, "U.N. Special Envoy")
    doc = make_doc(["Russia", "'s", "Foreign", "Minister", "Sergei", "Lavrov"],
                   spaces=[False, True, True, True, True, False], ents=[(0, 1, "GPE"), (4, 6, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(0, 4, "Russia's Foreign Minister")


def test_split_title_leaves_courtesy_titles_out_of_the_role():
    doc = make_doc(["They", "met", "Mr.", "Foreign", "Minister", "Sergei", "Lavrov"], ents=[(5, 7, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(3, 5, "Foreign Minister")
    # a courtesy title alone is no role, but it leaves the name
    doc = make_doc(["Mr.", "Antonov", "said"], ents=[(0, 2, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(1, 1, None)


def test_split_title_needs_a_core_title():
    doc = make_doc(["Russian", "Anatoly", "Antonov", "said"], ents=[(0, 1, "NORP"), (1, 3, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(1, 1, None)
    doc = make_doc(["Anatoly", "Antonov", "said"], ents=[(0, 2, "PERSON")])
    assert names.split_title(person(doc)) == TitledName(0, 0, None)


def test_title_words():
    assert names.is_title_word("Minister") and names.is_title_word("Gov.") and names.is_title_word("U.N.")
    assert names.is_title_word("deputy") and names.is_title_word("Mrs.")
    assert not names.is_title_word("Antonov") and not names.is_title_word("said")
    doc = make_doc(["Russian", "Defense", "Minister", "Anatoly", "Antonov"])
    assert names.only_title_words(doc[1:3])
    assert not names.only_title_words(doc[2:4])


# --- the speaker rule: role_of ------------------------------------------------------------

def test_role_of_title_before_the_name():
    doc = make_doc(["Russian", "Deputy", "Defense", "Minister", "Anatoly", "Antonov", "said"],
                   heads=[3, 3, 3, 5, 5, 6, 6], deps=["amod", "compound", "compound", "compound", "compound", "nsubj", "ROOT"],
                   ents=[(0, 1, "NORP"), (2, 3, "ORG"), (4, 6, "PERSON")])
    assert names.role_of(person(doc)) == "Russian Deputy Defense Minister"


def test_role_of_apposition():
    doc = make_doc(["Antonov", ",", "the", "deputy", "minister", ",", "said"],
                   spaces=[False, True, True, True, False, True, False],
                   heads=[6, 0, 4, 4, 0, 0, 6], deps=["nsubj", "punct", "det", "compound", "appos", "punct", "ROOT"],
                   lemmas=["Antonov", ",", "the", "deputy", "minister", ",", "say"], ents=[(0, 1, "PERSON")])
    assert names.role_of(person(doc)) == "deputy minister"
    # the entity rule reads no apposition: it only cuts words off the mention
    assert names.split_title(person(doc)).role is None


def test_role_of_leaves_a_first_name_a_nickname_and_a_style_to_the_name():
    # "Dean Boyd": a first name, not a dean; "Brian 'Head' Welch": a nickname, not a head;
    # "spokesman Sir Menzies Campbell": "Sir" is the name's, the role "spokesman"
    doc = make_doc(["Dean", "Boyd", "said"], heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"], ents=[(0, 2, "PERSON")])
    assert names.role_of(person(doc)) is None
    doc = make_doc(["Brian", "'", "Head", "'", "Welch", "said"], spaces=[True, False, False, True, True, False],
                   heads=[4, 2, 4, 2, 5, 5], deps=["compound", "punct", "compound", "punct", "nsubj", "ROOT"],
                   ents=[(0, 5, "PERSON")])
    assert names.role_of(person(doc)) is None
    doc = make_doc(["spokesman", "Sir", "Menzies", "Campbell", "said"], heads=[3, 3, 3, 4, 4],
                   deps=["compound", "compound", "compound", "nsubj", "ROOT"], ents=[(2, 4, "PERSON")])
    assert names.role_of(person(doc)) == "spokesman"


def test_role_of_title_inside_the_name_and_no_role():
    doc = make_doc(["Coach", "Alma", "Ruiz", "said"], heads=[2, 2, 3, 3], deps=["compound", "compound", "nsubj", "ROOT"],
                   ents=[(0, 3, "PERSON")])
    assert names.role_of(person(doc)) == "Coach"
    doc = make_doc(["Alma", "Ruiz", "said"], heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"], ents=[(0, 2, "PERSON")])
    assert names.role_of(person(doc)) is None


def test_both_rules_read_the_seed_sentence(nlp):
    doc = nlp("Russian Deputy Defense Minister Anatoly Antonov said the talks failed. "
              "Amina Odhiambo, Kenya's deputy health minister, said clinics would open.")
    antonov, odhiambo = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    assert antonov.text == "Anatoly Antonov" and odhiambo.text == "Amina Odhiambo"
    assert names.split_title(antonov).role == names.role_of(antonov) == "Russian Deputy Defense Minister"
    assert names.split_title(odhiambo).role is None
    assert names.role_of(odhiambo) == "Kenya's deputy health minister"


# --- names ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, label, expected", [
    ("Mr. Anatoly Antonov", "PERSON", "Anatoly Antonov"),
    ("Dr.  Amina\nOdhiambo’s", "PERSON", "Amina Odhiambo"),
    ("Mr. Mrs. Smith", "PERSON", "Smith"),
    ("Mr.", "PERSON", "Mr."),  # a courtesy title alone stays a name
    ("Mr. Antonov", "ORG", "Mr. Antonov"),  # courtesy titles go only from people
    ("the Kremlin's", "ORG", "Kremlin"),
    ("Reuters'", "ORG", "Reuters"),
    ("The Hague", "GPE", "The Hague"),  # the place's name holds its article
    ("Sergei Shoigu", "PERSON", "Sergei Shoigu"),
])
def test_normalize_name(text, label, expected):
    assert names.normalize_name(text, label) == expected


@pytest.mark.parametrize("text, expected", [
    ("Defense Minister Sergei Shoigu's", "Sergei Shoigu"),
    ("Mrs. Clinton", "Clinton"),
    ("spokesman John Kirby", "John Kirby"),
    ("Lord Ahmad’s", "Lord Ahmad"),  # a peer is known by title and name
    ("Sen. Marco Rubio", "Marco Rubio"),
    ("Deputy Minister Smith", "Smith"),
    ("Foreign Minister", "Foreign Minister"),  # a role noun as the last word is all the name there is
    ("Anatoly Antonov", "Anatoly Antonov"),
])
def test_person_name(text, expected):
    assert names.person_name(text) == expected


def test_gender_of():
    doc = make_doc(["Mrs.", "Clinton", "said"], ents=[(1, 2, "PERSON")])
    assert names.gender_of(person(doc)) == "female"
    doc = make_doc(["spokesman", "Robin", "Kirby", "said"], ents=[(0, 3, "PERSON")])
    assert names.gender_of(person(doc)) == "male"
    doc = make_doc(["Robin", "Kirby", "said"], ents=[(0, 2, "PERSON")])  # a name both genders carry: none
    assert names.gender_of(person(doc)) is None


def test_gender_from_a_first_name():
    # the names lexicon's lists: a name one gender carries, none for one both carry
    assert names.first_name_gender("Amina") == "female"
    assert names.first_name_gender("Robin") is None
    # and the names of Britain and Ireland the US lists lack (names/more_first_names.json)
    assert names.first_name_gender("Rhodri") == "male" and names.first_name_gender("Siân") == "female"
    assert names.is_known_first_name("iain") and not names.is_known_first_name("fraser")
    # and those of international news (names/international_first_names.json), with the gender of
    # the name's own language ("Stephane" and "Yuri" are on the US tables as women's names)
    assert names.is_known_first_name("paolo") and names.is_known_first_name("thierry")
    assert names.first_name_gender("Stéphane") == "male" and names.first_name_gender("Yuri") == "male"
    assert names.first_name_gender("Svetlana") == "female"
    assert not names.is_known_first_name("hussein")  # also a surname: "Saddam Hussein"
    doc = make_doc(["Amina", "Odhiambo", "said"], ents=[(0, 2, "PERSON")])
    assert names.gender_of(person(doc)) == "female"
    doc = make_doc(["John", "Kirby", "said"], ents=[(0, 2, "PERSON")])
    assert names.gender_of(person(doc)) == "male"
    doc = make_doc(["Odhiambo", "said"], ents=[(0, 1, "PERSON")])
    assert names.gender_of(person(doc)) is None  # a surname alone: no first name to read


# --- one home -------------------------------------------------------------------------------

def test_name_labels():
    assert names.NAME_LABELS == ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART",
                                 "LAW", "LANGUAGE")
    assert not {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"} & set(names.NAME_LABELS)
    assert canonical.NAME_LABELS is names.NAME_LABELS and analysis_entities.NAME_LABELS is names.NAME_LABELS


def test_entities_and_speakers_share_the_name_rules():
    assert speakers.role_of is names.role_of and speakers.person_name is names.person_name
    assert participants.gender_of is names.gender_of and participants.role_of is names.role_of
    assert speakers.ROLE_NOUNS is names.ROLE_NOUNS and participants.role_descriptions is names.role_descriptions
    assert mentions.split_title is names.split_title and canonical.normalize_name is names.normalize_name
    # Mention has a module of its own: mentions.py and canonical.py both import it, not each other
    assert mentions.Mention is canonical.Mention
    assert mentions.Mention.__module__ == "newskit.extract.entities.mention"
    assert not hasattr(canonical, "paragraph_mentions")


def test_roles_are_real_titles_or_nothing(nlp):
    import pandas as pd

    import newskit

    text = ("Ruth Ambler, the head of President Anton Weiss's campaign, spoke on Monday. "
            "The mayor of Ostrava and Mr. Karel Dvorak met later. A spokesman for Karel Dvorak declined to comment. "
            "Ruritanian President Anton Weiss left.")
    corpus = newskit.tag(pd.DataFrame({"article_id": ["r"], "text": [text]}), cache=None, model=nlp)
    roles = corpus.entities.dropna(subset=["role"]).groupby("entity")["role"].agg(set).to_dict()
    assert all(not role.lower().startswith("head of") for role in roles.get("Anton Weiss", set()))
    assert "Ruritanian President" in roles.get("Anton Weiss", set())
    assert not roles.get("Karel Dvorak")  # neither "mayor of Ostrava and Mr." nor "spokesman for"


def test_a_gendered_title_and_a_first_name_agree_or_not():
    # one check for the entity names ("Mrs Howard") and linking ("Baroness Kennedy")
    assert names.title_fits_first_name("Mrs", "Michael") is False
    assert names.title_fits_first_name("baroness", "Helena") is True
    assert names.title_fits_first_name("Lord", "Robin") is None  # a name both genders carry
    assert names.title_fits_first_name("Dr", "Michael") is None  # a title of no gender


def test_firm_context_is_what_no_place_has():
    # "on", "which", "manager" stand beside towns too ("flights on Zelvia", "Zelvia, which lies");
    # shares, a chief executive or a kind before the name are a firm's only
    for text, start, end in (("Shares in Zelvia rose", 10, 16), ("Zelvia's shares rose", 0, 6),
                             ("Zelvia chief executive Hans Lund", 0, 6), ("search start-up Zelvia has", 16, 22)):
        assert names.firm_context(text, start, end), text
    for text, start, end in (("flights on Zelvia", 11, 17), ("Zelvia, which lies", 0, 6), ("Zelvia manager Joe", 0, 6)):
        assert names.org_context(text, start, end) and not names.firm_context(text, start, end), text


def test_a_place_a_firm_is_based_in_is_no_firm():
    # "The Jacksonville, Florida-based firm": the town the firm is based in, not the firm's name
    words = ["The", "Jacksonville", ",", "Florida", "-", "based", "firm", "has", "debts"]
    heads = [6, 7, 1, 5, 5, 6, 1, 7, 7]
    deps = ["det", "nsubj", "punct", "npadvmod", "punct", "amod", "appos", "ROOT", "dobj"]
    doc = make_doc(words, ents=[(1, 2, "GPE"), (3, 4, "GPE")], heads=heads, deps=deps,
                   lemmas=["the", "Jacksonville", ",", "Florida", "-", "base", "firm", "have", "debt"])
    assert not names.named_as_organisation(doc[1:2])
    # "Aldora, the Swiss drugmaker, has won", "Titan, a California-based company,": the firm set
    # beside its kind
    words = ["Aldora", ",", "the", "Swiss", "drugmaker", ",", "has", "won"]
    doc = make_doc(words, ents=[(0, 1, "PERSON")], heads=[7, 0, 4, 4, 0, 0, 7, 7],
                   deps=["nsubj", "punct", "det", "amod", "appos", "punct", "aux", "ROOT"],
                   lemmas=["Aldora", ",", "the", "Swiss", "drugmaker", ",", "have", "win"])
    assert names.named_as_organisation(doc[0:1])


def test_a_firm_of_any_kind_is_a_company():
    # "Budget airline Skyvale ... the company said", "search start-up Quillo ... the company has added"
    for kind in ("airline", "carmaker", "retailer", "start-up", "brewer", "bookmaker"):
        assert {"company", "firm"} <= names.role_descriptions([kind]), kind
    assert names.after_organisation_kind("Search start-up Quillo", len("Search start-up "))


def test_names_a_region_never_a_surname_a_town_may_be():
    from newskit.extract.names import names_a_region
    # "Miss England" keeps no courtesy title of a woman; "Ms Jackson" does (Jackson is a town too)
    assert [names_a_region(n) for n in ("England", "Scotland", "UK", "Jackson", "Howard", "Kennedy")] == [
        True, True, True, False, False, False]


def test_an_organisations_acronym_is_no_persons_nor_a_title():
    from newskit.extract.names import is_organisation_acronym
    assert all(map(is_organisation_acronym, ("ODPM", "RICS", "IFPI")))
    assert not any(map(is_organisation_acronym, ("PM", "QC", "MP", "MEP", "Apple", "ABCDEFG")))
