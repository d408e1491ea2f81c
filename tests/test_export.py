"""corpus.export: the frames as CSV, parquet or one Excel workbook."""
from __future__ import annotations

import pandas as pd
import pytest

import newskit


def test_export_csv_parquet_and_excel_round_trip(seed_corpus, tmp_path):
    files = seed_corpus.export(tmp_path / "csv")
    assert sorted(p.name for p in files) == sorted(f"{n}.csv" for n in seed_corpus.frames())
    entities = pd.read_csv(tmp_path / "csv" / "entities.csv", encoding="utf-8-sig")
    assert len(entities) == len(seed_corpus.entities) and "entity_id" in entities.columns
    articles = pd.read_csv(tmp_path / "csv" / "articles.csv", encoding="utf-8-sig")
    assert articles["text"].tolist() == seed_corpus.articles["text"].tolist()
    (parquet,) = seed_corpus.export(tmp_path / "pq", format="parquet", frames=["quotes"])
    assert len(pd.read_parquet(parquet)) == len(seed_corpus.quotes)
    (book,) = seed_corpus.export(tmp_path / "xl", format="xlsx", frames=["articles", "entities", "timexes"])
    sheets = pd.read_excel(book, sheet_name=None)
    assert set(sheets) == {"articles", "entities", "timexes"} and len(sheets["entities"]) == len(seed_corpus.entities)


def test_export_says_what_is_wrong(seed_corpus, tmp_path):
    with pytest.raises(ValueError, match="format="):
        seed_corpus.export(tmp_path, format="docx")
    with pytest.raises(ValueError, match="no frame named 'people'"):
        seed_corpus.export(tmp_path, frames=["people"])
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError, match="is a file"):
        seed_corpus.export(tmp_path / "file")


def test_excel_cuts_overlong_cells_with_a_warning(seed_corpus, tmp_path):
    long = seed_corpus.with_frames(articles=seed_corpus.articles.assign(text="x" * 40_000))
    with pytest.warns(UserWarning, match="1 cell"):
        (book,) = long.export(tmp_path, format="xlsx", frames=["articles"])
    assert len(pd.read_excel(book)["text"].iloc[0]) == 32_767
    assert isinstance(newskit.Corpus, type)


def test_cli_export_writes_the_frames_and_says_what_is_wrong_in_one_line(seed_corpus, tmp_path, capsys):
    from newskit.cli import main

    seed_corpus.save(tmp_path / "saved")
    assert main(["export", str(tmp_path / "saved"), str(tmp_path / "out"), "--frames", "entities, quotes"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["entities.csv", "quotes.csv"]
    assert main(["export", str(tmp_path / "saved"), str(tmp_path / "out"), "--frames", "people"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no frame named 'people'" in error
