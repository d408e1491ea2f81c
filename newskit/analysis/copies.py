"""Copies: near-duplicate articles grouped into stories, and quotes repeated across articles.

Articles. Each article's text is normalised (case, punctuation, quote marks and whitespace
dropped) and cut into overlapping word shingles of SHINGLE_WORDS words; a MinHash sketch of that
set (datasketch, fixed seed) estimates how similar two articles are (Jaccard similarity of their
shingle sets), and LSH buckets (datasketch.MinHashLSH) propose the pairs worth comparing, so no
pair of articles is compared unless they share a bucket: time grows with the corpus, not its square.
Two articles whose estimated similarity reaches STORY_THRESHOLD are the same story; stories are
the connected groups of such pairs. An agency story run by many papers with a sentence cut here
and a paragraph added there is one story; two stories that share a boilerplate sentence are not.

- `story_id`: the smallest article_id of the story's articles (so it never depends on row order
  or on chance; a story of one article has the article's own id).
- `copy_of`: for every article but the story's original, the original's article_id: the earliest
  published article of the story, else (no article of the story dated) the first read; missing
  for the original and for articles with no copy.

Quotes. Each quote's content is normalised the same way (for a direct quote, only the words inside
its quotation marks: narration its extent ran on into is left out, see quoted_words), and the words
that change when speech is reported ("We will go," she said / she said they would go: pronouns,
will/would, is/was ...; the list is data, lexicon/quotes/reported_speech_shifts.json) are mapped to
one class each. Quotes whose word-pair (bigram) sets reach QUOTE_THRESHOLD Jaccard similarity, or of
which one holds at least QUOTE_CONTAINMENT of the other's word pairs (a partial quote of
QUOTE_CONTAINMENT_MIN_PAIRS pairs or more), are the same words; candidates come from MinHash LSH as
for articles. Matching pairs join groups closest first, and a quote joins a group only when it
shares GROUP_OVERLAP of the shorter one's word pairs with every member, so a long quote holding two
statements joins one of them, never both into one group. Groups that span two articles or more get a
`quote_group` (the smallest "article_id/quote" among its quotes); a quote found in one article only
has none. Quotes of fewer than QUOTE_MIN_WORDS words besides the mapped ones ("a disaster", "that he
would not be running") are never grouped: such words repeat by chance; nor are a claim and its
denial (one quote negated, "never", "not", the other not).

Nothing here depends on PYTHONHASHSEED: shingles are hashed with SHA-1 (datasketch's default),
sketches use a fixed seed, and candidates are visited in sorted order and joined
closest first (ties by position).
"""
from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from newskit.extract import lexicon

# Estimated Jaccard similarity of two articles' word-shingle sets at or above which they are one
# story. Copies with a few sentences dropped or a paragraph added score 0.6-0.9; different
# stories sharing a boilerplate sentence or a long quote stay under 0.2 (docs/copies.md).
STORY_THRESHOLD = 0.5
# Words per shingle: long enough that common phrases ("said on Tuesday that the") are rare
# across stories, short enough that one edited word changes few shingles.
SHINGLE_WORDS = 5
# Jaccard similarity of two quotes' word-pair sets at or above which they are the same words.
QUOTE_THRESHOLD = 0.5
# Or: the share of the shorter quote's word pairs found in the longer one (a partial quote).
QUOTE_CONTAINMENT = 0.8
# Quotes with fewer words are never grouped, counting neither the words mapped for reported
# speech (pronouns, will/would, is/was ...): "that he would not be running" has two.
QUOTE_MIN_WORDS = 5
# Containment joins a partial quote only when the shorter quote has this many word pairs
# ("that is not the case" is inside too many longer quotes).
QUOTE_CONTAINMENT_MIN_PAIRS = 8
# Every two quotes of a group share at least this share of the shorter one's word pairs: a quote
# joins a group only when it overlaps all its members this much (GROUP_OVERLAP), so a long quote
# holding two statements never chains them into one group.
GROUP_OVERLAP = 0.5
# MinHash sketch size and seed: fixed, so every run gives the same stories.
NUM_PERM = 128
SEED = 1
# LSH buckets propose pairs from this share of the threshold on, so that pairs just above it are
# rarely missed; each proposal is then checked against the threshold itself.
CANDIDATE_SLACK = 0.6

_APOSTROPHES = re.compile(r"['\u2019\u02bc\u2018`]")
_WORD = re.compile(r"\w+")
_SHIFTS = {word: tuple(cls.split()) for word, cls in lexicon.table("quotes/reported_speech_shifts").items()
           if not word.startswith("_")}
