"""Quotes and speakers: every kind of attribution, quote-mark styles, speaker resolution, said_on."""
from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.extract.document import ArticleDoc, ParagraphDoc
from newskit.extract.quotes.quotemarks import quoted_spans
from newskit.extract.quotes.direct import extract_quotes

from .conftest import FIXTURES, ROOT, assert_spans_point_into_text, tag_fixtures

QUOTES = FIXTURES / "quotes"


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return seed_corpus


@pytest.fixture(scope="module")
def fixtures(nlp):
    return tag_fixtures(QUOTES, nlp)


def quotes_of(corpus, name: str) -> pd.DataFrame:
    return corpus.quotes[corpus.quotes["file"] == name].reset_index(drop=True)


# --- the seed ------------------------------------------------------------------------------

def test_seed_direct_quotes(seed):
    direct = seed.quotes[seed.quotes["kind"] == "direct"]
    assert len(direct) == 4
    assert set(direct["speaker"]) == {"Anatoly Antonov"}
    assert sorted(direct["cue"]) == ["concluded", "said", "said", "said"]
    assert sorted(direct["speaker_text"]) == ["Antonov", "Antonov", "Antonov", "he"]


def test_seed_reported_quotes(seed):
    body = seed.quotes[(seed.quotes["kind"] != "direct") & (seed.quotes["paragraph"] > 1)]
    assert len(body) == 7
    assert body["speaker"].value_counts().to_dict() == {"Sergei Shoigu": 4, "Anatoly Antonov": 3}
    assert (body["kind"] == "according_to").sum() == 2
    roles = dict(zip(seed.quotes["speaker"], seed.quotes["speaker_role"]))
    assert roles["Anatoly Antonov"] == "Russian Deputy Defense Minister"
    assert roles["Sergei Shoigu"] == "Russian Defense Minister"
    he_said = body[body["content"].str.startswith("that the Doctors Without Borders")]
    assert he_said["speaker"].tolist() == ["Anatoly Antonov"] and he_said["speaker_text"].tolist() == ["He"]


def test_seed_said_on(seed):
    # said_on uses newskit.extract.timexes.normalize.normalize or its timex rows
    pytest.importorskip("newskit.extract.timexes.normalize")
    quotes = seed.quotes
    told = quotes[quotes["cue"] == "told journalists"]
    assert told["said_on"].tolist() == [pd.Timestamp("2016-07-29")]
    thursday = quotes[quotes["content"].str.startswith("that Moscow and Damascus")]
    assert thursday["said_on"].tolist() == [pd.Timestamp("2016-07-28")]
    assert quotes["said_on"].notna().sum() == 2  # missing where the text does not say


def test_seed_subtitle_attribution(seed):
    subtitle = seed.quotes[seed.quotes["paragraph"] == 1]
    assert subtitle["content"].tolist() == ["Humanitarian corridors can be opened from and into Aleppo"]
    assert subtitle["speaker_text"].tolist() == ["the ministry"]
    assert subtitle["speaker"].tolist() == ["Russian defense ministry"]
    assert subtitle["speaker_label"].astype(str).tolist() == ["ORG"]
    assert len(seed.quotes) == 12  # no row without a real attribution


def test_seed_contract(seed):
    assert_spans_point_into_text(seed)
    quotes = seed.quotes
    text = seed.articles["text"].iloc[0]
    for row in quotes.itertuples():
        assert text[row.speaker_start:row.speaker_end] == row.speaker_text
        assert text[row.cue_start:row.cue_end] == row.cue


# --- every kind of attribution --------------------------------------------------------------

def test_direct_cue_placements(fixtures):
    q = quotes_of(fixtures, "direct_cues.txt")
    assert q["kind"].astype(str).tolist() == ["direct"] * 4
    assert q["speaker"].tolist() == ["Pavel Orlov", "Pavel Orlov", "Pavel Orlov", "Ines Carvalho"]
    assert q["cue"].tolist() == ["said", "said", "told reporters", ":"]
    assert q["speaker_role"].tolist()[:3] == ["Transport Minister"] * 3
    assert q["content"].tolist()[2] == '"The harbour will stay open all winter."'


def test_split_quote_and_trailing_dash(fixtures):
    q = quotes_of(fixtures, "split_and_dash.txt")
    assert len(q) == 2
    split = q.iloc[0]
    assert split["parts"].count(":") == 2 and "Lena Brandt said" in split["content"]
    assert q.iloc[1]["cue"] == "-" and q.iloc[1]["speaker_text"] == "Lena Brandt"


