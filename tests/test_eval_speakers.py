"""bench/eval_speakers.py: the matching and outcome rules on a made-up article, and the gold's
hashes against the reader's text when ../shared is at hand."""
from __future__ import annotations

import importlib.util
import itertools
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from .conftest import ROOT, SHARED

spec = importlib.util.spec_from_file_location("eval_speakers", ROOT / "bench" / "eval_speakers.py")
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)

# a made-up article: offsets into this text only
TEXT = ('Pat Quill said: "The mill will close." She added: "Jobs will go." '
        'The Weavers\' Union said talks had failed. Officials said more was to come.')


def span(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


def gold_row(piece, speaker, written="name"):
    start, end = span(piece)
    return {"article_id": "a1", "corpus_path": "corpora/x/1.txt", "quote_start": start, "quote_end": end,
            "speaker": speaker, "speaker_as_written": written, "split": "dev", "corpus": "x"}


def pred(piece, speaker, **extra):
    start, end = span(piece)
    return {"article_id": "a1", "start": start, "end": end, "speaker": speaker, "speaker_text": speaker, **extra}


def test_overlap_of_thirty_percent_of_the_gold_content_matches_one_to_one():
    gold = [gold_row("The mill will close.", "Pat Quill")]
    assert ev.match(gold, [pred("The mill", "Pat Quill")]) == [(0, 0)]  # 8 of 20 characters
    assert ev.match(gold, [pred("The", "Pat Quill")]) == []  # 3 of 20
    # two predictions on one gold: the better overlap wins, the other stays unmatched
    assert ev.match(gold, [pred("The mill", "x"), pred("The mill will close.", "Pat Quill")]) == [(0, 1)]


def test_each_part_of_a_prediction_matches_its_own_gold_piece():
    (a, b), (c, d) = span("The mill will close."), span("Jobs will go.")
    split_quote = {"article_id": "a1", "start": a, "end": d, "parts": f"{a}:{b} {c}:{d}", "speaker": "Pat Quill"}
    assert ev.predicted_spans(split_quote) == [(a, b), (c, d)]
    assert [(p["start"], p["end"], p["speaker"]) for p in ev.pieces(split_quote)] == [(a, b, "Pat Quill"), (c, d, "Pat Quill")]
    gold = pd.DataFrame([gold_row("The mill will close.", "Pat Quill"), gold_row("Jobs will go.", "Pat Quill", "pronoun")])
    scored = ev.score(gold, pd.DataFrame([split_quote]))
    assert scored["outcome"].tolist() == ["right", "right"]


@pytest.mark.parametrize("gold_speaker, predicted, expected", [
    ("Pat Quill", {"speaker": "pat  quill"}, "right"),
    ("Weavers' Union|WU", {"speaker": "Weavers\u2019 Union"}, "right"),
    ("Weavers' Union|WU", {"speaker": "WU"}, "right"),
    ("Pat Quill", {"speaker": "Quill"}, "wrong"),
    ("Pat Quill", {"speaker": None}, "missing"),
    ("Pat Quill", {"speaker": float("nan")}, "missing"),
    ("none", {"speaker": None}, "right"),
    ("none", {"speaker": "Officials"}, "wrong"),
    ("Pat Quill; Sam Reed", {"speaker": "Pat Quill", "speakers": ["Sam Reed", "Pat Quill"]}, "right"),
    ("Pat Quill; Sam Reed", {"speaker": "Pat Quill"}, "wrong"),
    ("Pat Quill; Sam Reed", {"speaker": "Pat Quill", "speakers": ["Pat Quill"]}, "wrong"),
])
def test_outcomes(gold_speaker, predicted, expected):
    assert ev.outcome(gold_speaker, predicted) == expected


def test_score_and_summary():
    gold = pd.DataFrame([gold_row("The mill will close.", "Pat Quill"),
                         gold_row("Jobs will go.", "Pat Quill", "pronoun"),
                         gold_row("talks had failed", "Weavers' Union", "organisation"),
                         gold_row("more was to come", "none", "unnamed")])
    quotes = pd.DataFrame([pred("The mill will close.", "Pat Quill"), pred("Jobs will go.", None),
                           pred("talks had failed", "Pat Quill")])
    scored = ev.score(gold, quotes)
    assert scored["outcome"].fillna("unmatched").tolist() == ["right", "missing", "wrong", "unmatched"]
    overall = ev.summary(scored).iloc[0]
    assert (overall["gold"], overall["matched"]) == (4, 3)
    assert overall["right"] == overall["missing"] == overall["wrong"] == pytest.approx(1 / 3)
    assert ev.summary(scored, "speaker_as_written").loc["unnamed", "matched"] == 0


def test_split_is_fixed_by_the_article_id():
    assert ev.split_of("a1") == ev.split_of("a1")
    assert {ev.split_of(str(n)) for n in range(40)} == {"dev", "heldout"}


# articles per gold set (bench/gold/README.md says how each was picked)
GOLD_SETS = {"speakers.csv": 47, "speakers_fresh.csv": 30, "speakers_test.csv": 30, "speakers_desc.csv": 30,
             "speakers_dev2.csv": 30, "speakers_dev3.csv": 20, "speakers_test2.csv": 20, "speakers_dev4.csv": 20,
             "speakers_test3.csv": 20,
             "speakers_dev5.csv": 19,  # politics/222 removed: the same story as a test article
             "speakers_test4.csv": 17,  # three removed: the same stories as development articles
             "speakers_dev6.csv": 20,
             "speakers_dev7.csv": 19,  # the first BBC sport and entertainment set; sport/048 removed (test6 retells it)
             "speakers_test5.csv": 20,
             "speakers_test6.csv": 20,  # its test half
             "speakers_dev8.csv": 20,  # the second BBC sport and entertainment development set
             "speakers_test7.csv": 20,  # its test half
             "speakers_dev9.csv": 20,  # politics and business again (round10, odd half)
             "speakers_test8.csv": 20,  # its test half (round10, even half)
             "speakers_test9.csv": 20,  # BBC sport and entertainment again, a test set (round11, even half)
             "speakers_dev10.csv": 20,  # its development half (round11, odd half)
             "speakers_dev11.csv": 20,  # politics and business again (round12, odd half)
             "speakers_test10.csv": 20,  # its test half (round12, even half)
             "speakers_dev12.csv": 20,  # politics and business again (round13, odd half)
             "speakers_dev13.csv": 20,  # BBC sport and entertainment again, a development set (round13, odd half)
             "speakers_test11.csv": 20,  # politics and business again, a test set (round13, even half)
             "speakers_test12.csv": 20,  # its sport and entertainment test half (round13, even half)
             "speakers_test13.csv": 20,  # politics and business again, a test set (round14, even half)
             "speakers_test14.csv": 20,  # its sport and entertainment test half (round14, even half)
             "speakers_dev15.csv": 20,  # BBC sport and entertainment again, a development set (round14, odd half)
             "speakers_dev14.csv": 20,  # politics and business again, a development set (round14, odd half)
             "speakers_dev17.csv": 20,  # BBC sport and entertainment again, a development set (round15, odd half)
             "speakers_dev16.csv": 20,  # politics and business again, a development set (round15, odd half)
             "speakers_dev19.csv": 20,  # BBC sport and entertainment again, a development set (round16, odd half)
             "speakers_dev18.csv": 20,  # politics and business again, a development set (round16, odd half)
             "speakers_dev20.csv": 20,  # BBC tech, a development set (round16, odd half, positions 1-20)
             "speakers_dev21.csv": 20,  # BBC tech, a development set (round16, odd half, positions 21-40)
             "speakers_dev22.csv": 12,  # BBC politics and business, a development set (round16, odd half, after dev18)
             "speakers_dev23.csv": 19,  # BBC sport and entertainment, a development set (round16, odd half, after dev19)
             "speakers_test15.csv": 20,  # BBC politics and business again, a test set (round16, even half)
             "speakers_test16.csv": 20,  # BBC sport and entertainment again, a test set (round16, even half)
             "speakers_dev24.csv": 13,  # BBC politics and business again, a development set (round17, odd half; business used up)
             "speakers_dev25.csv": 17,  # BBC sport and entertainment again, a development set (round17, odd half; 7 entertainment left)
             "speakers_dev26.csv": 20,  # BBC tech again, a development set (round17, odd half)
             "speakers_test17.csv": 10,  # BBC politics again, a test set (round17, even half; no business candidate left)
             "speakers_test18.csv": 14,  # BBC sport and entertainment again, a test set (round17, even half; 4 entertainment left)
             "speakers_dev28.csv": 19,  # BBC sport again, a development set (round17, odd half, after dev25; 20 chosen, sport/403 has no attribution)
             "speakers_dev27.csv": 20,  # BBC tech again, a development set (round17, odd half, after dev26)
             "speakers_test19.csv": 20,  # BBC tech, a test set (round17, even half)
             "speakers_dev29.csv": 15,  # BBC tech again, a development set (round17, odd half, after dev27)
             "speakers_dev30.csv": 12,  # BBC sport again, a development set (round17, odd half, after dev28; sport used up)
             "speakers_dev31.csv": 4,  # BBC politics, a development set (round17, even half's remainder after test17; used up)
             "speakers_dev32.csv": 15,  # BBC tech again, a development set (round17, odd half, after dev29)
             "speakers_dev33.csv": 15,  # BBC sport, a development set (round17, even half's remainder after test18)
             "speakers_dev34.csv": 15,  # BBC tech, a development set (round17, odd half, the last tech candidates but 3)
             "speakers_dev35.csv": 6,  # BBC politics, a development set (round18: the last politics candidates; no business left)
             "speakers_dev36.csv": 8,  # BBC sport, a development set (round18: the last sport candidates; no entertainment left)
             "speakers_dev37.csv": 6,  # BBC politics and business, a development set (round19: articles over 5,000 characters)
             "speakers_dev38.csv": 6,  # BBC tech and entertainment, a development set (round19: articles over 5,000 characters)
             "speakers_dev39.csv": 10,  # BBC business and politics, a development set (round20: reported speech, under 2 quote pairs)
             "speakers_dev40.csv": 10,  # BBC tech and sport, a development set (round20: reported speech, under 2 quote pairs)
             "speakers_dev41.csv": 10,  # BBC business and politics, a development set (round20 after dev39)
             "speakers_dev42.csv": 10,  # BBC tech, entertainment and sport, a development set (round20 after dev40; none left)
             "speakers_dev43.csv": 10,  # BBC business and politics, a development set (round20 after dev41)
             "speakers_dev44.csv": 6,  # BBC tech and sport, a development set (round19 after dev38: the long articles)
             "speakers_dev45.csv": 10,  # BBC business and politics, a development set (round20 after dev43; none left)
             "speakers_dev46.csv": 12,  # BBC business, a development set (round21: under 1,500 characters)
             "speakers_dev47.csv": 12,  # BBC politics, a development set (round21: under 1,500 characters)
             "speakers_dev48.csv": 6,  # BBC tech, entertainment and sport, a development set (round19 after dev44: the long articles)
             "speakers_dev49.csv": 12,  # BBC sport, a development set (round21: under 1,500 characters)
             "speakers_dev50.csv": 12,  # BBC entertainment, a development set (round21: under 1,500 characters)
             "speakers_dev51.csv": 12,  # BBC business, a development set (round21 after dev46)
             "speakers_dev52.csv": 12,  # BBC business and politics, a development set (round22: under 1,500 characters, reported speech)
             "speakers_dev53.csv": 12,  # BBC sport, a development set (round21 after dev49)
             "speakers_dev54.csv": 12,  # BBC entertainment, a development set (round21 after dev50)
             "speakers_dev55.csv": 7,  # BBC politics, a development set (round21 after dev47; none left)
             "speakers_dev56.csv": 12,  # BBC business and politics, a development set (round22 after dev52, survivors 1-12)
             "speakers_dev57.csv": 12,  # BBC business, a development set (round21 after dev51)
             "speakers_dev58.csv": 12,  # BBC business and politics, a development set (round22 after dev52, survivors 13-24)
             "speakers_dev59.csv": 12,  # BBC sport, a development set (round21 after dev53)
             "speakers_dev60.csv": 12,  # BBC entertainment, a development set (round21 after dev54)
             "speakers_dev61.csv": 10,  # BBC tech, a development set (round23: 1,500-5,000 characters)
             "speakers_dev62.csv": 6,  # BBC business and politics, a development set (round22, the rest; none left)
             "speakers_dev63.csv": 12,  # BBC business, a development set (round21 after dev57; one left)
             "speakers_dev64.csv": 12,  # BBC sport, a development set (round21 after dev59)
             "speakers_dev65.csv": 12,  # BBC entertainment, a development set (round21 after dev60)
             "speakers_dev66.csv": 12,  # BBC business and politics, a development set (round24: little speech)
             "speakers_dev67.csv": 12,  # BBC sport, a development set (round21 after dev64)
             "speakers_dev68.csv": 10,  # BBC tech, a development set (round23 after dev61)
             "speakers_dev69.csv": 12,  # BBC business and politics, a development set (round24 after dev66)
             "speakers_dev70.csv": 12,  # BBC sport, a development set (round21 after dev67)
             "speakers_dev71.csv": 10,  # BBC tech, a development set (round23 after dev68)
             "speakers_dev72.csv": 12,  # BBC entertainment, a development set (round21 after dev65)
             "speakers_dev73.csv": 12,  # BBC business and politics, a development set (round24 after dev69, the last)
             "speakers_dev74.csv": 10,  # BBC tech, a development set (round23 after dev71)
             "speakers_dev75.csv": 12,  # BBC sport, a development set (round21 after dev70)
             "speakers_dev76.csv": 10,  # BBC tech, a development set (round23 after dev74)
             "speakers_dev77.csv": 8,  # BBC entertainment, a development set (round21 after dev72, the last)
             "speakers_dev78.csv": 12,  # BBC sport, a development set (round21 after dev75)
             "speakers_dev79.csv": 12,  # BBC sport, a development set (round21 after dev78's twelve)
             "speakers_dev80.csv": 10,  # BBC tech, a development set (round23 after dev76)
             "speakers_dev81.csv": 12,  # BBC sport, a development set (round21 after dev79)
             "speakers_dev82.csv": 12,  # BBC sport, a development set (round21 after dev81's twelve)
             "speakers_dev83.csv": 15}  # BBC sport, a development set (round21 after dev82, the last)


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared is absent")
@pytest.mark.parametrize("name, articles", sorted(GOLD_SETS.items()))
def test_every_gold_row_points_at_the_text_it_was_made_from(name, articles):
    gold = ev.read_gold(ROOT / "bench" / "gold" / name)
    assert gold["article_id"].nunique() >= articles
    assert set(gold["speaker_as_written"]) <= set(ev.CATEGORIES)
    assert set(gold["kind"]) <= {"direct", "reported"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = ev.load_articles(SHARED, gold)
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in gold.itertuples(index=False):
        content = texts[row.article_id][row.quote_start:row.quote_end]
        assert content.strip(), row
        assert ev.check_of(content) == row.check, row
    ev.verify(gold, articles)


def test_every_gold_set_is_counted_and_only_test_sets_are_named_so():
    assert sorted(p.name for p in (ROOT / "bench" / "gold").glob("speakers*.csv")) == sorted(GOLD_SETS)
    for name, articles in GOLD_SETS.items():
        assert ev.read_gold(ROOT / "bench" / "gold" / name)["corpus_path"].nunique() == articles, name
        # a development set may be listed with --show; a test set never
        assert name.startswith(ev.TEST_SETS) == name.startswith("speakers_test"), name


def test_no_two_gold_sets_share_an_article():
    golds = {name: ev.read_gold(ROOT / "bench" / "gold" / name) for name in sorted(GOLD_SETS)}
    for first, second in itertools.combinations(sorted(golds), 2):
        assert not set(golds[first]["corpus_path"]) & set(golds[second]["corpus_path"]), (first, second)
        # nor a byte-identical copy under another path: the same text gives the same article id
        # (politics/351 is politics/007)
        assert not set(golds[first]["article_id"]) & set(golds[second]["article_id"]), (first, second)


def test_a_partys_short_name_is_its_built_in_alias():
    assert ev.outcome("Labour", {"speaker": "Labour Party"}) == "right"
    assert ev.outcome("Tories", {"speaker": "Conservative Party"}) == "right"
    assert ev.outcome("Labour", {"speaker": "Conservative Party"}) == "wrong"


def test_a_womans_courtesy_title_before_a_surname_alone_is_the_surname():
    assert ev.outcome("Quill", {"speaker": "Mrs Quill"}) == "right"
    assert ev.outcome("Quill", {"speaker": "Ms. Quill"}) == "right"
    assert ev.outcome("Pat Quill", {"speaker": "Mrs Quill"}) == "wrong"
    assert ev.outcome("Missy Quill", {"speaker": "Quill"}) == "wrong"


@pytest.mark.parametrize("name", [name for name in sorted(GOLD_SETS) if name.startswith("speakers_test")])
def test_a_test_set_is_never_listed_case_by_case(name, capsys):
    assert ev.main(["--gold", str(ROOT / "bench" / "gold" / name), "--show", "wrong"]) == 2
    assert "test set" in capsys.readouterr().out


def _shingles(path: Path) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", path.read_text(encoding="utf-8", errors="replace").lower())
    return {tuple(words[i:i + 6]) for i in range(len(words) - 5)}


@pytest.mark.skipif(not (SHARED / "corpora").is_dir(), reason="../shared is absent")
def test_no_test_article_tells_a_development_articles_story():
    # a test article sharing a fifth of its 6-word shingles with one rules were written on is no
    # unseen text (speakers_test4's politics/328 was dev3's politics/184 retold)
    sets = {p.name: sorted(set(ev.read_gold(p)["corpus_path"])) for p in (ROOT / "bench" / "gold").glob("speakers*.csv")}
    dev = {path: _shingles(SHARED / path) for name, paths in sets.items() if not name.startswith(ev.TEST_SETS)
           for path in paths}
    for name, paths in sorted(sets.items()):
        if not name.startswith(ev.TEST_SETS):
            continue
        for path in paths:
            mine = _shingles(SHARED / path)
            for other, theirs in dev.items():
                shared = len(mine & theirs) / max(1, min(len(mine), len(theirs)))
                assert shared <= 0.2, (name, path, other, round(shared, 2))


def test_a_saved_corpus_is_scored_as_its_user_gets_it(nlp, tmp_path, capsys):
    # --saved reads the quotes of a whole-corpus run (`newskit analyze --out`); a gold article the
    # saved corpus lacks is left out and counted, never scored as missed
    import newskit

    articles = pd.DataFrame({"article_id": ["a1"], "text": [TEXT], "title": [""], "published": [pd.Timestamp("2005-01-01")]})
    newskit.tag(articles, cache=None, progress=False, model=nlp).save(tmp_path / "saved")
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    rows = [gold_row("The mill will close.", "Pat Quill"), {**gold_row("Jobs will go.", "Pat Quill"), "article_id": "gone"}]
    gold = pd.DataFrame([{**r, "check": ev.check_of(TEXT[r["quote_start"]:r["quote_end"]]), "kind": "direct"} for r in rows])
    gold.drop(columns=["split", "corpus"]).to_csv(tmp_path / "gold.csv", index=False)
    assert ev.main(["--shared", str(tmp_path / "shared"), "--gold", str(tmp_path / "gold.csv"),
                    "--saved", str(tmp_path / "saved")]) == 0
    out = capsys.readouterr().out
    assert "1 gold article(s) are not in" in out and "1 articles, 1 gold attributions" in out
    assert re.search(r"^all\s+1\s+1\s+1\.0\s+1\.0\s", out, re.M), out
