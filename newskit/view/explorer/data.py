"""The explorer's data: indexes built once over a corpus's frames, and each panel's frame for one
entity under the current filters (no widgets here, so everything is testable and fast)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from newskit.analysis.entities import HEADLINE_KINDS, mentions
from newskit.analysis.search import search
from newskit.analysis.timeline import timeline
from newskit.extract.names import HONORIFICS, fold
from newskit.frames import REPORTED_KINDS
from newskit.view.charts import counts_per_period, period_for

# quote_kind filter values: every kind, direct only, reported only, or one kind
QUOTE_KINDS = ("all", "direct", "reported", *REPORTED_KINDS)
# paragraphs filter values: which paragraphs' mentions, quotes and events count
PARAGRAPHS = ("all", "no headlines", "headlines only")


@dataclass(frozen=True)
class Filters:
    """What every panel is narrowed to. Dates select articles by publication date (inclusive); a
    set date bound leaves out articles without a date."""

    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    source: str | None = None      # the articles' `source` (agency); None: all
    paragraphs: str = "all"        # see PARAGRAPHS
    quote_kind: str = "all"        # see QUOTE_KINDS; narrows quotes and the events that report one
    text: str | None = None        # a word or phrase the articles must contain (newskit.search); None: any

    def __post_init__(self) -> None:
        if self.paragraphs not in PARAGRAPHS:
            raise ValueError(f"paragraphs= takes one of {PARAGRAPHS}, not {self.paragraphs!r}")
        if self.quote_kind not in QUOTE_KINDS:
            raise ValueError(f"quote_kind= takes one of {QUOTE_KINDS}, not {self.quote_kind!r}")
        for bound in ("start", "end"):
            value = getattr(self, bound)
            if value is not None and not isinstance(value, pd.Timestamp):
                object.__setattr__(self, bound, pd.Timestamp(value))


def _search_key(text: str) -> str:
    """Text folded for search: case, accents, dots and a courtesy title ignored."""
    words = fold(text).replace(".", "").split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def mention_label(name: str, count: int) -> str:
    """The chooser's option text: "Anatoly Antonov (5 mentions)"."""
    return f"{name} ({count:,} mention{'' if count == 1 else 's'})"


