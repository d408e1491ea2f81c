"""Copies (newskit.analysis.copies): near-duplicate articles share a story, copies are counted once
by default, and quotes of the same words across articles share a quote_group.

Fixtures (tests/fixtures/copies/, fictional): harbour.txt (1 March) and a_harbour_copy.txt (2 March,
read first: another outlet's copy with a new headline, byline and dateline, a sentence dropped, a
paragraph added, quotes re-punctuated); bridge.txt and school.txt, two different stories that end
with the same 25-word agency boilerplate and carry the same words of Mayor Anna Kerr, quoted
directly in one and reported in the other.
"""
from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys

import pandas as pd
import pytest

import newskit
from newskit.analysis import copies

from .conftest import FIXTURES, ROOT, assert_spans_point_into_text, read_quietly

FOLDER = FIXTURES / "copies"


@pytest.fixture(scope="module")
def corpus(nlp) -> newskit.Corpus:
    return newskit.tag(read_quietly(FOLDER), cache=None, model=nlp)


def _by_file(corpus) -> pd.DataFrame:
    return corpus.articles.assign(file=corpus.articles["path"].str.rsplit("/", n=1).str[-1]).set_index("file")


def test_a_copy_with_small_edits_shares_the_story_and_points_to_the_earliest_published(corpus):
    articles = _by_file(corpus)
    original, copy = articles.loc["harbour.txt"], articles.loc["a_harbour_copy.txt"]
    assert original["story_id"] == copy["story_id"]
    # the copy is read first, but the original was published a day earlier
    assert copy["copy_of"] == original["article_id"] and pd.isna(original["copy_of"])
    assert original["story_id"] == min(original["article_id"], copy["article_id"])


def test_stories_sharing_a_boilerplate_sentence_stay_apart(corpus):
    articles = _by_file(corpus)
    assert articles.loc["bridge.txt", "story_id"] != articles.loc["school.txt", "story_id"]
    assert articles.loc[["bridge.txt", "school.txt"], "copy_of"].isna().all()
    assert corpus.articles["story_id"].nunique() == 3


def test_stories_view_has_one_row_per_story(corpus):
    stories = corpus.stories
    assert list(stories.columns) == copies.STORY_COLUMNS and len(stories) == 3
    harbour = stories.iloc[0]  # most copied first
    assert harbour["n_articles"] == 2 and harbour["title"] == "Kestova harbour to close for dredging"
    assert harbour["sources"] == "Coastal Wire; Kestova Times"
    assert harbour["first_published"] == pd.Timestamp("2024-03-01")
    assert harbour["last_published"] == pd.Timestamp("2024-03-02")
    assert harbour["articles"][0] == harbour["original"]


def test_copies_first_counts_each_story_once(corpus):
    first = newskit.entity_counts(corpus).set_index("name")
    keep = newskit.entity_counts(corpus, copies="keep").set_index("name")
    assert keep.loc["Piet Olund", "articles"] == 2 and first.loc["Piet Olund", "articles"] == 1
    assert keep.loc["Piet Olund", "mentions"] == 2 * first.loc["Piet Olund", "mentions"]
    assert first.loc["Anna Kerr", "articles"] == keep.loc["Anna Kerr", "articles"] == 2  # no copies
    table = newskit.entity_table(corpus, copies="keep").set_index("name")
    assert table.loc["Clara Dunne", "articles"] == 2
    assert newskit.entity_table(corpus).set_index("name").loc["Clara Dunne", "articles"] == 1
    pairs = newskit.cooccurrence(corpus, level="article", copies="keep")
    once = newskit.cooccurrence(corpus, level="article")
    assert pairs["count"].sum() > once["count"].sum()
    quotes = corpus.quotes
    assert quotes["in_copy"].sum() == (quotes["article_id"] == _by_file(corpus).loc["a_harbour_copy.txt", "article_id"]).sum()
    speakers = newskit.quotes_per_speaker(quotes).set_index("speaker")
    speakers_kept = newskit.quotes_per_speaker(quotes, copies="keep").set_index("speaker")
    assert speakers_kept.loc["Clara Dunne", "quotes"] == 2 and speakers.loc["Clara Dunne", "quotes"] == 1
    assert newskit.cue_verbs(quotes, copies="keep")["quotes"].sum() > newskit.cue_verbs(quotes)["quotes"].sum()
    assert newskit.speaker_coverage(quotes, copies="keep")["quotes"].sum() == len(quotes)
    assert newskit.speaker_coverage(quotes)["quotes"].sum() == (~quotes["in_copy"]).sum()
    assert len(newskit.timeline(corpus, copies="keep")) >= len(newskit.timeline(corpus))
    with pytest.raises(ValueError, match="copies="):
        newskit.entity_counts(corpus, copies="all")


