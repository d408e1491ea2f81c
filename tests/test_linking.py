"""Corpus-wide linking (newskit/analysis/linking): one entity_id and one name per real entity.

The frames here are built by hand from short fictional articles, so each rule is tested on its own;
tests at the end run the whole flow through tag().
"""
from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.analysis.linking.link import link_frames
from newskit.corpus import Corpus
from newskit.extract.entities import gazetteer
from newskit.frames import from_columns


def _corpus(articles: dict[str, tuple[str, list[tuple]]], quotes: list[tuple] = ()) -> Corpus:
    """articles: id -> (text, [(mention as written, label, article-level name or None, paragraph kind)]).
    Each mention is the next occurrence of its text after the previous mention."""
    arts, rows = [], {k: [] for k in ("article_id", "sentence", "paragraph", "start", "end", "text", "label",
                                      "entity", "role", "in_dateline", "is_agency", "paragraph_kind")}
    for article_id, (text, mentions) in articles.items():
        arts.append({"article_id": article_id, "text": text})
        at = 0
        for mention in mentions:
            written, label, name, *kind = mention
            start = text.index(written, at)
            at = start + len(written)
            for key, value in (("article_id", article_id), ("sentence", 0), ("paragraph", 0), ("start", start),
                               ("end", at), ("text", written), ("label", label), ("entity", name or written),
                               ("role", None), ("in_dateline", False), ("is_agency", False),
                               ("paragraph_kind", kind[0] if kind else "body")):
                rows[key].append(value)
    q = {"article_id": [a for a, _ in quotes], "quote": list(range(len(quotes))),
         "kind": ["direct"] * len(quotes), "content": ["x"] * len(quotes), "start": [0] * len(quotes),
         "end": [1] * len(quotes), "speaker": [s for _, s in quotes]}
    return Corpus(articles=pd.DataFrame(arts), entities=from_columns("entities", rows),
                  quotes=from_columns("quotes", q))


def _linked(corpus: Corpus, aliases=None) -> pd.DataFrame:
    entities, _ = link_frames(corpus.articles, corpus.entities, corpus.quotes, aliases)
    return entities


def _names(entities: pd.DataFrame, article_id: str) -> list[str]:
    return entities.loc[entities["article_id"] == article_id, "entity"].tolist()


WEISS = {
    "a1": ("President Anton Weiss spoke. Weiss said so.",
           [("Anton Weiss", "PERSON", None), ("Weiss", "PERSON", "Anton Weiss")]),
    "a2": ("Anton J. Weiss visited Ostrava.", [("Anton J. Weiss", "PERSON", None), ("Ostrava", "GPE", None)]),
    "a3": ("Mr Weiss left. Weiss waved. The WEISS camp cheered.",
           [("Mr Weiss", "PERSON", "Weiss"), ("Weiss", "ORG", None), ("WEISS", "PERSON", None)]),
}


def test_one_person_under_four_forms_in_three_articles_is_one_entity():
    entities = _linked(_corpus(WEISS))
    people = entities[entities["text"].str.contains("Weiss|WEISS")]
    assert set(people["entity"]) == {"Anton Weiss"}
    assert people["entity_id"].nunique() == 1
    assert set(people["label"]) == {"PERSON"}  # the ORG mention too: the corpus votes PERSON
    assert not people["ambiguous"].any()
    assert set(people["article_entity"]) == {"Anton Weiss", "Anton J. Weiss", "Weiss", "WEISS"}


def test_two_people_sharing_a_surname_stay_apart_and_the_bare_surname_is_ambiguous():
    corpus = _corpus({
        "a1": ("Maria Kovac won.", [("Maria Kovac", "PERSON", None)]),
        "a2": ("Ivan Kovac lost.", [("Ivan Kovac", "PERSON", None)]),
        "a3": ("Kovac spoke.", [("Kovac", "PERSON", None)]),
        # the article names her in full: its own resolution decides
        "a4": ("Maria Kovac and Kovac.", [("Maria Kovac", "PERSON", None), ("Kovac", "PERSON", "Maria Kovac")]),
    })
    entities = _linked(corpus)
    assert _names(entities, "a1") == ["Maria Kovac"] and _names(entities, "a2") == ["Ivan Kovac"]
    bare = entities[entities["article_id"] == "a3"].iloc[0]
    assert bare["entity"] == "Kovac" and bool(bare["ambiguous"])
    assert _names(entities, "a4") == ["Maria Kovac", "Maria Kovac"]
    assert entities.groupby("entity")["entity_id"].nunique().max() == 1
    assert entities["entity_id"].nunique() == 3