_CLASSES = frozenset(token for tokens in _SHIFTS.values() for token in tokens)
# A claim and its denial share most words ("they conspired" / "they never conspired"): quotes are
# the same words only when both or neither hold one of these.
NEGATIONS = frozenset({"not", "never", "no", "nor", "neither", "nothing", "none"})


def words(text: str) -> list[str]:
    """Lower-case words of `text`, without punctuation, quote marks or apostrophes ("don't" is
    "dont"), after Unicode compatibility folding (so ligatures and full-width letters match)."""
    if not isinstance(text, str):
        return []
    text = unicodedata.normalize("NFKC", text).casefold()
    return _WORD.findall(_APOSTROPHES.sub("", text))


def shingles(tokens: list[str], size: int) -> list[bytes]:
    """The word n-grams of `tokens` as bytes (the whole token list when it is shorter)."""
    if not tokens:
        return []
    if len(tokens) <= size:
        return [" ".join(tokens).encode()]
    return [" ".join(tokens[i:i + size]).encode() for i in range(len(tokens) - size + 1)]


def _sketches(shingle_lists):
    """One MinHash per shingle list (all sharing one set of permutations), or None for an empty one."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=SEED)
    out = []
    for items in shingle_lists:
        if not items:
            out.append(None)
            continue
        sketch = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations,
                         scheme=template.scheme)
        sketch.update_batch(items)
        out.append(sketch)
    return out


def _similar_pairs(sketches, accept, threshold: float):
    """Pairs (i, j), i < j, proposed by LSH buckets and kept by `accept(i, j)`, in a fixed order:
    each sketch is looked up among the earlier ones before it is added."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.05, threshold * CANDIDATE_SLACK), num_perm=NUM_PERM)
    for j, sketch in enumerate(sketches):
        if sketch is None:
            continue
        for i in sorted(lsh.query(sketch)):
            if accept(i, j):
                yield i, j
        lsh.insert(j, sketch, check_duplication=False)


def _components(count: int, pairs, joinable=None) -> np.ndarray:
    """Connected components of `pairs` over 0..count-1: each item's smallest member. With
    `joinable(members, others)`, a pair joins two components only when it says yes for their
    members (lists of items), so a group grows only by items that fit all of it."""
    parent = list(range(count))
    members = {} if joinable is None else {i: [i] for i in range(count)}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = root(i), root(j)
        if a == b:
            continue
        low, high = min(a, b), max(a, b)
        if joinable is not None:
            if not joinable(members[low], members[high]):
                continue
            members[low].extend(members.pop(high))
        parent[high] = low
    return np.array([root(i) for i in range(count)], dtype=np.int64)


# -- articles -> stories ---------------------------------------------------------------------------

def find_stories(articles: pd.DataFrame, threshold: float = STORY_THRESHOLD) -> pd.DataFrame:
    """`story_id` and `copy_of` for every article (a frame on the articles' index; see the module
    doc). `threshold`: the estimated Jaccard similarity of word shingles at or above which two
    articles are the same story (default STORY_THRESHOLD)."""
    ids = articles["article_id"].astype(str).to_numpy()
    sketches = _sketches(shingles(words(text), SHINGLE_WORDS) for text in articles["text"])  # one at a time
    values = [s.hashvalues if s is not None else None for s in sketches]

    def similar(i: int, j: int) -> bool:
        return float(np.mean(values[i] == values[j])) >= threshold

    component = _components(len(ids), _similar_pairs(sketches, similar, threshold))
    frame = pd.DataFrame({"component": component, "article_id": ids, "position": np.arange(len(ids))})
    published = pd.to_datetime(articles["published"]).to_numpy() if "published" in articles.columns \
        else np.full(len(ids), np.datetime64("NaT"), dtype="datetime64[ns]")
    frame["published"] = published
    story_id = frame.groupby("component")["article_id"].transform("min")
    # the original: earliest published (undated last), then first read
    first = (frame.sort_values(["component", "published", "position"], na_position="last", kind="stable")
             .drop_duplicates("component").set_index("component")["article_id"])
    original = frame["component"].map(first)
    copy_of = original.where(original != frame["article_id"])
    return pd.DataFrame({"story_id": pd.Series(story_id.to_numpy(), index=articles.index, dtype="str"),
                         "copy_of": pd.Series(copy_of.to_numpy(), index=articles.index, dtype="str")})


