"""The frame contract: every frame's columns and dtypes, in one place (see DESIGN.md)."""
from __future__ import annotations

import json

import numpy as np
import pandas as pd

# Quote kinds that report speech rather than quote it word for word: analyses and the explorer
# count them together as "reported", against "direct".
REPORTED_KINDS = ("indirect", "according_to", "mixed")
# Separator of the names in quotes.speakers (and speaker_id) for a joint speaker ("A and B said").
JOINT = "; "


def quote_parts(parts: str) -> list[tuple[int, int]]:
    """The article offsets of a quote row's `parts` column ("12:40 55:90" -> [(12, 40), (55, 90)])."""
    return [tuple(map(int, part.split(":"))) for part in parts.split()]


def joint_name(names: list[str]) -> str:
    """How a joint speaker reads in quotes.speaker: "Lena Fisk and Tomas Brand", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

# Per-article frames produced by tagging; each gets `article_id` as its first column.
SCHEMAS: dict[str, dict[str, str]] = {
    "paragraphs": {"paragraph": "int64", "kind": "category:title,subtitle,dateline,subheading,body", "start": "int64", "end": "int64", "text": "str"},
    "sentences": {"sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64", "text": "str"},
    "entities": {
        "sentence": "int64", "paragraph": "int64", "start": "int64", "end": "int64",
        "text": "str", "label": "category", "entity": "str",
        # the title split off a person ("Russian Defense Minister"), dateline and agency flags
        "role": "str", "in_dateline": "bool", "is_agency": "bool",
        "paragraph_kind": "category:title,subtitle,dateline,subheading,body",
        # corpus-wide identity (analysis/linking): one entity_id per real entity across articles,
        # `entity` its display name, the article's own name for the mention, and whether a bare
        # name stays apart because several entities of the corpus share it ("Clinton")
        "entity_id": "str", "article_entity": "str", "ambiguous": "bool",
    },
    # one row per attribution: what was said, how (kind, cue) and by whom
    "quotes": {
        "quote": "int64", "kind": "category:direct,indirect,according_to,mixed", "content": "str", "start": "int64", "end": "int64",
        "speaker": "str", "speaker_text": "str", "speaker_role": "str", "cue": "str",
        "said_on": "datetime64[ns]", "sentence": "Int64", "paragraph": "Int64",
        # where the speaker mention and the cue words are, PERSON/ORG, and the quoted parts of a
        # split or multi-paragraph quote ("start:end start:end")
        "speaker_start": "Int64", "speaker_end": "Int64", "speaker_label": "category:PERSON,ORG",
        "cue_start": "Int64", "cue_end": "Int64", "parts": "str",
        # the speaker's entity_id (as in entities) and the article's own name for the speaker
        "speaker_id": "str", "article_speaker": "str",
        # every speaker's name, "; "-separated: one name, or each of a joint speaker ("A and B said")
        "speakers": "str",
        # corpus-wide (analysis/copies): the same words quoted in other articles share a
        # quote_group (missing for a quote found in one article only); in_copy: the quote's
        # article is a copy of another (articles.copy_of set), left out by copies="first"
        "quote_group": "str", "in_copy": "bool",
    },
    # every temporal expression, normalized against the publication date
    "timexes": {
        "sentence": "int64", "start": "int64", "end": "int64", "text": "str",
        "type": "category:DATE,TIME,DURATION,SET", "value": "str", "date": "datetime64[ns]",
        # extract/timexes: the value's precision, TIMEX3 mod, the governing verb's tense, the
        # rule that matched, and the clause the expression dates
        "paragraph": "int64", "precision": "str", "mod": "str", "tense": "str", "rule": "str",
        "clause_start": "int64", "clause_end": "int64",
    },
}
FRAMES = tuple(SCHEMAS)
# Columns tag() adds to the articles frame read_articles gives (newskit.read.articles.ARTICLE_COLUMNS),
# corpus-wide like linking (analysis/copies): the story an article belongs to (its near-duplicates
# share it) and, for a copy, the article_id of the story's original (earliest published).
# An articles frame saved without them gets them when it is first used (Corpus.load).
ARTICLE_STORY_SCHEMA: dict[str, str] = {"story_id": "str", "copy_of": "str"}
SORT_KEYS = {
    "paragraphs": ["paragraph"], "sentences": ["sentence"], "entities": ["start", "end"],
    "quotes": ["quote"], "timexes": ["start", "end"],
}


def in_article_order(name: str, frame: pd.DataFrame, order: dict[str, int]) -> pd.DataFrame:
    """Rows sorted by article (`order`: article_id -> position), then by SORT_KEYS; a stable sort
    that copies the frame only when the rows are out of order."""
    keys = [frame[key].to_numpy() for key in reversed(SORT_KEYS[name])]
    keys.append(frame["article_id"].map(order).to_numpy())
    index = np.lexsort(keys)  # stable; the last key (article order) sorts first
    if len(index) > 1 and (index[1:] < index[:-1]).any():
        frame = frame.take(index)
    return frame.reset_index(drop=True)


def empty(name: str) -> pd.DataFrame:
    return from_columns(name, {})


def from_columns(name: str, columns: dict[str, list]) -> pd.DataFrame:
    """Column lists (article_id plus the schema's columns, equally long; a missing column is all
    missing values) to a typed frame, in row order. Other columns are not part of a frame."""
    schema = {"article_id": "str", **SCHEMAS[name]}
    length = max((len(values) for values in columns.values()), default=0)
    return pd.DataFrame({
        column: _cast(pd.Series(columns.get(column, [None] * length), dtype=object), dtype)
        for column, dtype in schema.items()
    })


def conform(name: str, frame: pd.DataFrame, columns=None) -> pd.DataFrame:
    """Give a frame's contract columns (or just `columns`) their dtypes, e.g. after a parquet round
    trip. A new frame; the data of columns already right is shared, not copied (pandas copy-on-write)."""
    frame = frame.copy(deep=False)
    for column, dtype in {"article_id": "str", **SCHEMAS[name]}.items():
        if column not in frame.columns:  # a folder saved by an older newskit
            frame[column] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        if columns is None or column in columns:
            frame[column] = _cast(frame[column], dtype)
    return frame


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype.startswith("datetime64"):
        return pd.to_datetime(series).astype(dtype)
    if dtype.startswith("category:"):
        return pd.Series(pd.Categorical(series, categories=dtype.split(":", 1)[1].split(",")), index=series.index)
    if dtype == "str":
        # pandas 3's str dtype keeps missing values missing (pandas 2 would write "None")
        return series.astype("str")
    return series.astype(dtype)


# -- rejects: every input read_articles did not load, with the reason -------------------------------

REJECT_COLUMNS = ["path", "reason"]


def no_rejects() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series([], dtype="str") for column in REJECT_COLUMNS})


def rejects_attr(rejects) -> str:
    """(path, reason) pairs as the articles frame carries them in `attrs["rejects"]`: JSON text of
    [{"path": ..., "reason": ...}, ...]. A plain string because pandas compares attrs with `==`
    on concat and merge, deep-copies them on nearly every operation and writes them into parquet
    metadata: a string survives all three at no cost however many rejects there are."""
    return json.dumps([{"path": path, "reason": reason} for path, reason in rejects])


def rejects(source) -> pd.DataFrame:
    """The rejects report, DataFrame(path, reason), of an articles frame from read_articles (also
    after pandas operations or a parquet round trip that kept its attrs) or of a Corpus. A frame
    without one gives an empty report.

    >>> newskit.rejects(newskit.read_articles("data/raw"))
    """
    if not isinstance(source, pd.DataFrame):  # a Corpus
        return source.rejects
    attr = source.attrs.get("rejects")
    if attr is None:
        return no_rejects()
    records = json.loads(attr) if isinstance(attr, str) else attr
    frame = pd.DataFrame(records, columns=REJECT_COLUMNS) if len(records) else no_rejects()
    return frame.astype("str")