def test_direct_and_reported_versions_of_the_same_words_share_a_quote_group(corpus):
    articles = _by_file(corpus)
    quotes = corpus.quotes.set_index("article_id")
    bridge = quotes.loc[[articles.loc["bridge.txt", "article_id"]]]
    school = quotes.loc[[articles.loc["school.txt", "article_id"]]]
    direct = bridge[bridge["content"].str.contains("bridge will reopen")].iloc[0]
    reported = school[school["content"].str.contains("bridge would reopen")].iloc[0]
    assert direct["kind"] == "direct" and reported["kind"] != "direct"
    assert isinstance(direct["quote_group"], str) and direct["quote_group"] == reported["quote_group"]
    # the boilerplate is no quote, and the other quotes of those two stories are found once each
    assert bridge["quote_group"].notna().sum() == 1
    assert copies.quote_words('"We will pay," she said') == copies.quote_words("they would pay she said")


def test_quote_spread_lists_each_group_with_where_it_first_appeared(corpus):
    spread = newskit.quote_spread(corpus)
    assert list(spread.columns) == copies.SPREAD_COLUMNS
    assert (spread["n_articles"] >= 2).all() and spread["quote_group"].is_unique
    articles = _by_file(corpus)
    kerr = spread[spread["speaker"] == "Anna Kerr"].iloc[0]
    assert kerr["first_article_id"] == articles.loc["bridge.txt", "article_id"]
    assert kerr["first_published"] == pd.Timestamp("2024-03-04") and kerr["span_days"] == 2
    assert kerr["n_articles"] == 2 and kerr["n_sources"] == 1 and kerr["n_stories"] == 2
    harbour = spread[spread["first_article_id"] == articles.loc["harbour.txt", "article_id"]]
    assert len(harbour) >= 2 and (harbour["n_sources"] == 2).all() and (harbour["n_stories"] == 1).all()
    assert "quote_spread" in newskit.__all__


def test_every_span_still_points_into_the_text(corpus):
    assert_spans_point_into_text(corpus)


def test_a_corpus_saved_without_copies_gets_them_when_loaded(corpus, tmp_path):
    folder = corpus.save(tmp_path / "saved")
    for name, columns in (("articles", ["story_id", "copy_of"]), ("quotes", ["quote_group", "in_copy"])):
        frame = pd.read_parquet(folder / f"{name}.parquet")
        frame.drop(columns=columns).to_parquet(folder / f"{name}.parquet", index=False)
    loaded = newskit.Corpus.load(folder)
    pd.testing.assert_frame_equal(loaded.articles[["story_id", "copy_of"]], corpus.articles[["story_id", "copy_of"]])
    pd.testing.assert_frame_equal(loaded.quotes, corpus.quotes)
    pd.testing.assert_frame_equal(newskit.quote_spread(loaded), newskit.quote_spread(corpus))


def test_the_threshold_is_a_parameter(corpus):
    strict = corpus.with_copies(threshold=0.99)
    assert strict.articles["story_id"].nunique() == 4 and strict.articles["copy_of"].isna().all()
    assert not strict.quotes["in_copy"].any()
    again = strict.with_copies()
    pd.testing.assert_frame_equal(again.articles, corpus.articles)


# Stories and quote groups in a fresh interpreter, pickled (no tagging: copies need only frames).
WORKER = """
import pickle, sys, warnings
import pandas as pd
import newskit
from newskit.analysis import copies
warnings.simplefilter("ignore")
articles = newskit.read_articles(sys.argv[1])
quotes = pd.DataFrame({"article_id": articles["article_id"].repeat(2).to_numpy(), "quote": [0, 1] * len(articles),
                       "content": [s for t in articles["title"] for s in (t + " and more words here", "we will keep the old harbour open every single day")]})
with open(sys.argv[2], "wb") as fh:
    pickle.dump((copies.with_stories(articles), copies.find_quote_groups(quotes), copies.stories(articles)), fh)
"""


