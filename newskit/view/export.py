"""A corpus's frames as files people open elsewhere: CSV, Excel or parquet (`corpus.export`,
`python -m newskit export`)."""
from __future__ import annotations

import os
import warnings
from pathlib import Path

import pandas as pd

FORMATS = ("csv", "xlsx", "parquet")
# Excel's limits: characters in a cell, rows in a sheet (header included)
EXCEL_CELL_CHARS = 32_767
EXCEL_ROWS = 1_048_576


def export(corpus, folder: str | os.PathLike, format: str = "csv", frames: list[str] | None = None) -> list[Path]:
    """Write each frame (articles, paragraphs, sentences, entities, quotes, timexes, rejects; or
    those named in `frames`) to `folder`: one `<frame>.csv` (UTF-8, with a byte-order mark so Excel
    reads accents) or `<frame>.parquet` per frame, or one `corpus.xlsx` with a sheet per frame.
    Lists (aliases, roles) become "a; b" text in CSV and Excel. Returns the files written.

    Excel holds at most 32,767 characters in a cell and 1,048,576 rows in a sheet: longer texts are
    cut (with a warning saying how many), and a frame with more rows is an error that names it —
    export that one as CSV or parquet."""
    if format not in FORMATS:
        raise ValueError(f"format= takes one of {', '.join(FORMATS)}, not {format!r}")
    available = corpus.frames()
    names = list(available) if frames is None else list(frames)
    unknown = [n for n in names if n not in available]
    if unknown:
        raise ValueError(f"no frame named {unknown[0]!r}; the frames are {', '.join(available)}")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(f"{folder} is a file, not a folder to export into")
    folder.mkdir(parents=True, exist_ok=True)
    if format == "xlsx":
        return [_excel({name: available[name] for name in names}, folder / "corpus.xlsx")]
    written = []
    for name in names:
        frame = _plain(available[name])
        path = folder / f"{name}.{format}"
        if format == "csv":
            frame.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            frame.to_parquet(path, index=False)
        written.append(path)
    return written


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy without attrs, lists as "a; b" text."""
    frame = frame.copy()
    frame.attrs = {}
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].map(lambda v: isinstance(v, (list, tuple))).any():
            frame[column] = frame[column].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return frame


def _excel(frames: dict[str, pd.DataFrame], path: Path) -> Path:
    too_long = [name for name, frame in frames.items() if len(frame) + 1 > EXCEL_ROWS]
    if too_long:
        raise ValueError(f"frame {too_long[0]!r} has more rows than an Excel sheet holds ({EXCEL_ROWS - 1:,}); "
                         "export it with format='csv' or 'parquet'")
    cut = 0
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in frames.items():
            frame = _plain(frame)
            for column in frame.columns:
                if frame[column].dtype.kind in "OU" or str(frame[column].dtype) in ("str", "string"):
                    long = frame[column].map(lambda v: isinstance(v, str) and len(v) > EXCEL_CELL_CHARS)
                    cut += int(long.sum())
                    frame[column] = frame[column].map(lambda v: v[:EXCEL_CELL_CHARS] if isinstance(v, str) else v)
                elif isinstance(frame[column].dtype, pd.DatetimeTZDtype):  # Excel has no time zones
                    frame[column] = frame[column].dt.tz_localize(None)
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    if cut:
        warnings.warn(f"newskit: {cut:,} cell(s) longer than Excel's {EXCEL_CELL_CHARS:,} characters were cut "
                      f"in {path}; export as CSV or parquet for the full text", stacklevel=3)
    return path