class ExploreIndex:
    """Every frame the explorer reads, joined with article dates and sources and indexed by
    canonical entity name, so that one entity's panels cost a few small array lookups."""

    def __init__(self, corpus) -> None:
        self.corpus = corpus
        self.articles = _articles(corpus.articles)
        position = pd.Series(np.arange(len(self.articles)), index=self.articles["article_id"])
        self._position = position.to_dict()
        self.mentions = _mentions(corpus, position, self.articles)
        self.choices = _choices(self.mentions)
        # article-level canonical name -> corpus-wide one, to read quote speakers and timeline actors
        pairs = self.mentions.drop_duplicates(["article_id", "entity"])
        self._corpus_name = dict(zip(zip(pairs["article_id"], pairs["entity"]), pairs["name"]))
        self.aliases = self.mentions.groupby("name")["entity"].agg(lambda s: sorted(set(s))).to_dict()
        kinds = _paragraph_kinds(corpus)
        self.quotes = _quotes(corpus.quotes, position, self.articles, kinds, self._corpus_name)
        self.events = _events(timeline(corpus, copies="keep"), position, self.articles, kinds, corpus.sentences, self.quotes)
        self._mention_rows = _rows_by(self.mentions["name"])
        self._quote_rows = actor_rows(self.quotes, {})  # a joint speaker's quote is under each name
        self._event_rows = actor_rows(self.events, self._corpus_name)
        self._unit = self.mentions["unit"].to_numpy()
        # the panels' columns only, so that taking an entity's rows copies little
        self._views = {"mentions": _compact(self.mentions[MENTION_COLUMNS]),
                       "quotes": _compact(self.quotes[QUOTE_COLUMNS]), "events": _compact(self.events[EVENT_COLUMNS])}
        self._article_frames = {name: _compact(getattr(corpus, name)) for name in ("paragraphs", "entities", "quotes", "timexes")}
        self._article_rows = {name: _rows_by(frame["article_id"].astype(str)) for name, frame in self._article_frames.items()}
        self._masks: dict[tuple, np.ndarray] = {}
        self._forms: pd.DataFrame | None = None  # (name, folded written form) for search, built when first searched

    # --- filters -------------------------------------------------------------------------------

    def article_mask(self, filters: Filters) -> np.ndarray:
        """One boolean per article (in self.articles order): does it pass the filters?"""
        key = ("articles", filters.start, filters.end, filters.source, filters.text)
        if key not in self._masks:
            keep = np.ones(len(self.articles), dtype=bool)
            if filters.text:
                hits = set(search(self.corpus, filters.text)["article_id"])
                keep &= self.articles["article_id"].isin(hits).to_numpy(dtype=bool)
            published = self.articles["published"]
            if filters.start is not None:
                keep &= (published >= filters.start).to_numpy(dtype=bool, na_value=False)
            if filters.end is not None:  # the whole end day
                keep &= (published < filters.end.normalize() + pd.Timedelta(days=1)).to_numpy(dtype=bool, na_value=False)
            if filters.source is not None:
                keep &= (self.articles["source"] == filters.source).to_numpy(dtype=bool, na_value=False)
            self._masks[key] = keep
        return self._masks[key]

    def row_mask(self, frame_name: str, filters: Filters) -> np.ndarray:
        """One boolean per row of self.<frame_name> (mentions, quotes, events): article and paragraph filters."""
        key = (frame_name, filters.start, filters.end, filters.source, filters.text, filters.paragraphs)
        if key not in self._masks:
            frame = getattr(self, frame_name)
            keep = self.article_mask(filters)[frame["_article"].to_numpy()]
            if filters.paragraphs != "all":
                headline = frame["_headline"].to_numpy(dtype=bool)
                keep = keep & (headline if filters.paragraphs == "headlines only" else ~headline)
            if len(self._masks) > 64:  # filters change one at a time; old masks are rarely reused
                self._masks.clear()
            self._masks[key] = keep
        return self._masks[key]

    def _keep(self, frame_name: str, rows: np.ndarray, filters: Filters) -> np.ndarray:
        return rows[self.row_mask(frame_name, filters)[rows]]

    # --- panels --------------------------------------------------------------------------------

    def names(self) -> list[str]:
        return self.choices["name"].tolist()

    def search(self, text: str) -> list[str]:
        """Entities matching `text` (case, accents and dots ignored), most mentioned first: those
        written so in some mention ("Mr Blair", "F.B.I."), then those with a word of the name
        equal to it ("pelosi"), then those whose name contains it."""
        key = _search_key(text)
        if not key:
            return []
        if self._forms is None:
            forms = pd.concat([self.mentions[["name", "text"]],
                               self.mentions[["name", "entity"]].rename(columns={"entity": "text"})])
            forms = forms.drop_duplicates()
            self._forms = pd.DataFrame({"name": forms["name"].to_numpy(),
                                        "key": [_search_key(t) for t in forms["text"].astype(str)]})
        order = {name: i for i, name in enumerate(self.choices["name"])}
        written = set(self._forms.loc[self._forms["key"] == key, "name"])
        names = self.choices["name"].astype(str)
        folded = names.map(_search_key)
        word = set(names[folded.map(lambda n: key in n.split(" "))])
        part = set(names[folded.str.contains(key, regex=False)])
        found: list[str] = []
        for group in (written, word - written, part - word - written):
            found += sorted(group, key=lambda n: order.get(n, len(order)))
        return found

    def default_entity(self) -> str | None:
        """The most mentioned person, else the most mentioned entity, else None."""
        people = self.choices.loc[self.choices["label"] == "PERSON", "name"]
        names = people if len(people) else self.choices["name"]
        return str(names.iloc[0]) if len(names) else None

    def mentions_of(self, name: str, filters: Filters) -> pd.DataFrame:
        rows = self._keep("mentions", self._mention_rows.get(name, _NONE), filters)
        return self._views["mentions"].iloc[rows].reset_index(drop=True)

    def quotes_of(self, name: str, filters: Filters) -> pd.DataFrame:
        rows = self._keep("quotes", self._quote_rows.get(name, _NONE), filters)
        frame = self._views["quotes"].iloc[rows]
        if filters.quote_kind != "all":
            frame = frame[_kind_matches(frame["kind"], filters.quote_kind)]
        return frame.sort_values(["published", "article_id", "start"], kind="stable").reset_index(drop=True)

    def events_of(self, name: str, filters: Filters) -> pd.DataFrame:
        rows = self._keep("events", self._event_rows.get(name, _NONE), filters)
        frame = self._views["events"].iloc[rows]
        if filters.quote_kind != "all":
            frame = frame[_kind_matches(frame["quote_kind"], filters.quote_kind)]
        return frame.reset_index(drop=True)

    def cooccurring_with(self, name: str, filters: Filters) -> pd.DataFrame:
        """Entities named in the same sentences as `name`: shared sentences and articles."""
        own = self._keep("mentions", self._mention_rows.get(name, _NONE), filters)
        units = np.unique(self._unit[own])
        rows = np.isin(self._unit, units) & self.row_mask("mentions", filters)
        frame = self.mentions.loc[rows, ["name", "label", "unit", "article_id"]]
        frame = frame[frame["name"] != name]
        if frame.empty:
            return pd.DataFrame({"name": pd.Series(dtype="str"), "label": pd.Series(dtype="str"),
                                 "sentences": pd.Series(dtype="int64"), "articles": pd.Series(dtype="int64")})
        table = (frame.groupby("name", sort=False)
                 .agg(label=("label", "first"), sentences=("unit", "nunique"), articles=("article_id", "nunique"))
                 .reset_index())
        return table.sort_values(["sentences", "articles", "name"], ascending=[False, False, True],
                                 kind="stable").reset_index(drop=True)

    def article_corpus(self, article_id: str):
        """A Corpus of one article's rows, taken through the index (for a fast Corpus.show)."""
        from newskit.corpus import Corpus

        frames = {name: self._article_frames[name].iloc[rows.get(article_id, _NONE)] for name, rows in self._article_rows.items()}
        return Corpus(articles=self.corpus.articles.iloc[[self._position[article_id]]], **frames)

    def per_article(self, mentions_frame: pd.DataFrame, quotes_frame: pd.DataFrame) -> pd.DataFrame:
        """The entity's articles: mentions and quotes in each, most mentions first."""
        counts = pd.DataFrame({
            "mentions": mentions_frame.groupby("article_id").size(),
            "quotes": quotes_frame.groupby("article_id").size(),
        }).fillna(0).astype("int64")
        frame = self.articles.set_index("article_id").loc[counts.index, ["published", "source", "title"]]
        frame = frame.join(counts).reset_index()
        return frame.sort_values(["mentions", "quotes", "published", "article_id"],
                                 ascending=[False, False, True, True], kind="stable").reset_index(drop=True)


