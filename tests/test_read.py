"""read_articles: sources, structure, publication dates, decoding and the rejects report."""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.read.articles import ARTICLE_COLUMNS

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = FIXTURES / "corpus"
SEED = ROOT / "seeds"


def read_quietly(source, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return newskit.read_articles(source, **kwargs)


def paragraphs_of(article: pd.Series) -> list[tuple[str, str]]:
    return list(zip(article["layout"].split(), article["text"].split("\n\n")))


# --- the seed -----------------------------------------------------------------------------------


def test_seed_acceptance():
    articles = newskit.read_articles(SEED)
    assert len(articles) == 1 and newskit.rejects(articles).empty
    seed = articles.iloc[0]
    assert seed["title"] == ("Russian defense ministry is optimistic about reaction to humanitarian "
                             "operation in Aleppo")
    assert seed["subtitle"] == "Humanitarian corridors can be opened from and into Aleppo, says the ministry"
    assert seed["place"] == "MOSCOW" and seed["source"] == "TASS"
    assert seed["published"] == pd.Timestamp("2016-07-29") and seed["published_from"] == "manifest"
    assert "All news" not in seed["text"]
    assert seed["path"] == str(Path(SEED.as_posix()) / "000_ceacafeb2e35199a.txt") or seed["path"].endswith(
        "seeds/000_ceacafeb2e35199a.txt")
    kinds = [kind for kind, _ in paragraphs_of(seed)]
    assert kinds.count("subheading") == 1
    assert dict((text, kind) for kind, text in paragraphs_of(seed))[
        "Humanitarian corridors can be opened from and into Aleppo"] == "subheading"
    assert seed["text"][seed["dateline_start"]:seed["dateline_end"]] == seed["dateline"]
    assert seed["dateline"].startswith("MOSCOW, July 29")


def test_columns_and_dtypes():
    articles = read_quietly(CORPUS)
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert str(articles["published"].dtype).startswith("datetime64")
    assert articles["article_id"].is_unique
    # text columns are str even where no article has a value (no seed has a url), so corpora concatenate
    # and survive a parquet round trip with the same dtypes
    seed = read_quietly(SEED)
    assert articles["url"].notna().any() and seed["url"].isna().all()
    for frame in (articles, seed):
        for column in ("article_id", "title", "region", "url", "published_issue", "text"):
            assert frame[column].dtype == "str", column


def test_article_ids_are_stable_and_content_derived(tmp_path):
    first = read_quietly(SEED)["article_id"].iloc[0]
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes((SEED / "000_ceacafeb2e35199a.txt").read_bytes())
    assert read_quietly(copy)["article_id"].iloc[0] == first


# --- structure ----------------------------------------------------------------------------------


def test_tass_style_structure():
    articles = read_quietly(CORPUS / "tass_style.txt")
    article = articles.iloc[0]
    assert article["title"].startswith("Valdonian transport ministry")
    assert article["subtitle"] == "New crossings can open from and into Port Mirren, says the ministry"
    assert article["place"] == "KESTOVA" and article["source"] == "TASS"
    assert article["published"] == pd.Timestamp("2023-03-03")  # from manifest.csv beside it
    kinds = dict((text, kind) for kind, text in paragraphs_of(article))
    assert kinds["Ferries can run from and into Port Mirren"] == "subheading"
    assert "All news" not in article["text"]


def test_no_dateline_article_reads_as_well():
    article = read_quietly(CORPUS / "bbc_style.txt").iloc[0]
    assert article["title"] == "Harbour firm lifts profits at Brindle Bay"
    assert pd.isna(article["subtitle"]) and pd.isna(article["dateline"])
    assert [kind for kind, _ in paragraphs_of(article)] == ["title", "body", "body", "body"]


def test_text_is_title_subtitle_and_paragraphs_joined_by_blank_lines():
    article = read_quietly(CORPUS / "tass_style.txt").iloc[0]
    pieces = article["text"].split("\n\n")
    assert pieces[0] == article["title"] and pieces[1] == article["subtitle"]
    assert all(piece == piece.strip() and piece for piece in pieces)


def test_paragraphs_without_blank_lines_split_per_line(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_text("A headline about Kestova\nFirst paragraph says something.\nSecond paragraph too.\n")
    article = read_quietly(path).iloc[0]
    assert article["layout"] == "title body body"


# --- sources ------------------------------------------------------------------------------------


def test_folder_is_read_recursively_with_nested_manifest():
    articles = read_quietly(CORPUS)
    nested = articles[articles["path"].str.endswith("nested.txt")].iloc[0]
    assert nested["published"] == pd.Timestamp("2019-12-24") and nested["published_from"] == "manifest"
    assert nested["source"] == "Merrow Post" and nested["url"] == "https://example.org/nested"


def test_manifest_row_for_a_missing_file_is_reported():
    rejects = newskit.rejects(read_quietly(CORPUS))
    assert rejects["path"].str.contains("missing.txt").any()


def test_glob_and_list_sources():
    by_glob = read_quietly(str(CORPUS / "*.txt"))
    assert sorted(Path(p).name for p in by_glob["path"]) == ["bbc_style.txt", "tass_style.txt"]
    by_list = read_quietly([CORPUS / "bbc_style.txt", SEED])
    assert len(by_list) == 2


def test_missing_source_raises_with_the_path():
    with pytest.raises(FileNotFoundError, match="nowhere"):
        newskit.read_articles("nowhere/at/all")


def test_jsonl_records_ids_and_bad_lines():
    articles = read_quietly(CORPUS / "articles.jsonl")
    assert list(articles["article_id"]) == ["jl-001", "jl-002"]
    first = articles.iloc[0]
    assert first["title"] == "Lunmark council backs new library"
    assert first["published"] == pd.Timestamp("2021-05-04") and first["published_from"] == "metadata"
    assert first["source"] == "Lunmark Herald"
    second = articles.iloc[1]
    assert second["title"] == "Storm closes Kestova airport" and second["place"] == "KESTOVA"
    reasons = dict(newskit.rejects(articles).itertuples(index=False))
    assert "malformed JSON line" in reasons[f"{CORPUS / 'articles.jsonl'}:3"]
    assert "no 'text' field" in reasons[f"{CORPUS / 'articles.jsonl'}:4"]
    assert "empty 'text'" in reasons[f"{CORPUS / 'articles.jsonl'}:6"]


def test_csv_with_text_column_and_without():
    articles = read_quietly(CORPUS / "articles.csv")
    assert list(articles["article_id"]) == ["csv-1", "csv-2"]
    assert articles.iloc[0]["title"] == "Brindle Bay opens new pier"
    assert articles.iloc[1]["title"] == "Ferry fares to rise"  # detected from the text
    rejects = newskit.rejects(read_quietly(CORPUS / "no_text_column.csv"))
    assert len(rejects) == 1 and "no 'text' column (columns: id, headline, body)" in rejects["reason"].iloc[0]


def test_html_page_main_text_and_metadata():
    article = read_quietly(CORPUS / "page.html").iloc[0]
    assert article["title"] == "Lunmark opens tram line"
    assert article["published"] == pd.Timestamp("2022-09-01") and article["published_from"] == "metadata"
    assert "trackingPixel" not in article["text"] and "Subscribe" not in article["text"]
    assert "Mayor Pieter Vance" in article["text"]
    assert article["place"] == "LUNMARK"


def test_html_with_only_scripts_is_rejected(tmp_path):
    (tmp_path / "scripts.html").write_text("<html><head><script>var a = 1;</script></head>"
                                           "<body><script>alert(1)</script></body></html>")
    rejects = newskit.rejects(read_quietly(tmp_path))
    assert len(rejects) == 1 and "no article text" in rejects["reason"].iloc[0]


# --- publication dates --------------------------------------------------------------------------


def test_dateline_with_year_dates_the_article(tmp_path):
    (tmp_path / "conll.txt").write_text("KESTOVA WINS CUP\n\nKESTOVA 1996-08-30\n\nKestova won the cup on Friday.\n")
    article = read_quietly(tmp_path).iloc[0]
    assert article["published"] == pd.Timestamp("1996-08-30") and article["published_from"] == "dateline"


def test_yearless_dateline_needs_year_and_never_invents_one(tmp_path):
    (tmp_path / "a.txt").write_text("Ferry link opens\n\nKESTOVA, July 29 /TASS/. The ferry link opened on Friday.\n")
    with pytest.warns(UserWarning, match="no publication date for 1 article"):
        undated = newskit.read_articles(tmp_path)
    assert pd.isna(undated.iloc[0]["published"]) and pd.isna(undated.iloc[0]["published_from"])
    dated = read_quietly(tmp_path, year=2016).iloc[0]
    assert dated["published"] == pd.Timestamp("2016-07-29") and dated["published_from"] == "inferred"


# --- decoding -----------------------------------------------------------------------------------


def test_cp1252_latin1_utf16_and_mojibake(tmp_path):
    body = "Café owner José Núñez said the “best” coffee costs €3."
    (tmp_path / "cp1252.txt").write_bytes(f"Coffee prices\n\n{body}\n".encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(f"Coffee prices again\n\n{body}\n".encode("utf-16"))
    # UTF-8 read as cp1252 and saved again as UTF-8 ("CafÃ©"); ftfy repairs it
    mojibake = "Café owner José Núñez said the ‘best’ coffee costs €3."
    (tmp_path / "mojibake.txt").write_bytes(f"Coffee prices thrice\n\n{mojibake}\n".encode("utf-8").decode("cp1252").encode("utf-8"))
    articles = read_quietly(tmp_path).set_index("title")
    assert newskit.rejects(articles).empty
    assert body in articles.loc["Coffee prices", "text"]
    assert articles.loc["Coffee prices", "encoding"] in ("cp1252", "windows-1252", "cp1250", "latin-1")
    assert body in articles.loc["Coffee prices again", "text"]
    assert mojibake in articles.loc["Coffee prices thrice", "text"]


def test_stray_high_byte_in_english_copy_is_cp1252(tmp_path):
    (tmp_path / "pound.txt").write_bytes(b"Club sacks striker\n\nThe striker, a \xa315.8m signing from Parma, was sacked.\n")
    assert "a £15.8m signing" in read_quietly(tmp_path).iloc[0]["text"]


def test_cyrillic_cp1251_is_detected(tmp_path):
    body = "Министр обороны заявил в пятницу, что гуманитарная операция начнётся в ближайшие дни."
    (tmp_path / "ru.txt").write_bytes(f"Заголовок новости\n\n{body}\n".encode("cp1251"))
    assert body in read_quietly(tmp_path).iloc[0]["text"]


def test_control_characters_are_dropped_and_curly_quotes_kept(tmp_path):
    (tmp_path / "ctl.txt").write_bytes("Wire\x07 story\n\nKESTOVA (dpa) - \x1fThe \x0b“port” opened.\x7f\x1b\n".encode())
    article = read_quietly(tmp_path).iloc[0]
    assert article["text"] == "Wire story\n\nKESTOVA (dpa) - The “port” opened."
    assert article["source"] == "dpa"


def test_crlf_line_ends(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(b"Title here\r\n\r\nFirst paragraph.\r\n\r\nSecond one.\r\n")
    assert read_quietly(tmp_path).iloc[0]["text"] == "Title here\n\nFirst paragraph.\n\nSecond one."


# --- bad input ----------------------------------------------------------------------------------


def _bad_inputs(folder: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n \t \n")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "nul.txt").write_bytes(b"\x00\x01\x02" * 2000)
    (folder / "big.txt").write_bytes(b"word " * 300_000)
    (folder / "feed.xml").write_text("<rss><channel><item>not newsml</item></channel></rss>")
    (folder / "good.txt").write_text("A good one\n\nIt reads fine.\n")


def test_every_bad_input_is_listed_with_a_reason(tmp_path):
    _bad_inputs(tmp_path)
    with pytest.warns(UserWarning, match="7 input\\(s\\) could not be read"):
        articles = newskit.read_articles(tmp_path, max_bytes=1_000_000)
    assert list(articles["title"]) == ["A good one"]
    reasons = {Path(p).name: r for p, r in newskit.rejects(articles).itertuples(index=False)}
    assert set(reasons) == {"empty.txt", "blank.txt", "image.png", "picture.txt", "nul.txt", "big.txt", "feed.xml"}
    assert reasons["empty.txt"] == "empty file"
    assert "unsupported file type '.png'" in reasons["image.png"]
    assert "PNG image" in reasons["picture.txt"]
    assert "binary" in reasons["nul.txt"]
    assert "over the 1 MB limit" in reasons["big.txt"]
    assert "not NewsML" in reasons["feed.xml"]


def test_errors_raise_names_the_file(tmp_path):
    _bad_inputs(tmp_path)
    with pytest.raises(newskit.NewskitInputError, match="big.txt: file is"):
        newskit.read_articles(tmp_path / "big.txt", errors="raise", max_bytes=1_000_000)


def test_duplicates_are_reported_not_dropped_silently(tmp_path):
    (tmp_path / "a.txt").write_text("Same story\n\nSame words.\n")
    (tmp_path / "b.txt").write_text("Same story\n\nSame words.\n")
    articles = read_quietly(tmp_path)
    assert len(articles) == 1
    assert "duplicate of" in newskit.rejects(articles)["reason"].iloc[0]


def test_hidden_files_are_listed(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "a.txt").write_text("Story\n\nWords.\n")
    rejects = newskit.rejects(read_quietly(tmp_path))
    assert "hidden" in rejects["reason"].iloc[0]


def test_jsonl_over_the_record_limit(tmp_path):
    (tmp_path / "big.jsonl").write_text(json.dumps({"text": "x " * 5000}) + "\n")
    rejects = newskit.rejects(read_quietly(tmp_path, max_bytes=1000))
    assert "over the limit" in rejects["reason"].iloc[0]


def test_corpus_readme_is_listed_not_read(tmp_path):
    (tmp_path / "README.TXT").write_text("This corpus holds 3 folders of articles.\n")
    (tmp_path / "a.txt").write_text("Story\n\nWords.\n")
    articles = read_quietly(tmp_path)
    assert list(articles["title"]) == ["Story"]
    assert "corpus documentation" in newskit.rejects(articles)["reason"].iloc[0]
    assert len(read_quietly(tmp_path / "README.TXT")) == 1  # named directly, it is read


# --- word lists ---------------------------------------------------------------------------------


def test_reader_word_lists_load_whatever_was_imported_first():
    # A pipeline run imports the extract/ rules before the reader: their word lists and the
    # reader's share one loader, whichever comes first.
    code = "import newskit.extract.quotes.cues, newskit.read.articles as a; print(len(a._KINDS))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


def test_corpus_documents_come_from_the_lexicon(tmp_path):
    from newskit.extract import lexicon

    for name in lexicon.entries("read/corpus_docs"):
        (tmp_path / f"{name.upper()}.md").write_text("About this corpus.\n")
    (tmp_path / "readme_first.txt").write_text("Story\n\nWords.\n")  # only whole names count
    articles = read_quietly(tmp_path)
    assert list(articles["title"]) == ["Story"]
    assert len(newskit.rejects(articles)) == len(lexicon.entries("read/corpus_docs"))
