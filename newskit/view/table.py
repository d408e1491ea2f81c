"""newskit.table(frame): a sortable, searchable table (itables' DataTables, served from the installed
package, never a CDN) in Jupyter; the plain DataFrame anywhere else."""
from __future__ import annotations

import hashlib
import itertools

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

        return to_html_datatable(self.frame, connected=False, table_id=self.table_id, **self.options)

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
