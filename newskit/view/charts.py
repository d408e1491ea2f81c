"""Charts the notebooks draw, readable whatever the corpus size: one article or 100,000.

Every figure stays within MAX_HEIGHT_PX; time axes are true time axes (a gap of three years shows as
a gap), labelled by matplotlib's concise date formatter so labels never overlap; counts get whole-number
ticks; many events are counted per day, week, month or year (chosen from the span) instead of drawn one
by one. Each function returns a Figure of its own (not pyplot's): a notebook cell that ends with
the call shows it once, and it can be tested and saved.
"""
from __future__ import annotations

import io

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

MAX_HEIGHT_PX = 2000
DPI = 100
# Events drawn one by one, each labelled, up to this many; more are counted per period.
MAX_LABELLED_EVENTS = 25
# Longest span (days) for each counting period, finest first (pandas period frequencies).
PERIODS = ((62, "D", "day"), (730, "W", "week"), (365 * 25, "M", "month"), (None, "Y", "year"))
COLOR = "#4c72b0"


def period_for(dates: pd.Series) -> tuple[str, str]:
    """(pandas period frequency, name) of the counting period that suits the span of `dates`."""
    dates = pd.to_datetime(dates).dropna()
    span = (dates.max() - dates.min()).days if len(dates) else 0
    for limit, freq, name in PERIODS:
        if limit is None or span <= limit:
            return freq, name
    return "Y", "year"


def counts_per_period(dates: pd.Series, freq: str) -> pd.Series:
    """How many dates fall in each period, indexed by the period's first day, every period from the
    first to the last (gaps as 0): counts on a true time axis. Also the explorer's mentions chart."""
    dates = pd.to_datetime(dates).dropna()
    if dates.empty:
        return pd.Series([], index=pd.DatetimeIndex([], dtype="datetime64[ns]"), dtype="int64")
    counts = dates.dt.to_period(freq).value_counts().sort_index()
    counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq=freq), fill_value=0)
    return pd.Series(counts.to_numpy(dtype="int64"), index=counts.index.start_time.astype("datetime64[ns]"))


def _time_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


class Chart(Figure):
    """A Figure of its own, not pyplot's, that Jupyter shows as a PNG: a cell ending with a chart
    shows it once, under any kernel setup."""

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Chart(figsize=(width, min(height, MAX_HEIGHT_PX / DPI)), dpi=DPI, layout="constrained")
    return fig, fig.add_subplot()


def events_chart(line: pd.DataFrame, title: str = "Dated events and statements") -> Figure:
    """A timeline's day-precise events: each one drawn and labelled (who — what) when there are
    at most MAX_LABELLED_EVENTS, else counted per day/week/month/year on a time axis."""
    days = line[line["precision"].isin(["day", "time"])].sort_values(["date", "article_id", "sentence"])
    if len(days) > MAX_LABELLED_EVENTS:
        freq, name = period_for(days["date"])
        counts = counts_per_period(days["date"], freq)
        fig, ax = _figure(10, 3)
        ax.bar(counts.index, counts.to_numpy(), width=_bar_width(freq), color=COLOR, align="edge")
        ax.set_ylabel(f"events per {name}")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        _time_axis(ax)
        ax.set_title(f"{title}: {len(days):,} day-precise events, per {name}")
        return fig
    fig, ax = _figure(10, 1.0 + 0.3 * max(len(days), 1))
    labels = []
    for y, row in enumerate(days.itertuples(index=False)):
        ax.plot(row.date, y, "o", color=COLOR)
        who = row.who if isinstance(row.who, str) and row.who else ""
        what = row.what if len(row.what) <= 60 else row.what[:59] + "…"
        labels.append(f"{row.date:%Y-%m-%d}  " + (f"{who} — {what}" if who else what))
    # labels as tick labels on the left: the layout makes room for them, nothing runs off the figure
    ax.set_yticks(range(len(days)), labels, fontsize=8)
    ax.set_ylim(len(days) - 0.5, -0.5)  # first event on top
    ax.grid(axis="y", color="#eeeeee")
    if len(days):
        start, end = days["date"].min(), days["date"].max()
        pad = max((end - start) / 20, pd.Timedelta(days=1))
        ax.set_xlim(start - pad, end + pad)
    _time_axis(ax)
    ax.set_title(title)
    return fig


def _bar_width(freq: str) -> float:
    return {"D": 0.9, "W": 6, "M": 27, "Y": 330}.get(freq, 1)


def over_time(dates: pd.Series, groups: pd.Series | None = None, top: int = 5, title: str = "",
              what: str = "mentions") -> Figure:
    """Counts per period (chosen from the span) on a time axis: one line in all, or one per group
    for the `top` groups by total."""
    dates = pd.to_datetime(dates)
    freq, name = period_for(dates)
    fig, ax = _figure(10, 3)
    if groups is None:
        counts = counts_per_period(dates, freq)
        ax.plot(counts.index, counts.to_numpy(), color=COLOR, marker="o" if len(counts) < 40 else None)
    else:
        keep = groups.value_counts().sort_index().sort_values(ascending=False, kind="stable").head(top).index
        for group in keep:
            counts = counts_per_period(dates[groups == group], freq)
            ax.plot(counts.index, counts.to_numpy(), label=str(group), marker="o" if len(counts) < 40 else None)
        if len(keep):
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    ax.set_ylabel(f"{what} per {name}")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    _time_axis(ax)
    ax.set_title(title)
    return fig


def top_bars(tables: dict[str, pd.DataFrame], value: str = "mentions", label: str = "name", top: int = 10) -> Figure:
    """One horizontal bar chart per table (e.g. People, Organisations, Places), `top` rows each,
    whole-number ticks."""
    rows = max([min(len(t), top) for t in tables.values()] + [1])
    fig = Chart(figsize=(4.4 * len(tables), min(1.2 + 0.35 * rows, MAX_HEIGHT_PX / DPI)), dpi=DPI, layout="constrained")
    axes = fig.subplots(1, len(tables), squeeze=False)
    for ax, (title, table) in zip(axes[0], tables.items()):
        rows = table.head(top).iloc[::-1]
        ax.barh(rows[label].astype(str), rows[value], color=COLOR)
        ax.set_title(title)
        ax.set_xlabel(value)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        if rows.empty:
            ax.text(0.5, 0.5, "none", ha="center", va="center", transform=ax.transAxes)
            ax.set_yticks([])
    return fig