def with_stories(articles: pd.DataFrame, threshold: float = STORY_THRESHOLD) -> pd.DataFrame:
    """The articles frame with `story_id` and `copy_of` (computed again if already there)."""
    found = find_stories(articles, threshold)
    out = articles.copy(deep=False)
    out["story_id"], out["copy_of"] = found["story_id"], found["copy_of"]
    out.attrs = dict(articles.attrs)
    return out


def ensure_stories(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with `story_id` / `copy_of`: as they are when they have them (a tagged or loaded
    corpus), computed now otherwise (a frame built by hand, or saved before copies existed)."""
    if "story_id" in articles.columns and (articles["story_id"].notna().all() or articles.empty):
        return articles
    return with_stories(articles)


def originals(articles: pd.DataFrame) -> pd.Series:
    """The article_ids that are no copy of another (copy_of missing): one per story."""
    articles = ensure_stories(articles)
    return articles.loc[articles["copy_of"].isna(), "article_id"]


def check_copies(copies: str) -> None:
    if copies not in ("first", "keep"):
        raise ValueError(f'copies= takes "first" (each story once) or "keep" (every copy), not {copies!r}')


STORY_COLUMNS = ["story_id", "original", "title", "n_articles", "sources", "first_published",
                 "last_published", "articles"]


def stories(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per story: story_id, original (its article_id), title (the original's), n_articles,
    sources (the distinct known sources, "; "-joined, sorted), first / last published, and
    articles (every article_id, original first, then in reading order); most copied first."""
    frame = ensure_stories(articles)
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in STORY_COLUMNS})
    source = frame["source"] if "source" in frame.columns else pd.Series(None, index=frame.index, dtype=object)
    if "agency" in frame.columns:
        source = source.where(source.notna(), frame["agency"])
    published = pd.to_datetime(frame["published"]) if "published" in frame.columns \
        else pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    work = pd.DataFrame({"story_id": frame["story_id"].astype(str).to_numpy(),
                         "article_id": frame["article_id"].astype(str).to_numpy(),
                         "is_original": frame["copy_of"].isna().to_numpy(),
                         "title": frame["title"].to_numpy() if "title" in frame.columns else None,
                         "source": source.to_numpy(), "published": published.to_numpy(),
                         "position": np.arange(len(frame))})
    work = work.sort_values(["story_id", "is_original", "position"], ascending=[True, False, True], kind="stable")
    grouped = work.groupby("story_id", sort=True)
    table = pd.DataFrame({
        "original": grouped["article_id"].first(),
        "title": grouped["title"].first(),
        "n_articles": grouped.size(),
        "sources": grouped["source"].agg(lambda s: "; ".join(sorted({v for v in s if isinstance(v, str) and v}))),
        "first_published": grouped["published"].min(),
        "last_published": grouped["published"].max(),
        "articles": grouped["article_id"].agg(list),
        "first_position": grouped["position"].min(),
    }).reset_index()
    table["sources"] = table["sources"].replace("", None)
    table = table.sort_values(["n_articles", "first_position"], ascending=[False, True], kind="stable")
    return table[STORY_COLUMNS].reset_index(drop=True)


# -- quotes repeated across articles ---------------------------------------------------------------

def quote_words(content: str) -> list[str]:
    """A quote's normalised words: `words`, with the words that change between direct and reported
    speech ("we will" / "they would") mapped to one class each."""
    out = []
    for word in words(content):
        out.extend(_SHIFTS.get(word, (word,)))
    return out


_DOUBLE_MARKS = "\"\u201c\u201d\u201e\u201f\u00ab\u00bb"
_SINGLE_MARKS = "'\u2018\u2019\u201a\u201b\u2039\u203a"
# a quote mark closes the quotation when punctuation touches it ("go," she said / "go", she said /
# "go." Then ...) or it ends the text; any other mark inside (a new quoted paragraph opening with
# its own mark, an apostrophe) does not
_CLOSING_BEFORE = frozenset(".,!?;:\u2026")
_CLOSING_AFTER = frozenset(".,!?;:)")


