"""The explorer's panels as static HTML and PNG: tables of quotes, events and co-occurring entities,
and the mentions chart. All text from the articles is escaped."""
from __future__ import annotations

import base64
import html
import io

import pandas as pd
from matplotlib.figure import Figure

PANEL_STYLE = """
<style>
.nk-panel table { border-collapse: collapse; font-size: 0.8em; width: 100%; line-height: 1.3; }
.nk-panel th { text-align: left; border-bottom: 1px solid #999; padding: 1px 5px; }
.nk-panel td { vertical-align: top; border-bottom: 1px solid #e0e0e0; padding: 1px 5px; line-height: 1.3; }
.nk-panel td:first-child { white-space: nowrap; }
.nk-explorer .widget-select select { font-size: 0.85em; }
.nk-panel .nk-note { color: #666; font-size: 0.8em; }
.nk-panel h4 { margin: 0.4em 0 0.2em 0; }
</style>
"""


# Panels up to this many rows carry their whole table as a CSV download link.
MAX_DOWNLOAD_ROWS = 5_000


def panel_html(title: str, frame: pd.DataFrame, css: str, *, max_rows: int = 50, max_chars: int = 160,
               empty: str = "nothing under these filters") -> str:
    """A titled HTML table of `frame` (first max_rows rows, long cells cut), escaped, with a link
    that downloads the whole table as CSV."""
    shown = frame.head(max_rows).copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d").fillna("")
        else:
            shown[column] = shown[column].map(lambda v: _cell(v, max_chars))
    note = f"{len(frame):,} row{'' if len(frame) == 1 else 's'}"
    if len(frame) > max_rows:
        note += f", first {max_rows:,} shown"
    body = (shown.to_html(index=False, escape=True, border=0, na_rep="") if len(frame)
            else f'<p class="nk-note">{html.escape(empty)}</p>')
    return (f'<div class="nk-panel {html.escape(css, quote=True)}" data-rows="{len(frame)}">'
            f"<h4>{html.escape(title)} <span class=\"nk-note\">({note}){_download(frame, css)}</span></h4>{body}</div>")


def _download(frame: pd.DataFrame, name: str) -> str:
    """A link that saves the whole panel table as CSV (a data: URI, nothing fetched)."""
    if frame.empty:
        return ""
    if len(frame) > MAX_DOWNLOAD_ROWS:
        return " · too many rows to download here: use the explorer's *_frame attributes"
    data = base64.b64encode(frame.to_csv(index=False).encode("utf-8")).decode("ascii")
    return (f' · <a class="nk-download" download="{html.escape(name, quote=True)}.csv" '
            f'href="data:text/csv;charset=utf-8;base64,{data}">download CSV</a>')


def _cell(value, max_chars: int) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def mentions_chart(over_time: pd.DataFrame, per_article: pd.DataFrame, name: str, *, top: int = 8,
                   width: float = 9.0, height: float = 2.4, dpi: int = 80) -> bytes:
    """PNG: mentions per period of publication (left) and in the entity's top articles (right)."""
    # fixed axes rectangles: a layout engine would cost more than all the data work of an update
    figure = Figure(figsize=(width, height), dpi=dpi)
    when = figure.add_axes((0.05, 0.14, 0.45, 0.74))
    where = figure.add_axes((0.77, 0.14, 0.21, 0.74))
    if over_time.empty:
        empty = "no mentions under these filters" if per_article.empty else "no publication dates"
        when.text(0.5, 0.5, empty, ha="center", va="center", transform=when.transAxes)
        when.set_xticks([])
    else:
        labels = [d.strftime("%Y-%m-%d") for d in over_time["period"]]
        if len(labels) > 30:  # one artist for all bars: a Rectangle each costs milliseconds to draw
            when.stairs(over_time["mentions"], [x - 0.5 for x in range(len(labels) + 1)], fill=True, color="#ef6c00")
        else:
            when.bar(range(len(labels)), over_time["mentions"], color="#ef6c00")
        step = max(1, len(labels) // 6)
        when.set_xticks(range(0, len(labels), step), labels[::step], fontsize=8)
        when.set_xlim(-0.6, max(len(labels), 8) - 0.4)  # a few bars stay bars, not blocks
    when.set_title(f"Mentions of {name} over time", fontsize=9)
    when.tick_params(axis="y", labelsize=8)
    top_articles = per_article.head(top).iloc[::-1]
    names = [_article_label(row) for row in top_articles.itertuples(index=False)]
    where.barh(range(len(names)), top_articles["mentions"], color="#6a1b9a")
    where.set_yticks(range(len(names)), names, fontsize=7)
    where.set_ylim(min(len(names), top) - top - 0.5, len(names) - 0.5)
    where.set_title("Mentions per article (most first)", fontsize=9)
    where.tick_params(axis="x", labelsize=8)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _article_label(row) -> str:
    title = row.title if isinstance(row.title, str) and row.title else row.article_id
    title = title if len(title) <= 28 else title[:27].rstrip() + "…"
    return f"{row.published:%Y-%m-%d} {title}" if pd.notna(row.published) else title


def article_option(row) -> str:
    """The article list's line: date · source · title (mentions, quotes)."""
    parts = [f"{row.published:%Y-%m-%d}" if pd.notna(row.published) else "undated"]
    if isinstance(row.source, str) and row.source:
        parts.append(row.source)
    title = row.title if isinstance(row.title, str) and row.title else row.article_id
    parts.append(title if len(title) <= 70 else title[:69].rstrip() + "…")
    return " · ".join(parts) + f"  ({row.mentions} mentions, {row.quotes} quotes)"