def test_stories_and_quote_groups_do_not_depend_on_the_hash_seed(tmp_path):
    runs = []
    for seed in ("1", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        out = tmp_path / f"{seed}.pkl"
        done = subprocess.run([sys.executable, "-c", WORKER, str(FOLDER), str(out)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        runs.append(pickle.loads(out.read_bytes()))
    (articles, groups, stories), (articles2, groups2, stories2) = runs
    pd.testing.assert_frame_equal(articles, articles2)
    pd.testing.assert_series_equal(groups, groups2)
    pd.testing.assert_frame_equal(stories, stories2)
    assert groups.notna().sum() == 4  # "we will keep the old harbour open every single day" in all four articles


def test_lsh_compares_only_candidate_pairs(monkeypatch):
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(3000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(120)) for _ in range(300)]
    texts[299] = texts[5].replace("w", "w", 1) + " one more sentence at the end"
    articles = pd.DataFrame({"article_id": [f"a{i:03d}" for i in range(300)], "text": texts})
    compared = []
    similar = copies._similar_pairs

    def counting(sketches, accept, threshold):
        return similar(sketches, lambda i, j: compared.append((i, j)) or accept(i, j), threshold)

    monkeypatch.setattr(copies, "_similar_pairs", counting)
    found = copies.find_stories(articles)
    assert found.loc[299, "copy_of"] == "a005" and found["copy_of"].notna().sum() == 1
    assert len(compared) < 300 * 299 / 2 / 100  # far from all pairs


def test_explorer_quote_panel_says_in_how_many_other_articles(corpus):
    from newskit.view.explorer.data import ExploreIndex

    index = ExploreIndex(corpus)
    grouped = index.quotes[index.quotes["quote_group"].notna()]
    assert len(grouped) and (grouped["also_in"] >= 1).all()
    assert index.quotes.loc[index.quotes["quote_group"].isna(), "also_in"].isna().all()
    kerr = grouped[grouped["content"].str.contains("bridge will reopen")].iloc[0]
    assert kerr["also_in"] == 1  # the reported version in the school story


# -- quote groups on hand-made quote rows (fictional) ----------------------------------------------

NOMINEES = ("Other nominees in the best painter category include Ada Lunn for Harbour at Dusk, Piet Marr "
            "for The Salt Road and Nell Ostrow, who has two nods for her portraits of the Kestova fishermen "
            "and the winter market.")


def _groups(rows: list[tuple[str, int, str, str]]) -> pd.Series:
    quotes = pd.DataFrame(rows, columns=["article_id", "quote", "kind", "content"])
    return copies.find_quote_groups(quotes).set_axis([f"{a}/{q}" for a, q, _, _ in rows])


def test_quotes_that_ran_into_the_same_narration_are_not_grouped_on_it():
    # two different painters' words, each extent running on into the same list of nominees
    groups = _groups([
        ("a1", 0, "direct", f'"It is out of my hands now, and I will enjoy the evening with friends," she said. {NOMINEES}'),
        ("b1", 0, "direct", f'"A prize for Tom would be the best news this old gallery has ever had." {NOMINEES}'),
        ("c1", 0, "direct", '"A prize for Tom would be the best news this old gallery has ever had,"'),
    ])
    assert pd.isna(groups["a1/0"])  # only the narration is shared: no group
    assert groups["b1/0"] == groups["c1/0"]  # the same words inside the marks still are one group
    assert copies.quoted_words(f'"Out of my hands," she said. {NOMINEES}') == "Out of my hands,"
    assert copies.quoted_words("\u2018We won\u2019t stop,\u2019 he said. \u2018The players\u2019 union agrees.\u2019") == \
        "We won\u2019t stop, The players\u2019 union agrees."
    assert copies.quoted_words('that it was "a fine day"', "mixed") == 'that it was "a fine day"'


def test_a_quote_holding_two_statements_does_not_chain_them_into_one_group():
    harbour = "The harbour wall has kept this town safe for more than a hundred years and it will again"
    budget = "We will spend every penny of the budget on the schools and the clinics first"
    groups = _groups([
        ("a1", 0, "direct", f'"{harbour}."'),
        ("b1", 0, "direct", f'"{budget},"'),
        ("b2", 0, "indirect", budget.replace("We will", "they would")),
        # a copy whose extent holds both statements, with the narration between them
        ("c1", 0, "direct", f'"{harbour}." The mayor then turned to the budget. "{budget}."'),
    ])
    assert groups["a1/0"] == groups["c1/0"]  # the long quote joins the statement it shares most with
    assert groups["b1/0"] == groups["b2/0"] != groups["a1/0"]  # the other keeps a group of its own


def test_a_quote_repeated_many_times_is_compared_once(monkeypatch):
    # one sentence repeated in every paragraph of a story and its copy: the repeats are one quote for
    # matching (no n x n pairs), and still one group over both articles
    said = '"The pier at Kestova held through the night, and it will hold again."'
    rows = [(a, k, "direct", said) for a in ("a1", "b1") for k in range(400)]
    compared = []
    similar = copies._similar_pairs

    def counting(sketches, accept, threshold):
        return similar(sketches, lambda i, j: compared.append((i, j)) or accept(i, j), threshold)

    monkeypatch.setattr(copies, "_similar_pairs", counting)
    groups = _groups(rows)
    assert groups.nunique() == 1 and groups.notna().all()
    assert len(compared) == 0