def test_a_shared_surname_follows_the_articles_that_resolved_it():
    articles = {f"d{i}": ("Dana Holt said. Holt left.", [("Dana Holt", "PERSON", None), ("Holt", "PERSON", "Dana Holt")])
                for i in range(4)}
    articles["e"] = ("Eric Holt said.", [("Eric Holt", "PERSON", None)])
    articles["x"] = ("Holt spoke.", [("Holt", "PERSON", None)])
    entities = _linked(_corpus(articles))
    assert _names(entities, "x") == ["Dana Holt"]


def test_short_first_names_middle_initials_and_suffixes():
    corpus = _corpus({
        "a1": ("Charles E. Dunmore spoke.", [("Charles E. Dunmore", "PERSON", None)]),
        "a2": ("Chuck Dunmore spoke.", [("Chuck Dunmore", "PERSON", None)]),
        "a3": ("Robert S. Lund III spoke.", [("Robert S. Lund III", "PERSON", None)]),
        "a4": ("Robert Lund spoke.", [("Robert Lund", "PERSON", None)]),
        # a father and his son named in one article are two people
        "a5": ("Donald Voss and Donald Voss Jr. met.", [("Donald Voss", "PERSON", None), ("Donald Voss Jr.", "PERSON", None)]),
        "a6": ("Joseph R. Bell Jr. spoke.", [("Joseph R. Bell Jr.", "PERSON", None)]),
        "a7": ("Joe Bell spoke.", [("Joe Bell", "PERSON", None)]),
        "a8": ("George W. Marsh and George H.W. Marsh.",
               [("George W. Marsh", "PERSON", None), ("George H.W. Marsh", "PERSON", None)]),
    })
    entities = _linked(corpus)
    ids = dict(zip(entities["article_entity"], entities["entity_id"]))
    assert ids["Chuck Dunmore"] == ids["Charles E. Dunmore"]
    assert ids["Robert Lund"] == ids["Robert S. Lund III"]
    assert ids["Donald Voss"] != ids["Donald Voss Jr."]
    assert ids["Joe Bell"] == ids["Joseph R. Bell Jr."]
    assert ids["George W. Marsh"] != ids["George H.W. Marsh"]


def test_acronyms_join_the_name_they_spell_and_country_codes_join_the_country():
    corpus = _corpus({
        "a1": ("The Federal Bureau of Investigation and the United States.",
               [("Federal Bureau of Investigation", "ORG", None), ("United States", "GPE", None)]),
        "a2": ("The F.B.I. in the U.S. today.", [("F.B.I.", "ORG", None), ("U.S.", "GPE", None)]),
        "a3": ("FBI agents left the US.", [("FBI", "ORG", None), ("US", "GPE", None)]),
        "a4": ("The Fisheries Board of Iceland.", [("Fisheries Board of Iceland", "ORG", None)]),
    })
    entities = _linked(corpus).set_index("text")
    fbi = entities.loc[["F.B.I.", "FBI"], "entity_id"]
    # two names spell FBI: the acronym joins neither rather than guess
    assert set(fbi) == {"ORG:fbi"}
    us = entities.loc[["United States", "U.S.", "US"], "entity_id"]
    assert us.nunique() == 1
    without_rival = _linked(_corpus({k: v for k, v in corpus_articles_without_rival().items()})).set_index("text")
    assert without_rival.loc[["Federal Bureau of Investigation", "F.B.I.", "FBI"], "entity_id"].nunique() == 1
    assert without_rival.loc["USB", "entity"] == "USB"


def corpus_articles_without_rival():
    return {
        "a1": ("The Federal Bureau of Investigation (FBI) said.",
               [("Federal Bureau of Investigation", "ORG", None), ("FBI", "ORG", None)]),
        "a2": ("The F.B.I. today.", [("F.B.I.", "ORG", None)]),
        "a3": ("FBI agents.", [("FBI", "ORG", None)]),
        # spells USB, but no article names both: a cable is no sports final
        "a4": ("The US Super Bowl.", [("US Super Bowl", "ORG", None)]),
        "a5": ("A USB cable.", [("USB", "ORG", None)]),
    }


def test_label_by_corpus_vote_and_one_word_people_that_stand_where_organisations_stand():
    corpus = _corpus({
        "a1": ("She wrote on Chirper that day.", [("Chirper", "PERSON", None)]),
        "a2": ("He posted on Chirper again.", [("Chirper", "PERSON", None)]),
        "a3": ("Chirper users were angry.", [("Chirper", "PERSON", None)]),
        "a4": ("Chirper said nothing.", [("Chirper", "ORG", None)]),
        "b1": ("Odile Marchetti spoke.", [("Odile Marchetti", "PERSON", None)]),
        "b2": ("Marchetti spoke on Monday.", [("Marchetti", "ORG", None)]),
        "b3": ("Marchetti spoke again.", [("Marchetti", "PERSON", None)]),
    })
    entities = _linked(corpus)
    assert set(entities.loc[entities["text"] == "Chirper", "label"]) == {"ORG"}
    marchetti = entities[entities["text"].str.contains("Marchetti")]
    assert set(marchetti["label"]) == {"PERSON"} and set(marchetti["entity"]) == {"Odile Marchetti"}


