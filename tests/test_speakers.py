"""Speaker resolution through the article's participants (issue #17): description chains across
paragraphs, hypernyms, "according to him/her", organisations, joint speakers. Fixtures are
fictional wire copy in tests/fixtures/speakers/."""
from __future__ import annotations

import pandas as pd
import pytest

import newskit
from newskit.extract.names import role_descriptions, title_phrases

from .conftest import FIXTURES, assert_spans_point_into_text, tag_fixtures

SPEAKERS = FIXTURES / "speakers"


@pytest.fixture(scope="module")
def corpus(nlp):
    return tag_fixtures(SPEAKERS, nlp)


def said(corpus, name: str, content: str) -> pd.Series:
    q = corpus.quotes[(corpus.quotes["file"] == name) & corpus.quotes["content"].str.contains(content, regex=False)]
    assert len(q) == 1, (content, q[["content", "speaker"]])
    return q.iloc[0]


def test_description_chain_across_paragraphs(corpus):
    # "Ruritanian President Anton Weiss" -> "the Ruritanian leader" -> "The head of state" -> "the Ruritanian President"
    for content in ("talks with Lima must resume", "ready to meet at any level", "had lasted too long",
                    "new round of talks could start"):
        row = said(corpus, "wire_chains.txt", content)
        assert row["speaker"] == "Anton Weiss", content
        assert row["speaker_role"] == "Ruritanian President"


def test_hypernyms_and_according_to_her(corpus):
    # "Ruritanian Ambassador to Lima Olga Marek" -> "the diplomat" -> "The ambassador" -> "According to her"
    for content in ("received a written proposal", "proposal is serious", "both sides wanted a deal",
                    "first meeting will take place"):
        row = said(corpus, "wire_chains.txt", content)
        assert row["speaker"] == "Olga Marek", content  # the place the title names is not part of the name
    assert said(corpus, "wire_chains.txt", "first meeting").at["speaker_text"] == "her"


def test_entity_and_speaker_roles_agree(corpus):
    entity = corpus.entities[corpus.entities["entity"] == "Olga Marek"].iloc[0]
    row = said(corpus, "wire_chains.txt", "proposal is serious")
    assert entity["role"] == row["speaker_role"] == "Ruritanian Ambassador to Lima"
    assert said(corpus, "wire_chains.txt", "no date had been set")["speaker"] == "Ivan Sorel"  # "Sorel said"


def test_organisations_keep_their_full_name(corpus):
    for content in ("welcomed the proposal", "constructive answer"):  # "the ministry said"
        row = said(corpus, "wire_chains.txt", content)
        assert (row["speaker"], row["speaker_label"]) == ("Ruritanian Foreign Ministry", "ORG")
    assert said(corpus, "joint.txt", "traffic would be diverted")["speaker"] == "Harbour Authority"  # "The authority"


def test_joint_speakers_are_never_glued(corpus):
    for content in ("Harbour Bridge would reopen", "work is nearly done"):
        row = said(corpus, "joint.txt", content)
        assert row["speakers"] == "Lena Fisk; Tomas Brand", content
        assert row["speaker"] == "Lena Fisk and Tomas Brand"
    row = said(corpus, "joint.txt", "cost had risen by a third")  # "Brand, who visited the site with Fisk, said"
    assert (row["speaker"], row["speakers"]) == ("Tomas Brand", "Tomas Brand")


def test_unnamed_sources_stay_unnamed(corpus):
    row = said(corpus, "joint.txt", "closure had cost them customers")
    assert pd.isna(row["speaker"]) and row["speaker_text"] == "Local traders"


def test_breakdown_counts_each_joint_speaker(corpus):
    table = newskit.quotes_per_speaker(corpus.quotes).set_index("speaker")
    assert "Lena Fisk and Tomas Brand" not in table.index
    assert table.loc["Tomas Brand", "quotes"] == 3 and table.loc["Lena Fisk", "quotes"] == 2
    assert "local traders" not in table.index  # unresolved mentions only on request
    assert "local traders" in set(newskit.quotes_per_speaker(corpus.quotes, unresolved=True)["speaker"])
    coverage = newskit.speaker_coverage(corpus.quotes)["quotes"]
    assert coverage["joint speakers"] == 2 and coverage["unnamed source"] == 1
    assert coverage.sum() == len(corpus.quotes)


def test_spans(corpus):
    assert_spans_point_into_text(corpus)


@pytest.mark.parametrize("title, expected", [
    ("Ruritanian Ambassador to Lima", {"ambassador", "diplomat", "envoy"}),
    ("President", {"president", "leader", "head of state"}),
    ("Foreign Minister", {"foreign minister", "top diplomat", "minister"}),
    ("Acme Corp.", {"company", "firm"}),
])
def test_role_descriptions(title, expected):
    assert expected <= role_descriptions(title.split())


def test_title_phrases_longest_first():
    assert title_phrases("Ruritanian Foreign Minister".split()) == ["foreign minister", "minister"]


def test_reports_speak_for_their_publisher(corpus):
    for content in ("cost 12 million crowns too much", "ignored two cheaper offers"):
        row = said(corpus, "reports.txt", content)
        assert (row["speaker"], row["speaker_label"]) == ("Coastal Audit Office", "ORG"), content


def test_name_in_apposition_and_boss(corpus):
    for content in ("figures were wrong", "left out fuel costs", "full every day"):
        assert said(corpus, "reports.txt", content)["speaker"] == "Lars Holm", content


def test_peerage_title_joins_a_name_only_when_free():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from newskit.extract.entities.rules import EntityRules

    doc = Doc(Vocab(), words=["Chairman", "Lord", "Holme", "said"])
    doc.ents = [Span(doc, 2, 3, label="PERSON")]
    assert [e.text for e in EntityRules()(doc).ents] == ["Lord Holme"]
    # "Lord" already belongs to another entity: the name stays as tagged, and nothing raises
    doc = Doc(Vocab(), words=["The", "Lord", "Holme", "Trust", "said"])
    doc.ents = [Span(doc, 0, 2, label="ORG"), Span(doc, 2, 3, label="PERSON")]
    assert [(e.text, e.label_) for e in EntityRules()(doc).ents] == [("The Lord", "ORG"), ("Holme", "PERSON")]
