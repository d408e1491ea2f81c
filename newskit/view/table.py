"""Tables for people. newskit.table(frame): a sortable, searchable table (itables' DataTables, served
from the installed package, never a CDN) in Jupyter; the plain DataFrame anywhere else.
newskit.readable_tables(): every DataFrame and Series a notebook shows as an HTML table with missing
values as blank cells and text left-aligned. Both change what is shown, never the frame."""
from __future__ import annotations

import hashlib
import itertools
import re

import numpy as np
import pandas as pd

# DataTables controls: rows per page, search box, row count, pages, and a filter box per column
_LAYOUT = {"topStart": "pageLength", "topEnd": "search", "bottomStart": "info", "bottomEnd": "paging"}
_TABLE_IDS = itertools.count(1)
_bundle_sent = False


def table(frame: pd.DataFrame | pd.Series, *, page_length: int = 10, **options):
    """`frame` as an interactive table where a Jupyter frontend can run JavaScript, else `frame`.

    The DataTables bundle ships inside the itables package: the first table a kernel shows carries
    it inline (about 1 MB, once), so nothing is fetched from the network. Where scripts do not run
    (an untrusted notebook, a static HTML export) the same output shows a plain HTML table, and
    its text form is the DataFrame's. `options` are itables' (e.g. maxBytes, classes).
    """
    if not _in_jupyter_kernel() or not _itables_installed():
        return frame
    return InteractiveTable(frame, page_length=page_length, **options)


class InteractiveTable:
    """A DataFrame displayed through itables, offline; `.frame` is the data."""

    def __init__(self, frame: pd.DataFrame | pd.Series, *, page_length: int = 10, **options) -> None:
        self.frame = frame
        self.options = {"layout": _LAYOUT, "pageLength": page_length, "column_filters": "footer",
                        "classes": "display compact", **options}
        # ids from a digest and a counter: unique in a kernel, the same on every fresh run
        digest = hashlib.sha1(frame.to_csv().encode("utf-8")).hexdigest()[:10]
        self.table_id = f"nk_table_{next(_TABLE_IDS)}_{digest}"

    def to_html(self) -> str:
        from itables.javascript import to_html_datatable

        return to_html_datatable(_blank_dates(blanked(self.frame)), connected=False, table_id=self.table_id, **self.options)

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        global _bundle_sent
        loader = "" if _bundle_sent else _offline_bundle()
        _bundle_sent = True
        return {"text/html": loader + self.to_html(), "text/plain": repr(self.frame)}

    def __repr__(self) -> str:
        return repr(self.frame)


def _offline_bundle() -> str:
    from itables import options as itables_options
    from itables.javascript import generate_init_offline_itables_html

    return generate_init_offline_itables_html(itables_options.dt_bundle)


def _in_jupyter_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _itables_installed() -> bool:
    try:
        import itables.javascript  # noqa: F401
    except ImportError:
        return False
    return True


# --- every DataFrame and Series a notebook shows: blanks for missing values, text left-aligned ------

_LEFT = ' style="text-align: left;"'