def test_a_gazetteer_never_renames_to_a_name_sharing_no_word():
    assert gazetteer.lookup("White House") is None
    calcutta = gazetteer.lookup("Calcutta")
    assert calcutta is not None and not gazetteer.may_rename("Calcutta", calcutta)
    assert gazetteer.may_rename("the Russian Federation", gazetteer.lookup("the Russian Federation"))
    assert gazetteer.may_rename("MOSCOW", gazetteer.lookup("MOSCOW"))


def test_headline_words_glued_onto_names_are_trimmed_and_offsets_follow():
    corpus = _corpus({
        "a1": ("Nancy Verhoeven Beats Back Critics\n\nNancy Verhoeven spoke. Plus Verhoeven said no. "
               "He praised [Nancy] Verhoeven.",
               [("Nancy Verhoeven Beats Back", "PERSON", None, "title"), ("Nancy Verhoeven", "PERSON", None),
                ("Plus Verhoeven", "PERSON", None), ("Nancy] Verhoeven", "PERSON", None)]),
        "a2": ("Verhoeven Vows Reform\n\nNo more.", [("Verhoeven Vows", "PERSON", None, "title")]),
    })
    entities = _linked(corpus)
    assert set(entities["entity"]) == {"Nancy Verhoeven"}
    text = {a: t for a, t in zip(corpus.articles["article_id"], corpus.articles["text"])}
    for row in entities.itertuples():
        assert text[row.article_id][row.start:row.end] == row.text
    assert entities["text"].tolist()[:3] == ["Nancy Verhoeven", "Nancy Verhoeven", "Verhoeven"]


def test_aliases_merge_split_label_and_one_article(tmp_path):
    corpus = _corpus({
        "a1": ("The Chief spoke. Anton Weiss agreed.", [("The Chief", "PERSON", "Chief"), ("Anton Weiss", "PERSON", None)]),
        "a2": ("Chuck Dunmore spoke.", [("Chuck Dunmore", "PERSON", None)]),
        "a3": ("Charles Dunmore spoke.", [("Charles Dunmore", "PERSON", None)]),
        "a4": ("Kovac spoke.", [("Kovac", "PERSON", None)]),
        "a5": ("Kovac spoke.", [("Kovac", "PERSON", None)]),
        "a6": ("Nimbus grew.", [("Nimbus", "PERSON", None)]),
        "a7": ("Maria Kovac spoke.", [("Maria Kovac", "PERSON", None)]),
    })
    auto = _linked(corpus).set_index("article_id")
    assert auto.loc["a2", "entity_id"] == auto.loc["a3", "entity_id"]
    path = tmp_path / "aliases.csv"
    path.write_text("alias,entity,label,article_id\nThe Chief,Anton Weiss,,\nChuck Dunmore,Chuck Dunmore,,\n"
                    "Kovac,Ivan Kovac,PERSON,a5\nNimbus,Nimbus,ORG,\n")
    fixed = Corpus(articles=corpus.articles, entities=corpus.entities, quotes=corpus.quotes).with_aliases(path)
    entities = fixed.entities.set_index(["article_id", "article_entity"])
    assert entities.loc[("a1", "Chief"), "entity"] == "Anton Weiss"  # merged
    assert entities.loc[("a1", "Chief"), "entity_id"] == entities.loc[("a1", "Anton Weiss"), "entity_id"]
    assert entities.loc[("a2", "Chuck Dunmore"), "entity_id"] != entities.loc[("a3", "Charles Dunmore"), "entity_id"]
    assert entities.loc[("a5", "Kovac"), "entity"] == "Ivan Kovac"  # that article only
    assert entities.loc[("a4", "Kovac"), "entity"] == "Kovac"  # Ivan or Maria: ambiguous
    assert bool(entities.loc[("a4", "Kovac"), "ambiguous"])
    assert entities.loc[("a6", "Nimbus"), "label"] == "ORG"
    # linking again without aliases gives the automatic result back: nothing was lost
    again = fixed.with_aliases(None).entities.set_index("article_id")
    assert again.loc["a2", "entity_id"] == again.loc["a3", "entity_id"]


