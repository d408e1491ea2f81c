"""newskit.readable_tables(): blanks for missing values and text left-aligned in every table a notebook
shows; display only (the frames and pandas' own HTML otherwise unchanged)."""
from __future__ import annotations

import re
import types

import numpy as np
import pandas as pd

import newskit
from newskit.view.table import InteractiveTable, frame_html

LEFT = ' style="text-align: left;"'


def cells(html_text: str, tag: str = "td") -> list[str]:
    return re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", html_text.partition("<tbody>")[2], re.S)


def frame_with_gaps() -> pd.DataFrame:
    return pd.DataFrame({
        "quote": ['"We <b>will</b> open corridors"', None], "said_on": pd.to_datetime(["2016-07-28", None]),
        "share": [0.5, np.nan], "speaker": pd.array(["Shoigu", None], dtype="string"),
        "kind": pd.Categorical(["direct", None]), "paragraph": pd.array([3, None], dtype="Int64"),
        "aliases": [["Shoigu"], None]})


def test_missing_values_are_blank_cells_and_text_is_left_aligned():
    frame = frame_with_gaps()
    before = frame.copy()
    html_text = frame_html(frame)
    second_row = cells(html_text)[len(frame.columns):]
    assert second_row == [""] * len(frame.columns)
    assert not re.search(r"\b(NaN|NaT|None)\b|&lt;NA&gt;", html_text)
    pd.testing.assert_frame_equal(frame, before)  # display only
    assert "&lt;b&gt;will&lt;/b&gt;" in html_text and "<b>will" not in html_text  # still escaped
    left = [LEFT in cell for cell in re.findall(r"<td[^>]*>", html_text)[:len(frame.columns)]]
    assert left == [True, False, False, True, True, False, True]  # quote, speaker, kind, aliases
    header = re.findall(r"<th(?=[ >])[^>]*>", html_text.partition("<tbody>")[0])[1:]
    assert [LEFT in cell for cell in header] == left


def test_otherwise_it_is_pandas_own_table():
    with pd.option_context("display.max_columns", 20, "display.max_rows", 60):
        for frame in (pd.DataFrame({"n": range(5), "x": np.arange(5) / 3}), pd.DataFrame({"n": range(1000)}),
                      pd.DataFrame({f"c{i}": ["text"] * 70 for i in range(30)}),
                      pd.DataFrame({"k": ["a", "b"]}, index=pd.MultiIndex.from_tuples([("x", 1), ("x", 2)]))):
            assert frame_html(frame).replace(LEFT, "") == frame._repr_html_()
        long = pd.DataFrame({"text": [None if i % 2 else f"line {i}" for i in range(100_000)]})
        html_text = frame_html(long)
        assert "<p>100000 rows × 1 columns</p>" in html_text and len(cells(html_text)) == 11  # 5, ..., 5
        wide = frame_html(pd.DataFrame({f"c{i}": [i if i % 2 else "text"] for i in range(30)}))
        row = re.findall(r"<td[^>]*>", wide)
        assert len(row) == 21 and [LEFT in cell for cell in row] == [True, False] * 5 + [False] + [True, False] * 5


def test_a_text_index_and_a_series():
    series = pd.Series(["Aleppo", None], index=["place", "subtitle"], name=0)
    html_text = frame_html(series)
    assert cells(html_text) == ["Aleppo", ""] and cells(html_text, "th") == ["place", "subtitle"]
    assert html_text.partition("<tbody>")[2].count(LEFT) == 4


def test_readable_tables_shows_every_frame_and_series_so():
    from IPython.core.formatters import DisplayFormatter

    shell = types.SimpleNamespace(display_formatter=DisplayFormatter())
    frame = frame_with_gaps()
    assert "NaT" in shell.display_formatter.format(frame)[0]["text/html"]
    newskit.readable_tables(shell)
    shown, _ = shell.display_formatter.format(frame)
    assert "NaT" not in shown["text/html"] and "NaT" in shown["text/plain"]  # the plain text is pandas'
    assert "None" not in shell.display_formatter.format(frame["quote"])[0]["text/html"]
    newskit.readable_tables()  # outside IPython: nothing to do


def test_interactive_tables_show_blanks():
    html_text = InteractiveTable(frame_with_gaps()).to_html()
    assert not re.search(r"\b(NaN|NaT|None)\b|&lt;NA&gt;|<NA>", html_text)
    assert "2016-07-28" in html_text
