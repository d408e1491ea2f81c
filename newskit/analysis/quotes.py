"""Quote breakdowns: small tables over the quotes frame — who is quoted, how, with which verbs."""
from __future__ import annotations

import pandas as pd

from newskit.frames import REPORTED_KINDS


def _speakers(quotes: pd.DataFrame) -> pd.Series:
    """The resolved speaker, else the mention as written in lower case ("analysts" for "Analysts"
    and "analysts" alike), else "(unknown)"."""
    return quotes["speaker"].fillna(quotes["speaker_text"].str.lower()).fillna("(unknown)")


def quotes_per_speaker(quotes: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Quotes per speaker, split into direct and reported, most quoted first (ties by name)."""
    kinds = quotes.assign(who=_speakers(quotes), direct=quotes["kind"].astype(str).eq("direct"))
    table = (kinds.groupby("who")
             .agg(quotes=("kind", "size"), direct=("direct", "sum"), articles=("article_id", "nunique"))
             .assign(reported=lambda t: t["quotes"] - t["direct"])
             .assign(direct_share=lambda t: (t["direct"] / t["quotes"]).round(2))
             .reset_index().rename(columns={"who": "speaker"})
             .sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")
             .reset_index(drop=True))
    table = table[["speaker", "quotes", "direct", "reported", "direct_share", "articles"]]
    return table.head(top) if top else table


def quotes_per_role(quotes: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Quotes per speaker role (as written in the article), most first."""
    table = (quotes.dropna(subset=["speaker_role"]).groupby("speaker_role")
             .agg(quotes=("kind", "size"), speakers=("speaker", "nunique")).reset_index()
             .sort_values(["quotes", "speaker_role"], ascending=[False, True], kind="stable").reset_index(drop=True))
    return table.head(top) if top else table


def kind_shares(quotes: pd.DataFrame, speakers: list[str] | None = None) -> pd.DataFrame:
    """Per speaker, the share of each kind of attribution (rows sum to 1)."""
    frame = quotes.assign(who=_speakers(quotes), kind=quotes["kind"].astype(str))
    if speakers is not None:
        frame = frame[frame["who"].isin(speakers)]
    table = pd.crosstab(frame["who"], frame["kind"], normalize="index").round(2)
    table = table.reindex(columns=[k for k in ("direct", *REPORTED_KINDS) if k in table.columns])
    order = speakers if speakers is not None else sorted(table.index)
    return table.reindex([s for s in order if s in table.index]).rename_axis(index="speaker", columns=None)


def cue_verbs(quotes: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """How often each cue introduces a quote (lower-cased), most first."""
    cues = quotes["cue"].dropna().str.lower().str.strip()
    table = (cues.value_counts().rename_axis("cue").reset_index(name="quotes")
             .sort_values(["quotes", "cue"], ascending=[False, True], kind="stable").reset_index(drop=True))
    return table.head(top) if top else table


def quote_lengths(quotes: pd.DataFrame) -> pd.DataFrame:
    """Words per quote, described by kind."""
    words = quotes["content"].str.split().str.len()
    table = words.groupby(quotes["kind"].astype(str)).describe()[["count", "mean", "50%", "max"]]
    return table.rename(columns={"50%": "median"}).round(1).rename_axis("kind")


def speaker_quotes(quotes: pd.DataFrame, speaker: str) -> pd.DataFrame:
    """Every quote of one speaker, with where to find it (article_id and offsets for Corpus.show)."""
    rows = quotes[_speakers(quotes) == speaker]
    columns = ["article_id", "quote", "kind", "cue", "said_on", "content", "start", "end"]
    return rows[columns].sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