def test_a_bad_aliases_file_is_a_clear_error_naming_it(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("name,who\nA,B\n")
    with pytest.raises(newskit.AliasError, match="aliases.csv.*alias,entity"):
        newskit.read_aliases(path)
    with pytest.raises(newskit.AliasError, match="no such aliases file"):
        newskit.read_aliases(tmp_path / "missing.csv")
    path.write_text("alias,entity,label\nA,B,PERSONA\n")
    with pytest.raises(newskit.AliasError, match="PERSONA"):
        newskit.read_aliases(path)


def test_quote_speakers_take_the_corpus_wide_names():
    corpus = _corpus(WEISS, quotes=[("a1", "Anton Weiss"), ("a3", "Weiss"), ("a2", None)])
    _, quotes = link_frames(corpus.articles, corpus.entities, corpus.quotes)
    assert quotes["speaker"].tolist()[:2] == ["Anton Weiss", "Anton Weiss"]
    assert quotes["speaker_id"].iloc[0] == quotes["speaker_id"].iloc[1]
    assert quotes["article_speaker"].tolist()[:2] == ["Anton Weiss", "Weiss"]
    assert pd.isna(quotes["speaker"].iloc[2])


def test_entity_ids_are_stable_and_do_not_depend_on_row_order():
    corpus = _corpus(WEISS)
    first = _linked(corpus)
    shuffled = corpus.entities.iloc[::-1].reset_index(drop=True)
    second, _ = link_frames(corpus.articles, shuffled, corpus.quotes)
    key = ["article_id", "start"]
    pd.testing.assert_frame_equal(first.sort_values(key).reset_index(drop=True),
                                  second.sort_values(key).reset_index(drop=True))


def test_entity_table_has_one_row_per_real_entity():
    corpus = _corpus(WEISS)
    corpus = newskit.link(corpus)
    table = newskit.entity_table(corpus)
    weiss = table[table["name"] == "Anton Weiss"]
    assert len(weiss) == 1 and int(weiss["mentions"].iloc[0]) == 6 and int(weiss["articles"].iloc[0]) == 3


def test_explorer_finds_an_entity_by_any_part_of_its_name():
    corpus = newskit.link(_corpus({
        **WEISS,
        "b1": ("Weissman Holdings grew.", [("Weissman Holdings", "ORG", None)]),
        "b2": ("The F.B.I. came.", [("F.B.I.", "ORG", None)]),
    }))
    explorer = newskit.Explorer(corpus)
    assert explorer.resolve("weiss") == "Anton Weiss"  # a word of the name, not "Weissman"
    assert explorer.resolve("Mr Weiss") == "Anton Weiss"  # a written form
    assert explorer.resolve("anton") == "Anton Weiss"
    assert explorer.resolve("fbi") == "F.B.I."
    assert explorer.resolve("holdings") == "Weissman Holdings"
    assert explorer.resolve("zzz") is None


def test_linking_through_tag_on_articles_written_like_wire_copy(nlp):
    from tests.conftest import FIXTURES, assert_spans_point_into_text, read_quietly

    corpus = newskit.tag(read_quietly(FIXTURES / "linking"), cache=None, model=nlp)
    assert_spans_point_into_text(corpus)
    entities = corpus.entities
    weiss = entities[entities["text"].str.contains("Weiss")]
    assert set(weiss["entity"]) == {"Anton Weiss"} and weiss["entity_id"].nunique() == 1
    assert weiss["article_id"].nunique() == 2
    fbr = entities[entities["text"].isin(["FBR", "Federal Bureau of Roads"])]
    assert fbr["entity_id"].nunique() == 1 and len(fbr) >= 3
    # the quotes of both articles name one speaker
    weiss_quotes = corpus.quotes[corpus.quotes["speaker"] == "Anton Weiss"]
    assert weiss_quotes["article_id"].nunique() == 2
    assert weiss_quotes["speaker_id"].nunique() == 1
    table = newskit.entity_table(corpus)
    assert (table["name"] == "Anton Weiss").sum() == 1



def test_a_bare_first_name_joins_the_one_person_it_names():
    corpus = _corpus({
        "a1": ("Hilde Brauer spoke.", [("Hilde Brauer", "PERSON", None)]),
        "a2": ("Hilde waved.", [("Hilde", "PERSON", None)]),
        "b1": ("Paul Rask and Paul Imre met.", [("Paul Rask", "PERSON", None), ("Paul Imre", "PERSON", None)]),
        "b2": ("Paul waved.", [("Paul", "PERSON", None)]),
    })
    entities = _linked(corpus).set_index("article_id")
    assert entities.loc["a2", "entity"] == "Hilde Brauer"
    assert entities.loc["b2", "entity"] == "Paul" and bool(entities.loc["b2", "ambiguous"])


def test_a_junior_named_by_first_name_is_not_his_father():
    corpus = _corpus({
        "a1": ("Donald Voss spoke.", [("Donald Voss", "PERSON", None)]),
        "a2": ("Donald Jr. waved.", [("Donald Jr.", "PERSON", None)]),
        "a3": ("Voss Jr. waved.", [("Voss Jr.", "PERSON", None)]),
    })
    entities = _linked(corpus).set_index("article_id")
    assert entities.loc["a2", "entity"] == "Donald Jr." and entities.loc["a3", "entity"] == "Voss Jr."


def test_an_unresolved_speaker_written_as_a_known_name_gets_the_entity():
    corpus = _corpus(WEISS)
    quotes = from_columns("quotes", {"article_id": ["a3", "a3", "a2"], "quote": [0, 1, 2], "kind": ["direct"] * 3,
                                     "content": ["x"] * 3, "start": [0] * 3, "end": [1] * 3,
                                     "speaker": [None, None, None], "speaker_text": ["Weiss", "he", "Nobody Known"]})
    _, linked = link_frames(corpus.articles, corpus.entities, quotes)
    assert linked["speaker"].iloc[0] == "Anton Weiss" and pd.isna(linked["speaker"].iloc[1])
    assert pd.isna(linked["speaker"].iloc[2]) and pd.isna(linked["article_speaker"].iloc[0])


def test_party_short_names_are_one_party_unless_an_alias_keeps_them_apart(tmp_path):
    corpus = _corpus({
        "p1": ("The Tories said taxes would fall.", [("Tories", "NORP", None)]),
        "p2": ("The Conservatives said taxes would fall.", [("Conservatives", "NORP", None)]),
        "p3": ("The Lib Dems and the Liberal Democrats agreed.", [("Lib Dems", "ORG", None), ("Liberal Democrats", "NORP", None)]),
    }, quotes=[("p1", "Tories"), ("p2", "Conservatives"), ("p3", "Lib Dems")])
    entities, quotes = link_frames(corpus.articles, corpus.entities, corpus.quotes)
    assert quotes["speaker"].tolist() == ["Conservative Party", "Conservative Party", "Liberal Democrats"]
    assert set(entities["entity"]) == {"Conservative Party", "Liberal Democrats"}
    assert set(entities["label"]) == {"ORG"}
    # the user's aliases win over the built-in ones: "Tories,Tories" keeps that form apart
    entities, quotes = link_frames(corpus.articles, corpus.entities, corpus.quotes, {"Tories": "Tories"})
    assert quotes["speaker"].tolist()[:2] == ["Tories", "Conservative Party"]


def test_a_kind_of_organisation_never_takes_an_entity_name():
    # "Government" tagged ORG in one article is no name for "The government said" in another
    corpus = _corpus({
        "g1": ("Government sources said so.", [("Government", "ORG", None)]),
        "g2": ("The government said taxes would fall.", []),
    }, quotes=[("g2", None)])
    quotes = corpus.quotes.assign(speaker_text=["The government"])
    _, linked = link_frames(corpus.articles, corpus.entities, quotes)
    assert pd.isna(linked["speaker"].iloc[0])


def test_a_full_name_tagged_org_is_the_person_its_surname_names_in_that_article():
    corpus = _corpus({
        "s1": ("Nadia Farrow said the vote was lost. Farrow added that she would stay.",
               [("Nadia Farrow", "ORG", None), ("Farrow", "PERSON", None)]),
        # an organisation whose last word is a surname some other article uses alone stays one
        "s2": ("Morgan Stanley raised its forecast.", [("Morgan Stanley", "ORG", None)]),
        "s3": ("Stanley scored twice.", [("Stanley", "PERSON", None)]),
    })
    entities = _linked(corpus)
    farrow = entities[entities["article_id"] == "s1"]
    assert set(farrow["entity"]) == {"Nadia Farrow"} and set(farrow["label"]) == {"PERSON"}
    assert entities.loc[entities["article_id"] == "s2", "label"].tolist() == ["ORG"]


def test_an_unresolved_speaker_written_as_a_role_never_takes_an_entitys_name():
    corpus = _corpus({"m1": ("The MPs said the bill was flawed. Paul King said so. Mr King agreed.",
                             [("MPs", "ORG", None), ("Paul King", "PERSON", None), ("King", "PERSON", "Paul King")])})
    quotes = from_columns("quotes", {"article_id": ["m1", "m1"], "quote": [0, 1], "kind": ["indirect"] * 2,
                                     "content": ["x"] * 2, "start": [0, 0], "end": [1, 1], "speaker": [None, None],
                                     "speaker_text": ["MPs", "Mr King"]})
    _, linked = link_frames(corpus.articles, corpus.entities, quotes)
    assert pd.isna(linked["speaker"].iloc[0])
    assert linked["speaker"].iloc[1] == "Paul King"  # "king" is a role noun too, but "Mr King" is a name


@pytest.mark.parametrize("text, name, expected", [
    ("Shares in Jarvis rose.", "Jarvis", True),
    ("a lifeline to Jarvis, which was weighed down", "Jarvis", True),
    ("rival suitor Euronext upped the ante", "Euronext", True),
    ("engineering group Jarvis said", "Jarvis", True),
    ("Mr Jarvis, who was weighed down", "Jarvis", False),
    ("He met Jarvis on Friday.", "Jarvis", False),
    ("Kelby striker Tom Ashe scored", "Kelby", True),  # a club's players and staff
    ("Kelby manager Dan Ferro said", "Kelby", True),
])
def test_org_context(text, name, expected):
    from newskit.extract.names import org_context

    start = text.index(name)
    assert org_context(text, start, start + len(name)) is expected


def test_one_word_people_written_where_firms_stand_are_firms_for_the_speakers():
    from newskit.extract.quotes.participants import _firms_tagged_people

    text = "Shares in Hollister rose. Hollister, which is in debt, said so. Hollister said more. Ann Reed met Ms Reed."
    rows = [{"text": "Hollister", "entity": "Hollister", "label": "PERSON", "start": m, "end": m + 9}
            for m in (10, 26, 63)] + [{"text": "Reed", "entity": "Reed", "label": "PERSON", "start": 101, "end": 105}]
    assert _firms_tagged_people(rows, text) == frozenset({"Hollister"})


def test_a_description_speaker_is_the_person_the_corpus_gives_that_title():
    # the article names Tom Arden and Olaf Brink, untitled; the article-level guess for "the
    # chancellor said" was Arden. Other articles call Brink "Chancellor", Arden "Prime Minister"
    # (and once "shadow chancellor", which makes no chancellor of him).
    corpus = _corpus({
        "a1": ("Tom Arden and Olaf Brink met. The chancellor said no. The premier said yes.",
               [("Tom Arden", "PERSON", None), ("Olaf Brink", "PERSON", None)]),
        "a2": ("Chancellor Olaf Brink spoke.", [("Olaf Brink", "PERSON", None)]),
        "a3": ("Prime Minister Tom Arden spoke. UK Chancellor Olaf Brink too.",
               [("Tom Arden", "PERSON", None), ("Olaf Brink", "PERSON", None)]),
    }, quotes=[("a1", "Tom Arden"), ("a1", "Tom Arden"), ("a1", "Tom Arden")])
    entities = corpus.entities.copy()
    entities.loc[entities["article_id"] == "a2", "role"] = "Chancellor"
    entities.loc[(entities["article_id"] == "a3") & (entities["text"] == "Tom Arden"), "role"] = "Prime Minister"
    entities.loc[(entities["article_id"] == "a3") & (entities["text"] == "Olaf Brink"), "role"] = "UK Chancellor"
    entities.loc[(entities["article_id"] == "a1") & (entities["text"] == "Tom Arden"), "role"] = "shadow chancellor"
    quotes = corpus.quotes.copy()
    quotes["speaker_text"] = ["the chancellor", "The premier", "Tom Arden"]
    ents, linked = link_frames(corpus.articles, entities, quotes)
    assert linked["speaker"].tolist() == ["Olaf Brink", "Tom Arden", "Tom Arden"]
    assert linked["article_speaker"].iloc[0] == "Tom Arden"  # the article's own reading is kept
    assert linked["speaker_id"].iloc[0] == ents.loc[ents["entity"] == "Olaf Brink", "entity_id"].iloc[0]


def test_a_title_goes_to_the_one_the_corpus_gives_it_far_most_often():
    # "the prime minister said" in an article naming Tom Arden and Olaf Brink, read as Brink: the
    # corpus calls Arden "Prime Minister" six times, Brink once (and "the prime minister and
    # Chancellor Olaf Brink" is two people: the title joined before his is not his)
    articles = {"a1": ("Tom Arden and Olaf Brink met. The prime minister said no.",
                       [("Tom Arden", "PERSON", None), ("Olaf Brink", "PERSON", None)])}
    articles |= {f"p{k}": ("Prime Minister Tom Arden spoke.", [("Tom Arden", "PERSON", None)]) for k in range(6)}
    articles["b1"] = ("Prime Minister Olaf Brink, as he may one day be, spoke.", [("Olaf Brink", "PERSON", None)])
    articles["b2"] = ("The prime minister and Chancellor Olaf Brink spoke.", [("Olaf Brink", "PERSON", None)])
    corpus = _corpus(articles, quotes=[("a1", "Olaf Brink")])
    entities = corpus.entities.copy()
    entities.loc[entities["article_id"].str.startswith("p"), "role"] = "Prime Minister"
    entities.loc[entities["article_id"] == "b1", "role"] = "Prime Minister"
    entities.loc[entities["article_id"] == "b2", "role"] = "prime minister and Chancellor"
    quotes = corpus.quotes.copy()
    quotes["speaker_text"] = ["The prime minister"]
    _, linked = link_frames(corpus.articles, entities, quotes)
    assert linked["speaker"].tolist() == ["Tom Arden"]
    # (held as often by both: the article's reading stays)
    entities.loc[entities["article_id"].isin(["p1", "p2", "p3", "p4", "p5"]), "role"] = None
    _, linked = link_frames(corpus.articles, entities, quotes)
    assert linked["speaker"].tolist() == ["Olaf Brink"]


def test_a_peer_is_the_commoner_of_his_name_only_where_an_article_names_both():
    # "Lord Kelby" beside "Neil Kelby" in one article: one person; "Lord Tarrow" is not the
    # athlete Tom Tarrow, whom no article names beside him; "Lord Dunmore of Ashby" is "Lord
    # Dunmore" with the place of his title
    corpus = _corpus({
        "a1": ("Neil Kelby took his seat. Lord Kelby spoke.", [("Neil Kelby", "PERSON", None), ("Lord Kelby", "PERSON", None)]),
        "a2": ("Lord Kelby said more.", [("Lord Kelby", "PERSON", None)]),
        "a3": ("Tom Tarrow won the race.", [("Tom Tarrow", "PERSON", None)]),
        "a4": ("Lord Tarrow of Ashby chaired it.", [("Lord Tarrow of Ashby", "PERSON", None)]),
    })
    entities = _linked(corpus)
    # (called by the name with his first name, though "Lord Kelby" is written more often)
    assert set(_names(entities, "a1") + _names(entities, "a2")) == {"Neil Kelby"}
    assert _names(entities, "a3") == ["Tom Tarrow"] and _names(entities, "a4") == ["Lord Tarrow of Ashby"]


def test_a_speaker_named_by_surname_alone_gets_the_one_person_of_that_name():
    # "said Okafor" in an article no entity of which holds "Okafor": the corpus names one Okafor
    corpus = _corpus({"a1": ("Ade Okafor won.", [("Ade Okafor", "PERSON", None)]),
                      "a2": ("Okafor said he was happy.", [])})
    quotes = from_columns("quotes", {"article_id": ["a2"], "quote": [0], "kind": ["direct"], "content": ["x"],
                                     "start": [0], "end": [1], "speaker": ["Okafor"], "speaker_text": ["Okafor"],
                                     "speaker_label": ["PERSON"]})
    _, linked = link_frames(corpus.articles, corpus.entities, quotes)
    assert linked["speaker"].iloc[0] == "Ade Okafor"


def test_a_peer_is_never_someone_of_the_other_gender():
    # "Baroness Kelby" named beside Charles Kelby, or where the articles' votes give a bare "Kelby"
    # to him, is not him
    articles = {f"a{k}": ("Charles Kelby spoke. Kelby said more.", [("Charles Kelby", "PERSON", None), ("Kelby", "PERSON", None)])
                for k in range(4)}
    articles["b"] = ("Charles Kelby spoke. Baroness Kelby said so.", [("Charles Kelby", "PERSON", None), ("Baroness Kelby", "PERSON", None)])
    articles["c"] = ("Baroness Kelby said so.", [("Baroness Kelby", "PERSON", None)])
    entities = _linked(_corpus(articles))
    assert _names(entities, "b") == ["Charles Kelby", "Baroness Kelby"] and _names(entities, "c") == ["Baroness Kelby"]


def test_a_womans_courtesy_title_is_never_a_man_of_her_surname():
    # "Mrs Kelby" (the article's name for a woman it never names in full) is not Charles Kelby,
    # whom the other articles' bare "Kelby" votes for; like a peer, she is a woman of that
    # surname only where an article names both (Anna Kelby), not one named elsewhere (Rita
    # Kelby, whom no article names beside her); "Mr Kelby" still is Charles Kelby
    articles = {f"a{k}": ("Charles Kelby spoke. Kelby said more.",
                          [("Charles Kelby", "PERSON", None), ("Kelby", "PERSON", "Charles Kelby")]) for k in range(4)}
    articles["b"] = ("Charles Kelby spoke. Mrs Kelby said so.", [("Charles Kelby", "PERSON", None), ("Kelby", "PERSON", "Mrs Kelby")])
    articles["c"] = ("Mr Kelby said so.", [("Mr Kelby", "PERSON", None)])
    articles["d"] = ("Rita Kelby wrote it.", [("Rita Kelby", "PERSON", None)])
    entities = _linked(_corpus(articles))
    assert _names(entities, "b") == ["Charles Kelby", "Mrs Kelby"] and _names(entities, "c") == ["Charles Kelby"]
    articles["e"] = ("Anna Kelby wrote it. Mrs Kelby said so.", [("Anna Kelby", "PERSON", None), ("Kelby", "PERSON", "Mrs Kelby")])
    del articles["d"]
    entities = _linked(_corpus(articles))
    assert _names(entities, "b") == ["Charles Kelby", "Anna Kelby"] and _names(entities, "e") == ["Anna Kelby", "Anna Kelby"]


def test_a_first_name_that_is_also_a_place_is_a_persons():
    # "Warren" and "Carolina" are towns too, and first names of the US lists: with a surname and
    # tagged PERSON they are people ("Manchester United" stays no person: no first name)
    corpus = _corpus({
        "a1": ("Coach Warren Gatland praised his side. Gatland said so.",
               [("Warren Gatland", "PERSON", None), ("Gatland", "PERSON", "Warren Gatland")]),
        "a2": ("Analyst Carolina Milanesi said sales grew. Ms Milanesi added more.",
               [("Carolina Milanesi", "PERSON", None), ("Ms Milanesi", "PERSON", "Carolina Milanesi")]),
        "a3": ("Manchester United won. Preston North End lost. China Southern flew.",
               [("Manchester United", "PERSON", None), ("Preston North End", "PERSON", None),
                ("China Southern", "PERSON", None)]),
    })
    entities = _linked(corpus)
    label = dict(zip(entities["entity"], entities["label"]))
    assert label["Warren Gatland"] == "PERSON" and label["Carolina Milanesi"] == "PERSON"
    assert label["Manchester United"] != "PERSON" and label["Preston North End"] != "PERSON"
    assert label["China Southern"] != "PERSON"  # a country is no one's first name here


def test_a_speaker_written_by_name_takes_the_corpus_label():
    # the article alone read "Yukos said" as a person (a one-word name of no known gender); the
    # corpus calls Yukos an organisation. A speaker read from "he" keeps the pronoun's person; a
    # first name alone stays a person's; "said Guy Mansfield QC" is the person the corpus knows
    from newskit.analysis.linking.link import _speaker_label
    assert _speaker_label("PERSON", "Yukos", "ORG:yukos", "Yukos") == "ORG"
    assert _speaker_label("PERSON", "Brentford", "ORG:brentford", "he") == "PERSON"
    assert _speaker_label("PERSON", "Michelle", "ORG:michelle", "Michelle") == "PERSON"
    assert _speaker_label("ORG", "Guy Mansfield", "PERSON:guy mansfield", "Guy Mansfield QC") == "PERSON"
    assert _speaker_label("ORG", "James Hardie", "PERSON:james hardie", "the firm") == "ORG"
    assert _speaker_label("ORG", "Lena Fisk; Tomas Brand", "PERSON:lena fisk; PERSON:tomas brand", "Fisk and Brand") == "ORG"


def test_an_unnamed_body_or_a_plural_kind_is_never_filled_with_an_entitys_name():
    # "The Ruritanian government said" is an unnamed source (the article gives only its role), and
    # "Unions said" several unnamed unions, whatever entities the tagger made of the words;
    # "Mr Dean", unresolved in its article, is the person the corpus names, and labelled one
    corpus = _corpus({"g1": ("The Ruritanian government said no. Unions said no. Rick Dean said yes. Mr Dean agreed.",
                             [("Ruritanian government", "ORG", None), ("Unions", "ORG", None),
                              ("Rick Dean", "PERSON", None), ("Dean", "PERSON", "Rick Dean")])})
    quotes = from_columns("quotes", {"article_id": ["g1"] * 3, "quote": [0, 1, 2], "kind": ["indirect"] * 3,
                                     "content": ["x"] * 3, "start": [0, 0, 0], "end": [1, 1, 1],
                                     "speaker": [None, None, None],
                                     "speaker_text": ["The Ruritanian government", "Unions", "Mr Dean"],
                                     "speaker_role": ["Ruritanian government", None, None]})
    _, linked = link_frames(corpus.articles, corpus.entities, quotes)
    assert pd.isna(linked["speaker"].iloc[0]) and pd.isna(linked["speaker"].iloc[1])
    assert linked["speaker"].iloc[2] == "Rick Dean" and linked["speaker_label"].iloc[2] == "PERSON"


def test_a_party_speaker_is_an_organisation_whatever_the_tagger_said():
    from newskit.analysis.linking.link import _speaker_label
    assert _speaker_label("PERSON", "Liberal Democrats", "ORG:liberal democrats", "Lib Dems") == "ORG"
    assert _speaker_label(None, "Conservative Party", "ORG:conservative party", "Tories") == "ORG"


def test_a_full_name_the_tagger_calls_a_firm_is_a_person_when_quoted_as_he():
    # "Rory Kellan" tagged ORG in every mention; an article quotes him through "he": a person.
    # "Joy Division" (a band) is never a he
    corpus = _corpus({"p1": ("Rory Kellan spoke. Rory Kellan left. Joy Division played.",
                             [("Rory Kellan", "ORG", None), ("Rory Kellan", "ORG", None), ("Joy Division", "ORG", None)])})
    quotes = from_columns("quotes", {"article_id": ["p1"], "quote": [0], "kind": ["direct"], "content": ["x"],
                                     "start": [0], "end": [1], "speaker": ["Rory Kellan"], "speaker_text": ["he"],
                                     "speaker_label": ["PERSON"]})
    entities, _ = link_frames(corpus.articles, corpus.entities, quotes)
    label = dict(zip(entities["entity"], entities["label"]))
    assert label["Rory Kellan"] == "PERSON" and label["Joy Division"] == "ORG"