def readable_tables(shell=None) -> None:
    """Show every DataFrame and Series in this IPython session (default: the running one) as an HTML
    table in which missing values (NaN, NaT, None, <NA>) are blank cells and text columns (and a
    text index) are left-aligned, as `frame_html` writes it; nothing else changes (pandas' display
    options, truncation, the plain-text form, the frames). Outside IPython it does nothing."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return
        shell = get_ipython()
    if shell is None:
        return
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(pd.DataFrame, frame_html)
    formatter.for_type(pd.Series, frame_html)


def frame_html(frame: pd.DataFrame | pd.Series) -> str | None:
    """`frame` as pandas shows it in a notebook (same options: max rows and columns, column width,
    float format, dimensions when cut), with missing values blank and text aligned left by inline
    styles (they survive the sanitizer of an untrusted notebook and the HTML export). None when
    pandas' notebook HTML is switched off (display.notebook_repr_html)."""
    if not pd.get_option("display.notebook_repr_html"):
        return None
    if isinstance(frame, pd.Series):
        frame = frame.to_frame()
    rows, columns = frame.shape
    max_rows, min_rows = pd.get_option("display.max_rows"), pd.get_option("display.min_rows")
    max_cols = pd.get_option("display.max_columns")
    # pandas shows min_rows rows (half at each end) of a frame longer than max_rows
    shown_rows = (min(min_rows, max_rows) if min_rows else max_rows) if max_rows and rows > max_rows else None
    shown_cols = max_cols if max_cols and columns > max_cols else None
    # only the cells pandas will show are blanked: the ends of a long or wide frame, one more in the
    # middle so that pandas still cuts it (and says so), its dimensions then set back to the frame's
    part = frame
    if shown_rows and shown_rows >= 2:
        part = part.iloc[_ends(rows, shown_rows // 2)]
    if shown_cols and shown_cols >= 2:
        part = part.iloc[:, _ends(columns, shown_cols // 2)]
    text = frame_text_columns(part)
    html = blanked(part).to_html(notebook=True, max_rows=shown_rows, max_cols=shown_cols,
                                 show_dimensions=pd.get_option("display.show_dimensions"),
                                 float_format=pd.get_option("display.float_format"), na_rep="")
    if part is not frame:
        html = re.sub(r"<p>\d+ rows × \d+ columns</p>", f"<p>{rows} rows × {columns} columns</p>", html)
    if shown_cols and shown_cols >= 2:  # pandas puts a "..." column between the two ends
        half = shown_cols // 2
        text = text[:half] + [False] + text[-half:]
    if isinstance(part.columns, pd.MultiIndex):
        text = [False] * len(text)  # header cells span several columns: pandas' alignment stays
    return _align(html, text, _text_like_index(part.index))


def blanked(frame: pd.DataFrame) -> pd.DataFrame:
    """A shallow copy of `frame` for display in which every missing value that pandas would print
    as text (None, NaT or <NA> in object, string, nullable and categorical columns) is "" (floats
    and dates: pandas' na_rep); `frame` itself is unchanged."""
    out = None
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        if isinstance(column.dtype, np.dtype) and column.dtype.kind in "fmM":
            continue  # numpy floats, durations and dates: pandas' na_rep blanks them, their format stays
        missing = column.isna()
        if missing.any():
            out = frame.copy(deep=False) if out is None else out
            out.isetitem(position, column.astype(object).where(~missing, ""))
    return frame if out is None else out


def frame_text_columns(frame: pd.DataFrame) -> list[bool]:
    """For each column of `frame`: does it hold text (strings, lists of them), shown left-aligned."""
    return [_text_like(frame.iloc[:, position]) for position in range(frame.shape[1])]


def _text_like(values) -> bool:
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return _text_like(pd.Series(dtype.categories))
    if pd.api.types.is_string_dtype(dtype) and dtype != object:
        return True
    if dtype == object:
        return pd.api.types.infer_dtype(values, skipna=True) in ("string", "mixed", "bytes")
    return False


def _text_like_index(index: pd.Index) -> bool:
    levels = [index.get_level_values(level) for level in range(index.nlevels)]
    return all(_text_like(pd.Series(level)) for level in levels)


def _ends(length: int, half: int) -> list[int]:
    """Positions of the first and last `half` items and one between them."""
    return [*range(half), half, *range(length - half, length)]


def _align(html: str, text: list[bool], text_index: bool) -> str:
    """Left-align the cells of the text columns (and header cells above them, and the index cells
    when the index is text) in pandas' HTML table."""
    head, _, rest = html.partition("<tbody>")
    body, _, tail = rest.partition("</tbody>")
    if any(text):
        # the header row naming the columns is the first: its last len(text) cells are theirs
        head = re.sub(r"<tr[^>]*>.*?</tr>", lambda row: _align_row(row.group(0), "th", text), head,
                      count=1, flags=re.S)
        body = re.sub(r"<tr>.*?</tr>", lambda row: _align_row(row.group(0), "td", text), body, flags=re.S)
    if text_index:
        body = re.sub(r"<th(?=[ >])", "<th" + _LEFT, body)
    return f"{head}<tbody>{body}</tbody>{tail}"


def _align_row(row: str, tag: str, text: list[bool]) -> str:
    cells = list(re.finditer(rf"<{tag}(?=[ >])", row))
    if len(cells) < len(text):
        return row  # a row of another shape (several header rows): left as it is
    out, last = [], 0
    for cell, left in zip(cells[len(cells) - len(text):], text):
        if left:
            out.append(row[last:cell.end()] + _LEFT)
            last = cell.end()
    return "".join(out) + row[last:]


def _blank_dates(frame: pd.DataFrame) -> pd.DataFrame:
    """For itables: dates with a missing value as ISO text ("" where missing), so no "NaT" shows;
    missing floats as "" (DataTables still sorts the column as numbers)."""
    out = None
    for position in range(frame.shape[1]):
        column = frame.iloc[:, position]
        missing = column.isna()
        if not missing.any() or not (isinstance(column.dtype, np.dtype) and column.dtype.kind in "fM"):
            continue
        if column.dtype.kind == "M":
            midnight = (column.dropna() == column.dropna().dt.normalize()).all()
            shown = column.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%d %H:%M:%S").astype(object)
        else:
            shown = column.astype(object)
        out = frame.copy(deep=False) if out is None else out
        out.isetitem(position, shown.where(~missing, ""))
    return frame if out is None else out