def quoted_words(content: str, kind: str | None = "direct") -> str:
    """The part of a direct quote's content inside its quotation marks: the narration an extent
    holds between two quoted passages ("...right." Mr Howard said voters ... He added: "I ...")
    or after the last one ("...evening." Other nominees include ...) is left out, so that two
    quotes are never matched on narration they both ran into. Contents that do not open with a
    quote mark, and quotes of other kinds (whose reported words are the statement), are returned
    as they are."""
    if not isinstance(content, str):
        return content
    text = content.strip()
    if kind not in (None, "direct") or not text or text[0] not in _DOUBLE_MARKS + _SINGLE_MARKS:
        return content
    marks = _DOUBLE_MARKS if text[0] in _DOUBLE_MARKS else _SINGLE_MARKS
    pieces, inside, start = [], True, 1
    for k in range(1, len(text)):
        if text[k] not in marks:
            continue
        if not inside:  # the next quoted passage opens
            inside, start = True, k + 1
        elif k == len(text) - 1 or text[k - 1] in _CLOSING_BEFORE or text[k + 1] in _CLOSING_AFTER:
            pieces.append(text[start:k])
            inside = False
    if inside:
        pieces.append(text[start:])
    return " ".join(pieces)


def find_quote_groups(quotes: pd.DataFrame, threshold: float = QUOTE_THRESHOLD) -> pd.Series:
    """Each quote's `quote_group` (on the quotes' index; missing for a quote found in one article
    only). See the module doc for how quotes are matched."""
    if quotes.empty:
        return pd.Series([], index=quotes.index, dtype="str")
    kinds = quotes["kind"].astype(object) if "kind" in quotes.columns else [None] * len(quotes)
    tokens = [quote_words(quoted_words(c, k)) for c, k in zip(quotes["content"], kinds)]
    pairs_of = [frozenset(shingles(t, 2)) if sum(w not in _CLASSES for w in t) >= QUOTE_MIN_WORDS else frozenset()
                for t in tokens]
    negated = [not NEGATIONS.isdisjoint(t) for t in tokens]
    # quotes with the same word pairs are one quote for matching: compared once, through the first
    # of them (a story whose every paragraph repeats one sentence would otherwise pair n x n)
    first_of: dict = {}
    same_as = [first_of.setdefault((p, n), i) if p else i for i, (p, n) in enumerate(zip(pairs_of, negated))]
    sketches = _sketches([sorted(p) if same_as[i] == i else [] for i, p in enumerate(pairs_of)])

    def overlap(i: int, j: int) -> tuple[float, float]:
        """Jaccard similarity of two quotes' word pairs, and the share of the shorter's found in the other."""
        a, b = pairs_of[i], pairs_of[j]
        shared = len(a & b)
        return shared / len(a | b), shared / min(len(a), len(b))

    def same_words(i: int, j: int) -> bool:
        if negated[i] != negated[j]:
            return False
        jaccard, contained = overlap(i, j)
        return jaccard >= threshold or (
            min(len(pairs_of[i]), len(pairs_of[j])) >= QUOTE_CONTAINMENT_MIN_PAIRS and contained >= QUOTE_CONTAINMENT)

    def joinable(members: list[int], others: list[int]) -> bool:
        # a long quote holding two statements matches each, but must not join them to each other
        return all(negated[i] == negated[j] and overlap(i, j)[1] >= GROUP_OVERLAP for i in members for j in others)

    pairs = list(_similar_pairs(sketches, same_words, threshold))
    pairs.sort(key=lambda pair: (-overlap(*pair)[0], pair))  # the closest copies join first
    component = _components(len(tokens), pairs, joinable)[same_as]
    keys = quotes["article_id"].astype(str) + "/" + quotes["quote"].astype(str)
    frame = pd.DataFrame({"component": component, "article_id": quotes["article_id"].astype(str).to_numpy(),
                          "key": keys.to_numpy(), "quote": quotes["quote"].to_numpy()})
    spread = frame.groupby("component")["article_id"].transform("nunique")
    # the group's name: its first quote by article_id, then quote number (not by text order of "12" < "2")
    first = (frame.sort_values(["component", "article_id", "quote"], kind="stable")
             .drop_duplicates("component").set_index("component")["key"])
    group = frame["component"].map(first).where(spread.to_numpy() >= 2)
    return pd.Series(group.to_numpy(), index=quotes.index).astype("str")


def with_quote_groups(quotes: pd.DataFrame, articles: pd.DataFrame,
                      threshold: float = QUOTE_THRESHOLD) -> pd.DataFrame:
    """The quotes frame with `quote_group` and `in_copy` (whether the quote's article is a copy
    of another: `copies="first"` leaves those rows out)."""
    articles = ensure_stories(articles)
    copies = set(articles.loc[articles["copy_of"].notna(), "article_id"].astype(str))
    out = quotes.copy(deep=False)
    out["quote_group"] = find_quote_groups(quotes, threshold)
    out["in_copy"] = quotes["article_id"].astype(str).isin(copies).astype(bool)
    return out