def test_multi_paragraph_quote(fixtures):
    q = quotes_of(fixtures, "multi_paragraph.txt")
    assert q["kind"].astype(str).tolist() == ["indirect", "direct"]  # "described the repairs" is reported
    q = q[q["kind"] == "direct"].reset_index(drop=True)
    assert q.iloc[0]["content"].count("\n\n") == 2 and q.iloc[0]["content"].endswith('again."')
    assert q.iloc[0]["speaker"] == "Jonas Weller" and q.iloc[0]["speaker_text"] == "He"


def test_floating_quote_continues_the_speaker(fixtures):
    q = quotes_of(fixtures, "floating.txt")
    assert q["kind"].astype(str).tolist() == ["indirect", "direct"]  # the headline's "praises young team"
    q = q[q["kind"] == "direct"].reset_index(drop=True)
    assert len(q) == 1 and q.iloc[0]["speaker"] == "Alma Ruiz"
    assert len(q.iloc[0]["parts"].split()) == 2 and "I have never seen" in q.iloc[0]["content"]


def test_non_speech_in_quote_marks_is_left_out(fixtures):
    q = quotes_of(fixtures, "non_speech.txt")
    direct = q[q["kind"] == "direct"].reset_index(drop=True)
    # a programme title after a possessive and a scare quote inside a sentence are not speech
    assert not q["content"].str.contains("Night Watch").any()
    assert not q["content"].str.contains("wrecks").any()
    # a one-word quote that opens its sentence before a cue is speech
    assert direct.iloc[0]["content"] == '"Never,"' and direct.iloc[0]["cue"] == "said"
    assert direct.iloc[0]["speaker"] == "Rosa Lind"
    # a full sentence without a cue of its own, attributed by its paragraph, stays (as a second part)
    assert len(direct) == 2 and len(direct.iloc[1]["parts"].split()) == 2
    assert direct.iloc[1]["content"].endswith('"The ferries belong to the town."')


def test_is_speech_rule(nlp):
    from newskit.extract.quotes.speech import is_speech

    def judge(text: str, found: str) -> bool:
        doc = nlp(text)
        pdoc = ParagraphDoc(0, "body", 0, doc, text=text)
        return is_speech(pdoc, quoted_spans(text)[0], found)

    assert not judge('She reviewed the film "Low Tide" for the paper.', "governed")  # a title
    assert not judge('Critics called it the "Harbour Hour" programme, she said.', "after")  # a title
    assert not judge('Fares on the "express" boats will rise, the council said.', "after")  # a scare quote
    assert judge('The mayor called the plan "a disgrace" on Monday.', "governed")  # a speech verb's fragment
    assert judge('The mayor described the plan as "fine" on Monday.', "governed")
    assert judge('"No," the mayor said.', "after")
    assert judge('The mayor said: "No."', "before")
    assert judge('She said the harbour was "in a state where nobody will want to fish again."', "governed")  # long


def test_extents(fixtures):
    q = quotes_of(fixtures, "extents.txt").set_index("content")
    # a quote inside reported speech by the same cue is one mixed quote of the whole clause
    mixed = q.loc['that the town would "never sell the pier to a hotel chain."']
    assert mixed["kind"] == "mixed" and mixed["cue"] == "said"
    assert not any(c == '"never sell the pier to a hotel chain."' for c in q.index)
    # what the speaker goes on to say after the complement (not when or where it was said)
    assert q.loc["the harbour master with fraud", "cue"] == "charged"
    assert q.loc["the ferries were old, but the town could not afford new ones", "speaker"] == "Tomas Vik"
    # a parenthetical cue and an interrupting according-to: the clause around them, in two parts
    ferry = q.loc["The ferry, Lind said, would run until the end of May"]
    assert ferry["kind"] == "indirect" and len(ferry["parts"].split()) == 2 and ferry["speaker"] == "Rosa Lind"
    repairs = q.loc["The repairs, according to the port office, will cost more than planned"]
    assert repairs["kind"] == "according_to" and len(repairs["parts"].split()) == 2
    # a split quote with the cue's own words between its parts
    split = q.loc[q.index.str.startswith('"We will keep')].iloc[0]
    assert split["kind"] == "direct" and len(split["parts"].split()) == 2 and split["speaker"] == "Tomas Vik"


