"""Quote breakdowns: small tables over the quotes frame — who is quoted, how, with which verbs.

The counting tables take `copies="first"` (default: each story once, the quotes of near-duplicate
copies left out by their `in_copy` flag) or "keep" (every copy); a quotes frame without `in_copy`
(built by hand) counts every row. Quotes repeated across articles: newskit.quote_spread."""
from __future__ import annotations

import pandas as pd

from newskit.analysis.copies import first_only
from newskit.extract import lexicon
from newskit.frames import JOINT, REPORTED_KINDS

# Pronouns a speaker may be written as ("he", "they", "I"): left unresolved, they are counted apart.
SPEAKER_PRONOUNS = lexicon.table("quotes/speaker_pronouns")


def _speakers(quotes: pd.DataFrame, unresolved: bool = False) -> pd.DataFrame:
    """One row per quote and speaker, the name in `who`: a joint speaker's quote counts once for
    each of its speakers. Quotes without a resolved speaker are left out, or with `unresolved`
    kept under the mention as written in lower case ("analysts" for "Analysts" and "analysts"
    alike), else "(unknown)"."""
    names = quotes["speakers"] if "speakers" in quotes.columns else quotes["speaker"]
    names = names.where(names.notna(), quotes["speaker"])
    frame = quotes.assign(who=names.str.split(JOINT)).explode("who")
    if unresolved:
        return frame.assign(who=frame["who"].fillna(frame["speaker_text"].str.lower()).fillna("(unknown)"))
    return frame[frame["who"].notna()]


def quotes_per_speaker(quotes: pd.DataFrame, top: int | None = None, unresolved: bool = False,
                       copies: str = "first") -> pd.DataFrame:
    """Quotes per named speaker, split into direct and reported, most quoted first (ties by name).
    A joint speaker's quote counts for each of them. `unresolved=True` also lists the mentions
    left unresolved ("he", "analysts") as written; `speaker_coverage` tells how many there are.
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    frame = _speakers(first_only(quotes, copies), unresolved)
    kinds = frame.assign(direct=frame["kind"].astype(str).eq("direct"))
    table = (kinds.groupby("who")
             .agg(quotes=("kind", "size"), direct=("direct", "sum"), articles=("article_id", "nunique"))
             .assign(reported=lambda t: t["quotes"] - t["direct"])
             .assign(direct_share=lambda t: (t["direct"] / t["quotes"]).round(2))
             .reset_index().rename(columns={"who": "speaker"})
             .sort_values(["quotes", "speaker"], ascending=[False, True], kind="stable")
             .reset_index(drop=True))
    table = table[["speaker", "quotes", "direct", "reported", "direct_share", "articles"]]
    return table.head(top) if top else table


def speaker_coverage(quotes: pd.DataFrame, copies: str = "first") -> pd.DataFrame:
    """How many quotes have a named speaker: a person, an organisation, several people jointly;
    and how many do not: an unnamed source ("analysts", "a spokesman", a "he" going on with
    one), a pronoun the article never resolves ("I", "they"), or no speaker at all. Rows with quotes and share.
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    quotes = first_only(quotes, copies)
    named = quotes["speaker"].notna()
    joint = quotes["speakers"].fillna("").str.contains(JOINT, regex=False) if "speakers" in quotes.columns \
        else pd.Series(False, index=quotes.index)
    label = quotes["speaker_label"].astype(str)
    written = quotes["speaker_text"].fillna("").str.strip().str.lower()
    groups = pd.Series("no speaker", index=quotes.index, dtype=object)
    groups[written.ne("")] = "unnamed source"
    # (a he/she read as an unnamed source has its role: "A spokesman said ... "...," he added")
    role = quotes["speaker_role"].notna() if "speaker_role" in quotes.columns else pd.Series(False, index=quotes.index)
    groups[written.isin(SPEAKER_PRONOUNS) & ~role] = "unresolved pronoun"
    groups[named & label.eq("ORG")] = "named organisation"
    groups[named & ~label.eq("ORG")] = "named person"
    groups[named & joint] = "joint speakers"
    order = ["named person", "named organisation", "joint speakers", "unnamed source", "unresolved pronoun", "no speaker"]
    counts = groups.value_counts().reindex(order, fill_value=0)
    table = pd.DataFrame({"quotes": counts, "share": (counts / max(len(quotes), 1)).round(3)})
    return table.rename_axis("speaker")


def quotes_per_role(quotes: pd.DataFrame, top: int | None = None, copies: str = "first") -> pd.DataFrame:
    """Quotes per speaker role (as written in the article), most first.
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    table = (first_only(quotes, copies).dropna(subset=["speaker_role"]).groupby("speaker_role")
             .agg(quotes=("kind", "size"), speakers=("speaker", "nunique")).reset_index()
             .sort_values(["quotes", "speaker_role"], ascending=[False, True], kind="stable").reset_index(drop=True))
    return table.head(top) if top else table


def kind_shares(quotes: pd.DataFrame, speakers: list[str] | None = None, copies: str = "first") -> pd.DataFrame:
    """Per speaker, the share of each kind of attribution (rows sum to 1).
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    frame = _speakers(first_only(quotes, copies))
    frame = frame.assign(kind=frame["kind"].astype(str))
    if speakers is not None:
        frame = frame[frame["who"].isin(speakers)]
    table = pd.crosstab(frame["who"], frame["kind"], normalize="index").round(2)
    table = table.reindex(columns=[k for k in ("direct", *REPORTED_KINDS) if k in table.columns])
    order = speakers if speakers is not None else sorted(table.index)
    return table.reindex([s for s in order if s in table.index]).rename_axis(index="speaker", columns=None)


def cue_verbs(quotes: pd.DataFrame, top: int | None = None, copies: str = "first") -> pd.DataFrame:
    """How often each cue introduces a quote (lower-cased), most first.
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    cues = first_only(quotes, copies)["cue"].dropna().str.lower().str.strip()
    table = (cues.value_counts().rename_axis("cue").reset_index(name="quotes")
             .sort_values(["quotes", "cue"], ascending=[False, True], kind="stable").reset_index(drop=True))
    return table.head(top) if top else table


def quote_lengths(quotes: pd.DataFrame, copies: str = "first") -> pd.DataFrame:
    """Words per quote, described by kind.
    `copies="first"` (the default) counts each story once: the quotes of near-duplicate copies of
    an article (`in_copy`) are left out; "keep" counts every copy."""
    quotes = first_only(quotes, copies)
    words = quotes["content"].str.split().str.len()
    table = words.groupby(quotes["kind"].astype(str)).describe()[["count", "mean", "50%", "max"]]
    return table.rename(columns={"50%": "median"}).round(1).rename_axis("kind")


def speaker_quotes(quotes: pd.DataFrame, speaker: str) -> pd.DataFrame:
    """Every quote of one speaker, with where to find it (article_id and offsets for Corpus.show).
    Copies included: every article that carries the quote is listed (`quote_group` tells which
    rows are the same words; newskit.quote_spread summarises them)."""
    frame = _speakers(quotes, unresolved=True)
    rows = frame[frame["who"] == speaker]
    columns = ["article_id", "quote", "kind", "cue", "said_on", "content", "start", "end"]
    return rows[columns].sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
