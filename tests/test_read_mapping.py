"""Records whose fields are named otherwise (field mapping, paragraphs as a list) and gzip'd inputs."""
from __future__ import annotations

import gzip
import json

import pandas as pd
import pytest

import newskit

from .conftest import read_quietly

RECORD = {"uid": "r-1", "headline": "Bridge opens in Ostrava",
          "body-paragraphs": ["The new bridge opened on Monday.", "Mayor Anna Weiss cut the ribbon."],
          "date": "2026-03-02"}


def test_a_field_mapping_reads_an_export_with_other_field_names(tmp_path):
    (tmp_path / "export.jsonl").write_text(json.dumps(RECORD) + "\n")
    unmapped = read_quietly(tmp_path / "export.jsonl")
    assert unmapped.empty and "fields={'text'" in newskit.rejects(unmapped)["reason"].iloc[0]
    articles = read_quietly(tmp_path / "export.jsonl",
                            fields={"text": "body-paragraphs", "title": "headline", "id": "uid", "published": "date"})
    row = articles.iloc[0]
    assert row["article_id"] == "r-1" and row["title"] == "Bridge opens in Ostrava"
    assert row["published"] == pd.Timestamp("2026-03-02")
    assert "The new bridge opened on Monday.\n\nMayor Anna Weiss cut the ribbon." in row["text"]


def test_a_csv_text_column_can_be_named(tmp_path):
    (tmp_path / "export.csv").write_text("story,when\nThe ferry sank near Ostrava on Monday.,2026-03-02\n")
    articles = read_quietly(tmp_path / "export.csv", fields={"text": "story", "published": "when"})
    assert len(articles) == 1 and "ferry" in articles["text"].iloc[0]
    with pytest.raises(ValueError, match="not color"):
        newskit.read_articles(tmp_path / "export.csv", fields={"color": "x"})


def test_gzipped_inputs_of_each_format_are_read(tmp_path):
    payloads = {
        "feed.jsonl.gz": json.dumps({"text": "The ferry sank near Ostrava on Monday."}) + "\n",
        "page.html.gz": "<html><body><article><h1>Ferry sinks</h1><p>The ferry sank near Ostrava on "
                        "Monday, officials said, and all forty passengers were rescued.</p></article></body></html>",
        "story.txt.gz": "Ferry sinks\n\nThe ferry sank near Ostrava on Tuesday.\n",
        "rows.csv.gz": "text\nThe ferry sank near Ostrava on Wednesday.\n",
    }
    for name, text in payloads.items():
        (tmp_path / name).write_bytes(gzip.compress(text.encode()))
    (tmp_path / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08not gzip at all")
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 3_000_000))
    articles = read_quietly(tmp_path, max_bytes=1_000_000)
    assert sorted(p.rsplit("/", 1)[-1].split(":")[0] for p in articles["path"]) == sorted(payloads)
    rejects = newskit.rejects(articles).set_index("path")
    reasons = {p.rsplit("/", 1)[-1]: r for p, r in rejects["reason"].items()}
    assert "gzip" in reasons["broken.txt.gz"] and "uncompressed" in reasons["bomb.txt.gz"]


def test_cli_reads_with_a_field_mapping(tmp_path, capsys):
    from newskit.cli import main

    (tmp_path / "export.jsonl").write_text(json.dumps(RECORD) + "\n")
    assert main(["read", str(tmp_path / "export.jsonl"), "--field", "text=body-paragraphs", "--field", "published=date"]) == 0
    assert "loaded 1 articles" in capsys.readouterr().out
    assert main(["read", str(tmp_path / "export.jsonl"), "--field", "text"]) == 2