def test_reported_speech(fixtures):
    q = quotes_of(fixtures, "reported.txt")
    assert q["kind"].astype(str).tolist() == ["indirect"] * 4
    assert q["cue"].tolist() == ["told reporters", "said", "warned", "announced"]
    assert q["speaker"].tolist() == ["Oskar Lind", "Oskar Lind", "Oskar Lind", "Sofia Hahn"]
    assert q["speaker_role"].tolist() == ["Mayor", "Mayor", "Mayor", "Deputy Mayor"]
    assert q.iloc[0]["content"] == "The bridge will be finished within two years"


def test_reported_speech_said_on(fixtures):
    pytest.importorskip("newskit.extract.timexes.normalize")
    q = quotes_of(fixtures, "reported.txt")  # published Friday 2021-03-12, "on Monday"
    assert q["said_on"].tolist()[0] == pd.Timestamp("2021-03-08")
    assert q["said_on"].iloc[1:].isna().all()


def test_according_to_both_placements(fixtures):
    q = quotes_of(fixtures, "according_to.txt")
    assert q["kind"].astype(str).tolist() == ["according_to", "according_to"]
    assert q["content"].tolist() == ["the chain will open twelve new shops next year", "Bread prices will stay the same"]
    assert set(q["speaker"]) == {"Clara Holm"}


def test_mixed_quote(fixtures):
    q = quotes_of(fixtures, "mixed.txt")
    assert q["kind"].astype(str).tolist() == ["mixed"]
    assert '"the best in its history"' in q.iloc[0]["content"]


def test_object_and_preposition_claims(fixtures):
    q = quotes_of(fixtures, "object_claims.txt")
    assert q["content"].tolist() == ["the ferry plan a waste of money",  # called X Y
                                     "the board of hiding the costs",  # accused X of Y
                                     "an independent audit of the harbour accounts"]  # called for X
    assert q["speaker"].tolist() == ["Oskar Lind", "Vera Moss", "Vera Moss"]
    assert q["cue"].tolist() == ["called", "accused", "called"]
    # no row for "the rising costs underscore ..." (a thing) or "prices continued to rise"


def test_quotes_continued_and_repaired_parses(fixtures):
    q = quotes_of(fixtures, "continued_quotes.txt")
    assert q["kind"].astype(str).eq("direct").all() and len(q) == 6
    falk = q.iloc[0]  # continued after the cue, up to the next sentence outside quotes
    assert len(falk["parts"].split()) == 2 and falk["content"].endswith('before the summer."')
    assert q.iloc[1]["content"] == "“We are ready,“"  # an opening curly mark typed as the closing one
    assert q["speaker_text"].tolist()[1:] == ["she", "another islander", "it", "Vera Moss", "a sign"]


def test_signed_quote_colon_headline_and_mixed_extent(fixtures):
    q = quotes_of(fixtures, "signed_and_colon.txt")
    assert q["kind"].astype(str).tolist() == ["indirect", "mixed", "direct"]
    assert q.iloc[0]["content"] == "Ferry fares will rise in May" and q.iloc[0]["cue"] == ":"
    assert q.iloc[1]["content"].endswith('do it alone."')  # the mixed quote runs to the closing mark
    assert q.iloc[2]["cue"] == "-" and q.iloc[2]["speaker"] == "Oskar Lind"


def test_headline_attribution(fixtures):
    q = quotes_of(fixtures, "headline.txt")
    assert q.iloc[0]["content"] == "Winter timetables will add forty trains"
    assert q.iloc[0]["speaker"] == "Northern railway company"
    assert q["speaker_label"].astype(str).tolist() == ["ORG", "ORG"]


def test_nested_quote(fixtures):
    q = quotes_of(fixtures, "nested.txt")
    outer, inner = q.iloc[0], q.iloc[1]
    assert outer["speaker"] == "Maria Keller" and outer["content"].startswith('"My neighbour')
    assert inner["content"] == "'The river is rising,'" and inner["speaker_text"] == "My neighbour"


def test_quote_mark_styles(fixtures):
    q = quotes_of(fixtures, "quote_marks.txt")
    direct = q[q["kind"] == "direct"]
    assert [c[0] for c in direct["content"]] == ["“", "„", "«", "'"]
    assert set(direct["speaker"]) == {"Tom Baker"}