def over_time(mentions_frame: pd.DataFrame) -> pd.DataFrame:
    """Mentions per day, week, month or year of publication (chosen from the span, as the
    notebooks' charts do), every period from the first to the last: a true time axis."""
    dated = mentions_frame["published"].dropna()
    counts = counts_per_period(dated, period_for(dated)[0])
    return pd.DataFrame({"period": counts.index.astype("datetime64[ns]"), "mentions": counts.to_numpy()})


MENTION_COLUMNS = ["article_id", "published", "source", "sentence", "paragraph_kind", "text", "label", "role", "start", "end"]
QUOTE_COLUMNS = ["article_id", "quote", "published", "source", "kind", "speaker_text", "speaker_role", "cue", "said_on",
                 "content", "also_in", "start", "end"]
EVENT_COLUMNS = ["date", "precision", "article_id", "published", "what", "who", "timex", "quote", "quote_kind", "start", "end"]
_NONE = np.array([], dtype=np.int64)


def actor_rows(events: pd.DataFrame, corpus_name: dict[tuple[str, str], str]) -> dict[str, np.ndarray]:
    """Corpus-wide name -> positions of the timeline (or quote) rows whose `who` ("A; B") names it."""
    actors = events["who"].reset_index(drop=True).astype(object).fillna("").astype(str).str.split("; ").explode()
    actors = actors[actors != ""]
    rows = actors.index.to_numpy()
    names = [corpus_name.get((a, n), n) for a, n in zip(events["article_id"].to_numpy()[rows], actors)]
    grouped = pd.Series(rows).groupby(names, sort=False)
    return {name: np.unique(group.to_numpy()) for name, group in grouped}


