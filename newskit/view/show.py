"""Corpus.show(): one article as HTML, entities, quotes and dates highlighted, all article text escaped."""
from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

_STYLE = """
<style>
.newskit-article { font-family: Georgia, serif; max-width: 48em; line-height: 1.5; }
.newskit-article .nk-meta { font-family: sans-serif; font-size: 0.85em; color: #555; }
.newskit-article .ent { border-radius: 3px; padding: 0 2px; }
.newskit-article .ent-PERSON { background: #ffe0b2; }
.newskit-article .ent-ORG { background: #c8e6c9; }
.newskit-article .ent-GPE, .newskit-article .ent-LOC, .newskit-article .ent-FAC { background: #bbdefb; }
.newskit-article .ent-NORP { background: #e1bee7; }
.newskit-article .ent-DATE, .newskit-article .ent-TIME { background: #f0f4c3; }
.newskit-article .ent-other { background: #eeeeee; }
.newskit-article .quote { border-bottom: 2px solid #ef6c00; }
.newskit-article .speaker { border-bottom: 2px dotted #6a1b9a; font-weight: bold; }
.newskit-article .timex { outline: 1px dashed #827717; }
.newskit-article .nk-dateline { font-variant: small-caps; }
.newskit-article .hl { background: #ffd54f; outline: 2px solid #e65100; font-weight: bold; }
.newskit-article .hl-quote { background: #fff3e0; }
</style>
"""
_KNOWN_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}
_TAGS = {"title": "h2", "subtitle": "h3", "subheading": "h4"}


class ArticleView:
    """HTML of one article; displays itself in Jupyter and can be saved to a file."""

    def __init__(self, html_text: str, article_id: str) -> None:
        self.html = html_text
        self.article_id = article_id

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<newskit ArticleView of {self.article_id}>"

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(f"<!doctype html><meta charset='utf-8'><title>{html.escape(self.article_id)}</title>"
                        f"{self.html}\n", encoding="utf-8")
        return path


def _layers(corpus, article_id: str, highlight: frozenset[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    """(start, end, css classes, hover text) for every highlighted span of the article; mentions of
    the `highlight` names get the class "hl", their quotes "hl-quote"."""
    spans: list[tuple[int, int, str, str]] = []
    for row in _rows(corpus.entities, article_id):
        label = str(row["label"])
        css = f"ent ent-{label if label in _KNOWN_LABELS else 'other'}" + (" hl" if row["entity"] in highlight else "")
        spans.append((row["start"], row["end"], css, f"{label}: {row['entity']}"))
    for row in _rows(corpus.quotes, article_id):
        who = row.get("speaker") if isinstance(row.get("speaker"), str) else row.get("speaker_text")
        chosen = isinstance(row.get("speaker"), str) and row["speaker"] in highlight
        spans.append((row["start"], row["end"], "quote hl-quote" if chosen else "quote",
                      f"{row['kind']} quote, {who or 'unknown speaker'}"))
        if pd.notna(row.get("speaker_start")) and pd.notna(row.get("speaker_end")):  # the speaker mention too
            spans.append((int(row["speaker_start"]), int(row["speaker_end"]), "speaker hl" if chosen else "speaker",
                          f"speaker: {who or row['speaker_text']}"))
    for row in _rows(corpus.timexes, article_id):
        spans.append((row["start"], row["end"], "timex", f"{row['type']} {row['value']}"))
    return spans


def _rows(frame: pd.DataFrame, article_id: str) -> list[dict]:
    if frame is None or frame.empty:
        return []
    return frame[frame["article_id"] == article_id].to_dict("records")


def _render_paragraph(text: str, start: int, spans: list[tuple[int, int, str, str]]) -> str:
    """Split the paragraph at every span boundary; each piece carries the classes covering it."""
    end = start + len(text)
    inside = [s for s in spans if s[0] < end and s[1] > start]
    cuts = sorted({start, end, *(max(s[0], start) for s in inside), *(min(s[1], end) for s in inside)})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        piece = html.escape(text[left - start:right - start])
        covering = [s for s in inside if s[0] <= left and s[1] >= right]
        if covering:
            classes = " ".join(dict.fromkeys(c for s in covering for c in s[2].split()))
            hover = html.escape(" | ".join(s[3] for s in covering), quote=True)
            out.append(f'<span class="{classes}" title="{hover}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def render_article(corpus, article_id: str, highlight: str | Iterable[str] | None = None) -> ArticleView:
    """The article's HTML view; `highlight` (a canonical name, or several: an entity's names in
    corpus.entities.entity) marks that entity's mentions and the quotes it is the speaker of."""
    matches = corpus.articles[corpus.articles["article_id"] == article_id]
    if matches.empty:
        raise KeyError(f"no article with article_id {article_id!r} in this corpus")
    article = matches.iloc[0]
    names = frozenset([highlight] if isinstance(highlight, str) else highlight or ())
    spans = _layers(corpus, article_id, names)
    meta = " · ".join(
        html.escape(str(value))
        for value in (article.get("source"), article.get("place"),
                      None if pd.isna(article.get("published")) else str(article["published"])[:10],
                      article.get("path"))
        if isinstance(value, str) and value
    )
    parts = [_STYLE, f'<div class="newskit-article" data-article-id="{html.escape(article_id, quote=True)}">',
             f'<div class="nk-meta">{meta}</div>']
    for row in _rows(corpus.paragraphs, article_id):
        tag = _TAGS.get(str(row["kind"]), "p")
        css = f"nk-{row['kind']}"
        parts.append(f'<{tag} class="{css}">{_render_paragraph(row["text"], row["start"], spans)}</{tag}>')
    parts.append("</div>")
    return ArticleView("\n".join(parts), article_id)