def test_speaker_resolution(fixtures):
    q = quotes_of(fixtures, "speakers.txt").set_index("content")
    assert q.loc['"The schools need more teachers,"', "speaker"] == "Helga Sorensen"
    assert q.loc['"We cannot promise more money,"', "speaker"] == "Karl Berg"  # he
    assert q.loc['"We will find a way,"', "speaker"] == "Helga Sorensen"  # she: Mrs. Sorensen
    assert q.loc["that the budget was already stretched", "speaker_role"] == "finance minister"  # apposition
    assert q.loc["that talks would continue", "speaker"] == "Helga Sorensen"  # the education minister
    assert pd.isna(q.loc["that the plan was nearly finished", "speaker"])  # a source
    assert q.loc["that the plan was nearly finished", "speaker_text"] == "A source"
    assert pd.isna(q.loc["the reform was overdue", "speaker"])  # experts


def test_messy_marks_never_raise(fixtures):
    assert_spans_point_into_text(fixtures)
    q = quotes_of(fixtures, "messy.txt")
    assert q["speaker_text"].tolist() == ["Frey"]  # the one certain quote


# --- quote marks -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('He said "yes" and "no".', ['"yes"', '"no"']),
    ("“One” and „two“ and «three» and »four«.", ["“One”", "„two“", "«three»", "»four«"]),
    ("Russia’s plan, the boys' toys, don't 'go' away", ["'go'"]),
    ('"' * 500, []),
    ("“Opened twice “and closed once”", ["“and closed once”"]),
    ("", []),
])
def test_quoted_spans(text, expected):
    assert [text[s.start:s.end] for s in quoted_spans(text)] == expected


def test_unclosed_quote_runs_to_the_end():
    spans = quoted_spans('Then: "it goes on')
    assert len(spans) == 1 and not spans[0].closed


def test_a_long_quotes_paragraphs_run_together_are_quotes_of_their_own():
    # `"A. "B."`: the first paragraph's quote is left open, as when paragraphs were separate
    text = 'he said. "By failing to act they hurt buyers. "By acting now we help them."'
    spans = quoted_spans(text)
    assert [(text[s.start:s.end], s.closed) for s in spans] == [
        ('"By failing to act they hurt buyers.', False), ('"By acting now we help them."', True)]
    # an opener in mid-sentence still starts again (the first mark was never a quote)
    other = 'a "stray mark and "a quote" here'
    assert [other[s.start:s.end] for s in quoted_spans(other)] == ['"a quote"']


# --- said_on from the timeline's rows -------------------------------------------------------------

def test_said_on_from_timex_rows(nlp):
    text = "The pier will reopen, harbour master Ola Dahl said on Tuesday."
    pdoc = ParagraphDoc(0, "body", 0, nlp(text))
    start = text.index("Tuesday")
    timex = {"sentence": 0, "start": start, "end": start + 7, "text": "Tuesday", "type": "DATE",
             "value": "2020-01-07", "date": pd.Timestamp("2020-01-07")}
    adoc = ArticleDoc({"text": text, "published": pd.NaT}, [pdoc], {"entities": [], "timexes": [timex]})
    rows = extract_quotes(adoc)
    assert [(r["speaker"], r["said_on"]) for r in rows] == [("Ola Dahl", pd.Timestamp("2020-01-07"))]


# --- breakdowns and the view ----------------------------------------------------------------------

def test_breakdowns(seed):
    per_speaker = newskit.quotes_per_speaker(seed.quotes)
    assert per_speaker.iloc[0].to_dict() | {} == {"speaker": "Anatoly Antonov", "quotes": 7, "direct": 4,
                                                  "reported": 3, "direct_share": 0.57, "articles": 1}
    assert newskit.quotes_per_role(seed.quotes)["speaker_role"].tolist()[:2] == [
        "Russian Deputy Defense Minister", "Russian Defense Minister"]
    assert newskit.cue_verbs(seed.quotes).iloc[0].tolist() == ["said", 6]
    shares = newskit.kind_shares(seed.quotes, ["Sergei Shoigu"])
    assert shares.loc["Sergei Shoigu"].to_dict() == {"according_to": 0.25, "indirect": 0.75}
    assert set(newskit.quote_lengths(seed.quotes).index) == {"direct", "indirect", "according_to"}
    assert len(newskit.speaker_quotes(seed.quotes, "Anatoly Antonov")) == 7


def test_show_highlights_speakers(seed):
    html = seed.show(seed.articles["article_id"].iloc[0]).html
    assert 'class="speaker' in html or "speaker\"" in html
    assert "speaker: Anatoly Antonov" in html