def _compact(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with each string column rebuilt as one piece: a column concatenated from many
    small frames is a chunked Arrow array, and taking a few rows from one costs a pass over every
    chunk (70 ms instead of 1 ms on 2,000 articles)."""
    out = frame.copy()
    for column in out.columns:
        dtype = out[column].dtype
        if pd.api.types.is_string_dtype(dtype) and not isinstance(dtype, pd.CategoricalDtype) and dtype != object:
            out[column] = pd.Series(out[column].to_numpy(), dtype=dtype, index=out.index)
    return out


def _kind_matches(kinds: pd.Series, wanted: str) -> pd.Series:
    kinds = kinds.astype("string")
    if wanted == "all":
        return pd.Series(True, index=kinds.index)
    if wanted == "reported":
        return kinds.isin(REPORTED_KINDS).fillna(False).astype(bool)
    return kinds.eq(wanted).fillna(False).astype(bool)


def _rows_by(keys: pd.Series) -> dict[str, np.ndarray]:
    """key -> positions (not labels) of the rows holding it."""
    positions = pd.Series(np.arange(len(keys)), index=keys.index)
    if keys.empty:
        return {}
    return {key: rows.to_numpy() for key, rows in positions.groupby(keys.to_numpy(), sort=False)}


def _articles(articles: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame({"article_id": articles["article_id"].astype(str)})
    missing = pd.Series(pd.NA, index=articles.index)
    frame["published"] = pd.to_datetime(articles.get("published", missing), errors="coerce").astype("datetime64[ns]")
    frame["source"] = articles.get("source", missing).astype("string")
    frame["title"] = articles.get("title", missing).astype("string")
    return frame.reset_index(drop=True)


def _join_article(frame: pd.DataFrame, position: pd.Series, articles: pd.DataFrame) -> pd.DataFrame:
    frame = frame.assign(_article=position.reindex(frame["article_id"].astype(str)).to_numpy())
    frame = frame[frame["_article"].notna()].astype({"_article": "int64"})
    return frame.assign(published=articles["published"].to_numpy()[frame["_article"]],
                        source=articles["source"].to_numpy()[frame["_article"]]).reset_index(drop=True)


def _mentions(corpus, position: pd.Series, articles: pd.DataFrame) -> pd.DataFrame:
    frame = mentions(corpus, include_headlines=True, copies="keep")  # every article, copies too: the explorer opens each
    frame = _join_article(frame, position, articles)
    frame["paragraph_kind"] = frame["paragraph_kind"].astype(str)
    frame["_headline"] = frame["paragraph_kind"].isin(HEADLINE_KINDS)
    # one integer per sentence of the corpus, for co-occurrence
    frame["unit"] = frame["_article"].astype("int64") * 1_000_000 + frame["sentence"].astype("int64")
    return frame


def _choices(mentions_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: name, label, mentions, articles, option text; most mentioned first."""
    if mentions_frame.empty:
        return pd.DataFrame(columns=["name", "label", "mentions", "articles", "option"])
    grouped = mentions_frame.groupby("name")
    table = pd.DataFrame({
        "label": grouped["label"].agg(lambda s: s.value_counts().index[0]),
        "mentions": grouped.size(), "articles": grouped["article_id"].nunique(),
    }).reset_index()
    table = table.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table["option"] = [mention_label(n, c) for n, c in zip(table["name"], table["mentions"])]
    return table


def _paragraph_kinds(corpus) -> pd.DataFrame:
    paragraphs = corpus.paragraphs
    return pd.DataFrame({"article_id": paragraphs["article_id"].astype(str),
                         "paragraph": paragraphs["paragraph"].astype("int64"),
                         "paragraph_kind": paragraphs["kind"].astype(str)})


def _quotes(quotes: pd.DataFrame, position: pd.Series, articles: pd.DataFrame, kinds: pd.DataFrame,
            names: dict) -> pd.DataFrame:
    frame = quotes.assign(article_id=quotes["article_id"].astype(str), kind=quotes["kind"].astype(str),
                          paragraph=quotes["paragraph"].astype("Int64").fillna(-1).astype("int64"))
    # every speaker's corpus-wide name, "; "-separated for a joint speaker ("A; B")
    speakers = frame["speakers"] if "speakers" in frame.columns else frame["speaker"]
    speakers = speakers.where(speakers.notna(), frame["speaker"])
    frame["who"] = ["; ".join(names.get((a, one), one) for one in s.split("; ")) if isinstance(s, str) else None
                    for a, s in zip(frame["article_id"], speakers)]
    # how many other articles quote the same words (quote_group, newskit.analysis.copies)
    groups = frame["quote_group"] if "quote_group" in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="string")
    spread = frame.groupby(groups)["article_id"].nunique() - 1
    frame["also_in"] = groups.map(spread).astype("Int64")
    frame = frame.merge(kinds, how="left", on=["article_id", "paragraph"])
    frame["_headline"] = frame["paragraph_kind"].isin(HEADLINE_KINDS)
    return _join_article(frame, position, articles)


def _events(events: pd.DataFrame, position: pd.Series, articles: pd.DataFrame, kinds: pd.DataFrame,
            sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    where = pd.DataFrame({"article_id": sentences["article_id"].astype(str),
                          "sentence": sentences["sentence"].astype("int64"),
                          "paragraph": sentences["paragraph"].astype("int64")})
    frame = events.merge(where, how="left", on=["article_id", "sentence"])
    frame = frame.merge(kinds, how="left", on=["article_id", "paragraph"])
    frame["_headline"] = frame["paragraph_kind"].isin(HEADLINE_KINDS)
    quote_kinds = quotes[["article_id", "quote", "kind"]].rename(columns={"kind": "quote_kind"})
    frame = frame.merge(quote_kinds.astype({"quote": "Int64"}), how="left", on=["article_id", "quote"])
    return _join_article(frame, position, articles)
