"""The notebooks' charts stay readable whatever the corpus size (newskit/view/charts.py)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from newskit.view.charts import MAX_HEIGHT_PX, counts_per_period, events_chart, over_time, period_for, top_bars  # noqa: E402


def _line(n: int, start="2011-01-03", days=2000) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    dates = pd.Timestamp(start) + pd.to_timedelta(np.sort(rng.integers(0, days, n)), unit="D")
    return pd.DataFrame({"date": dates, "precision": "day", "article_id": [f"a{i}" for i in range(n)],
                         "sentence": 0, "what": ["Somebody did something rather long " * 3] * n,
                         "who": [None if i % 3 else "Maria Kovac" for i in range(n)]})


def _height_px(fig) -> float:
    return fig.get_size_inches()[1] * fig.dpi


def test_many_events_are_counted_per_period_within_a_readable_height():
    fig = events_chart(_line(5000))
    assert _height_px(fig) <= MAX_HEIGHT_PX
    title = fig.axes[0].get_title()
    assert "5,000" in title and "per month" in title
    plt.close(fig)


def test_few_events_are_labelled_and_none_says_nan():
    fig = events_chart(_line(6, days=5))
    texts = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(texts) == 6 and not any("nan" in t.lower() or "None" in t for t in texts)
    assert sum("Maria Kovac — " in t for t in texts) == 2
    assert _height_px(fig) <= MAX_HEIGHT_PX
    plt.close(fig)


def test_periods_follow_the_span_and_gaps_show_as_zero():
    assert period_for(pd.Series(pd.to_datetime(["2016-07-28", "2016-07-29"])))[1] == "day"
    assert period_for(pd.Series(pd.to_datetime(["2016-01-01", "2016-12-01"])))[1] == "week"
    assert period_for(pd.Series(pd.to_datetime(["2011-01-01", "2016-12-01"])))[1] == "month"
    counts = counts_per_period(pd.Series(pd.to_datetime(["2011-01-05", "2016-03-01"])), "M")
    assert len(counts) == 63 and counts.sum() == 2 and (counts == 0).sum() == 61


def test_over_time_keeps_the_legend_off_the_lines_and_counts_whole_numbers():
    line = _line(300)
    fig = over_time(line["date"], pd.Series(["A", "B", "C"] * 100), top=2, title="x")
    ax = fig.axes[0]
    assert len(ax.get_lines()) == 2 and ax.get_legend() is not None
    ticks = [t for t in ax.get_yticks() if t >= 0]
    assert all(float(t).is_integer() for t in ticks)
    plt.close(fig)


def test_top_bars_have_integer_ticks_and_say_none_when_empty():
    table = pd.DataFrame({"name": ["a", "b"], "mentions": [1, 2]})
    fig = top_bars({"People": table, "Places": table.iloc[:0]})
    assert all(float(t).is_integer() for t in fig.axes[0].get_xticks())
    assert fig.axes[1].texts[0].get_text() == "none"
    plt.close(fig)


def test_reports_index_links_every_report_with_its_title(tmp_path):
    import json

    from newskit.view.reports import write_index

    (tmp_path / "02_entity_counts.html").write_text("<html></html>")
    (tmp_path / "02_entity_counts.ipynb").write_text(json.dumps({"cells": [
        {"cell_type": "markdown", "source": ["# 02 · Entity counts\n", "\n", "Who is <named> most. More."]}]}))
    (tmp_path / "03_timelines.html").write_text("<html></html>")
    page = write_index(tmp_path, "my <corpus>").read_text()
    assert 'href="02_entity_counts.html">02 · Entity counts</a>' in page
    assert "Who is &lt;named&gt; most." in page and "my &lt;corpus&gt;" in page
    assert 'href="03_timelines.html">03_timelines</a>' in page


def test_charts_show_themselves_as_png_in_jupyter():
    fig = events_chart(_line(3, days=3))
    png = fig._repr_png_()
    assert png.startswith(b"\x89PNG") and png == fig._repr_png_()  # the same bytes every time
