"""Results never depend on chance: tagging in two processes with different PYTHONHASHSEED values
gives identical frames (string hashing decides the order of sets, so any tie broken by set order
would show here)."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd

from newskit.extract.entities import gazetteer

from .conftest import ROOT

# Seeds that gave different names before the fix ("van Persie" vs "Van Persie", Nigerian -> Niger
# vs Nigeria); any two seeds must agree now.
SEEDS = ("1", "5")
ARTICLES = {
    "persie.txt": "Van Persie signs for Lunmark\n\n"
                  "Van Persie said on Monday that he would join Lunmark Rovers. Robin van Persie scored twice "
                  "for the Dutch side last season.\n\n"
                  "\"I am happy,\" van Persie said. Nigerian officials and Nigerien officials met in Abuja and Niamey.\n",
    "traders.txt": "Nigerian traders protest\n\n"
                   "Nigerian traders in Kestova said prices had doubled. Nigeriens living in the city joined them.\n\n"
                   "\"We cannot pay,\" said Ade Okafor, a Nigerian trader. The Nigerian embassy declined to comment.\n",
}
# Run in a fresh interpreter: every frame of tag(), plus the corpus-wide tables, pickled.
WORKER = """
import pickle, sys, warnings
import newskit
warnings.simplefilter("ignore")
corpus = newskit.tag(newskit.read_articles(sys.argv[1]), cache=None, progress=False)
frames = dict(corpus.frames())
frames["entity_counts"] = newskit.entity_counts(corpus, demonyms_as_countries=True)
frames["entity_table"] = newskit.entity_table(corpus, demonyms_as_countries=True)
with open(sys.argv[2], "wb") as fh:
    pickle.dump(frames, fh)
"""


def _tag_with_seed(source: Path, out: Path, seed: str) -> dict[str, pd.DataFrame]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", WORKER, str(source), str(out)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    with open(out, "rb") as fh:
        return pickle.load(fh)


def test_tagging_gives_the_same_frames_whatever_the_hash_seed(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    for name, text in ARTICLES.items():
        (source / name).write_text(text)
    with ThreadPoolExecutor(len(SEEDS)) as pool:
        runs = list(pool.map(lambda seed: _tag_with_seed(source, tmp_path / f"seed{seed}.pkl", seed), SEEDS))
    first, *others = runs
    for other in others:
        assert first.keys() == other.keys()
        for name in first:
            pd.testing.assert_frame_equal(first[name], other[name], obj=name)
    mentions = dict(zip(first["entity_counts"]["name"], first["entity_counts"]["mentions"]))
    assert mentions["Nigeria"] == 5 and mentions["Niger"] == 1  # five "Nigerian", one "Nigerien"
    people = set(first["entities"].loc[first["entities"]["label"] == "PERSON", "entity"])
    # "Van Persie" opening a sentence and "van Persie" inside one are Robin van Persie's surname:
    # one person, under his full name, never a second name for either spelling
    assert "Robin van Persie" in people and "Van Persie" not in people and "van Persie" not in people


def test_a_demonym_names_the_country_it_is_derived_from():
    # Niger + "ian" and Nigeria + "n" both make "Nigerian": the form that keeps more of the name wins
    assert gazetteer.country_of("Nigerian") == "Nigeria" and gazetteer.country_of("Nigerians") == "Nigeria"
    assert gazetteer.country_of("Nigerien") == "Niger" and gazetteer.country_of("Nigeriens") == "Niger"
    assert gazetteer.country_of("Russian") == "Russia" and gazetteer.country_of("French") == "France"