def ensure_quote_groups(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    if "quote_group" in quotes.columns and ("in_copy" in quotes.columns):
        return quotes
    return with_quote_groups(quotes, articles)


def first_only(quotes: pd.DataFrame, copies: str) -> pd.DataFrame:
    """The quote rows a `copies=` choice counts: with "first", those of articles that are no copy
    (`in_copy` false; a frame without the column counts every row); with "keep", all."""
    check_copies(copies)
    if copies == "keep" or "in_copy" not in quotes.columns:
        return quotes
    return quotes[~quotes["in_copy"].fillna(False).astype(bool)]


SPREAD_COLUMNS = ["quote_group", "speaker", "content", "first_article_id", "first_published",
                  "last_published", "span_days", "n_articles", "n_sources", "n_stories", "n_quotes"]


def quote_spread(corpus) -> pd.DataFrame:
    """Quotes repeated across articles: one row per `quote_group` (quotes of the same words in two
    articles or more, copies included: how far a quote travelled is the point).

    Returns a DataFrame with quote_group, speaker (the most common resolved speaker, ties by
    name), content (as it first appeared), first_article_id and first_published (the earliest
    published article holding it, else the first read), last_published, span_days (last minus first
    publication date, in days), n_articles, n_sources (distinct known sources or agencies; articles
    without one count for none), n_stories (distinct stories: outlets writing their own articles
    rather than copies) and n_quotes; most widely repeated first.

    >>> newskit.quote_spread(corpus).head()
    """
    articles = ensure_stories(corpus.articles)
    quotes = ensure_quote_groups(corpus.quotes, articles)
    quotes = quotes[quotes["quote_group"].notna()]
    if quotes.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SPREAD_COLUMNS})
    source = articles["source"] if "source" in articles.columns else pd.Series(None, index=articles.index)
    if "agency" in articles.columns:
        source = source.where(source.notna(), articles["agency"])
    meta = pd.DataFrame({"article_id": articles["article_id"].astype(str).to_numpy(),
                         "published": pd.to_datetime(articles["published"]).to_numpy(),
                         "source": source.to_numpy(), "story_id": articles["story_id"].astype(str).to_numpy(),
                         "position": np.arange(len(articles))})
    rows = quotes[["article_id", "quote", "quote_group", "speaker", "content"]].assign(
        article_id=lambda q: q["article_id"].astype(str)).merge(meta, on="article_id", how="left")
    rows = rows.sort_values(["quote_group", "published", "position", "quote"], na_position="last", kind="stable")
    grouped = rows.groupby("quote_group", sort=True)
    head = rows.drop_duplicates("quote_group").set_index("quote_group")  # each group's first appearance
    table = pd.DataFrame({
        "speaker": grouped["speaker"].agg(_most_common),
        "content": head["content"],
        "first_article_id": head["article_id"],
        "first_published": grouped["published"].min(),
        "last_published": grouped["published"].max(),
        "n_articles": grouped["article_id"].nunique(),
        "n_sources": grouped["source"].nunique(),
        "n_stories": grouped["story_id"].nunique(),
        "n_quotes": grouped.size(),
        "first_position": head["position"],
    }).rename_axis("quote_group").reset_index()
    table["span_days"] = (table["last_published"] - table["first_published"]).dt.days.astype("Int64")
    table = table.sort_values(["n_articles", "first_published", "first_position", "quote_group"],
                              ascending=[False, True, True, True], na_position="last", kind="stable")
    return table[SPREAD_COLUMNS].reset_index(drop=True)


def _most_common(values: pd.Series):
    counts = values.dropna().astype(str).value_counts()
    if counts.empty:
        return None
    top = counts.max()
    return sorted(counts[counts == top].index)[0]


def mark_copies(corpus, threshold: float = STORY_THRESHOLD, quote_threshold: float = QUOTE_THRESHOLD):
    """The corpus with `articles.story_id` / `copy_of` and `quotes.quote_group` / `in_copy`
    computed (again) with these thresholds; no re-tagging. tag() runs it with the defaults."""
    articles = with_stories(corpus.articles, threshold)
    quotes = with_quote_groups(corpus.quotes, articles, quote_threshold)
    return corpus.with_frames(articles=articles, quotes=quotes)
