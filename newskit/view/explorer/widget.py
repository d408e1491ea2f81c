"""newskit.explore(corpus): pick an entity in JupyterLab and see its mentions, quotes, dated events,
companions and articles, all narrowed by the same filters (ipywidgets over the in-memory frames)."""
from __future__ import annotations

import difflib
import itertools
import uuid
from datetime import date

import ipywidgets as widgets
import pandas as pd

from newskit.view.explorer.data import PARAGRAPHS, QUOTE_KINDS, ExploreIndex, Filters, over_time
from newskit.view.explorer.panels import PANEL_STYLE, article_option, mentions_chart, panel_html
from newskit.view.show import ArticleView, render_article

_UNSET = object()
MAX_ARTICLES = 200  # articles listed in the widget, most mentions first
# widget ids from a counter, so that a notebook run from a fresh kernel stores the same outputs
_MODEL_IDS = itertools.count(1)


def _model_id() -> str:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"newskit-explorer/{next(_MODEL_IDS)}").hex


class Explorer:
    """One entity at a time: every panel of `newskit.explore`, as widgets and as frames.

    State for code and tests: `entity`, `filters`, `mentions_frame`, `articles_frame`,
    `over_time_frame`, `quotes_frame`, `events_frame`, `cooccurring_frame`, `article_id`,
    `article_view`, `summary()`. Change it with `select(name)`, `filter(...)`, `open_article(id)`;
    the widgets follow, and the widgets' own changes call the same methods.
    """

    def __init__(self, corpus, entity: str | None = None, *, index: ExploreIndex | None = None,
                 max_options: int = 5000) -> None:
        self.corpus = corpus
        self.index = index if index is not None else ExploreIndex(corpus)
        self.filters = Filters()
        self.entity: str | None = None
        self.article_id: str | None = None
        self.article_view: ArticleView | None = None
        self._syncing = False
        self._compute("")  # empty frames with every column until an entity is chosen
        self._build(max_options)
        first = entity if entity is not None else self.index.default_entity()
        if first is not None:
            self.select(first)
        else:
            self._status.value = "<i>no named entities in this corpus</i>"

    # --- state ---------------------------------------------------------------------------------

    def select(self, name: str) -> Explorer:
        """Show `name` (a canonical entity name, or a chooser option "Name (N mentions)")."""
        resolved = self.resolve(name)
        if resolved is None:
            close = difflib.get_close_matches(name, self.index.names(), n=3)
            raise KeyError(f"no entity named {name!r} in this corpus" + (f"; did you mean {close}?" if close else ""))
        self.entity = resolved
        self._sync(self._entity, self._option_of(resolved))
        self.update()
        return self

    def resolve(self, text: str) -> str | None:
        """The entity meant by chooser text: an option, a name (any case), else the most mentioned
        entity that any part of a name or a written form matches ("pelosi", "Mr Blair", "FBI")."""
        text = text.strip()
        choices = self.index.choices
        for column in ("option", "name"):
            exact = choices.loc[choices[column].str.casefold() == text.casefold(), "name"]
            if len(exact):
                return str(exact.iloc[0])
        found = self.index.search(text)
        return found[0] if found else None

    def filter(self, *, start=_UNSET, end=_UNSET, source=_UNSET, paragraphs=_UNSET, quote_kind=_UNSET,
               text=_UNSET) -> Explorer:
        """Narrow every panel: publication dates (start, end; None: open), source (None: all),
        paragraphs ("all", "no headlines", "headlines only"), quote_kind ("all", "direct",
        "reported", "indirect", "according_to", "mixed"), text (articles containing a word or
        phrase, as newskit.search finds it; None or "": any). Arguments left out stay as they are."""
        given = {k: v for k, v in dict(start=start, end=end, source=source, paragraphs=paragraphs,
                                       quote_kind=quote_kind, text=text).items() if v is not _UNSET}
        if "text" in given:
            given["text"] = " ".join(str(given["text"] or "").split()) or None
        current = {k: getattr(self.filters, k) for k in ("start", "end", "source", "paragraphs", "quote_kind", "text")}
        self.filters = Filters(**{**current, **given})
        for key, widget in self._filter_widgets.items():
            value = getattr(self.filters, key)
            value = value.date() if isinstance(value, pd.Timestamp) else "" if key in ("source", "text") and value is None else value
            if value in getattr(widget, "_options_values", (value,)):
                self._sync(widget, value)  # (a source the corpus does not have has no entry to show)
        self.update()
        return self

    def open_article(self, article_id: str) -> Explorer:
        """Show one article with the chosen entity's mentions and quotes highlighted."""
        self.article_id = article_id
        self._sync(self._articles, article_id if article_id in self._articles_ids() else None)
        self.article_view = render_article(self.index.article_corpus(article_id), article_id, highlight=self._aliases())
        self._article.value = self.article_view.html
        return self

    def update(self) -> Explorer:
        """Recompute every panel for the current entity and filters, and redraw the widgets."""
        if self.entity is None:
            return self
        self._compute(self.entity)
        self._draw()
        return self

    def _compute(self, name: str) -> None:
        filters, index = self.filters, self.index
        self.mentions_frame = index.mentions_of(name, filters)
        self.quotes_frame = index.quotes_of(name, filters)
        self.events_frame = index.events_of(name, filters)
        self.cooccurring_frame = index.cooccurring_with(name, filters)
        self.articles_frame = index.per_article(self.mentions_frame, self.quotes_frame)
        self.over_time_frame = over_time(self.mentions_frame)

    def summary(self) -> pd.DataFrame:
        """What the explorer shows now, as a small two-column table."""
        kinds = self.quotes_frame["kind"].astype(str)
        rows = [
            ("entity", self.entity or ""),
            ("filters", self._describe_filters()),
            ("mentions", len(self.mentions_frame)),
            ("articles", len(self.articles_frame)),
            ("direct quotes", int((kinds == "direct").sum())),
            ("reported quotes", int((kinds != "direct").sum())),
            ("dated events", len(self.events_frame)),
            ("named most with", ", ".join(self.cooccurring_frame["name"].head(3))),
            ("article shown", self.article_id or ""),
        ]
        return pd.DataFrame(rows, columns=["what", "value"]).astype({"value": "str"})

    def __repr__(self) -> str:
        if self.entity is None:
            return "<newskit Explorer: no entity>"
        counts = (_count(len(self.mentions_frame), "mention"), _count(len(self.articles_frame), "article"),
                  _count(len(self.quotes_frame), "quote"), _count(len(self.events_frame), "dated event"))
        return "<newskit Explorer: {}, {} in {}, {}, {}>".format(self.entity, *counts)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = repr(self)
        return bundle

    # --- widgets -------------------------------------------------------------------------------

    def _build(self, max_options: int) -> None:
        choices = self.index.choices
        self._entity = widgets.Combobox(
            options=choices["option"].head(max_options).tolist(), placeholder="type a name, then Enter",
            description="Entity", ensure_option=False, continuous_update=False,
            layout=widgets.Layout(width="28em")).add_class("nk-entity")
        self._status = widgets.HTML().add_class("nk-status")
        undated = self.index.articles["published"].isna().all()  # nothing for the date pickers to do
        sources = sorted(self.index.articles["source"].dropna().unique())
        self._filter_widgets = {
            "start": widgets.DatePicker(description="From", disabled=bool(undated), layout=_narrow("17em")),
            "end": widgets.DatePicker(description="To", disabled=bool(undated), layout=_narrow("17em")),
            "source": widgets.Dropdown(options=[("all sources", ""), *((s, s) for s in sources)],
                                       description="Source", layout=_narrow("16em")),
            "paragraphs": widgets.Dropdown(options=list(PARAGRAPHS), description="Paragraphs", layout=_narrow("17em")),
            "quote_kind": widgets.Dropdown(options=list(QUOTE_KINDS), description="Quotes", layout=_narrow("15em")),
            "text": widgets.Text(description="Text", placeholder="articles with a phrase, then Enter",
                                 continuous_update=False, layout=_narrow("22em")),
        }
        self._chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%")).add_class("nk-chart")
        self._cooccurring = widgets.HTML().add_class("nk-cooccurring-panel")
        self._quotes = widgets.HTML().add_class("nk-quotes-panel")
        self._events = widgets.HTML().add_class("nk-events-panel")
        self._articles = widgets.Select(options=[], rows=6, layout=widgets.Layout(width="98%")).add_class("nk-articles")
        self._article = widgets.HTML(layout=widgets.Layout(max_height="40em", overflow="auto")).add_class("nk-article-view")
        self.widget = widgets.VBox([
            widgets.HTML(PANEL_STYLE),
            widgets.HBox([self._entity, self._status]),
            widgets.HBox(list(self._filter_widgets.values()), layout=widgets.Layout(flex_flow="row wrap")),
            widgets.HBox([self._chart, widgets.Box([self._cooccurring], layout=_narrow("26em"))]),
            widgets.HBox([
                widgets.VBox([self._quotes, self._events], layout=_narrow("56%")),
                widgets.VBox([widgets.HTML("<b>Articles</b> (click one to read it)"), self._articles, self._article],
                             layout=_narrow("44%")),
            ]),
        ], model_id=_model_id()).add_class("nk-explorer")
        self._entity.observe(self._on_entity, names="value")
        for key, widget in self._filter_widgets.items():
            widget.observe(lambda change, key=key: self._on_filter(key, change["new"]), names="value")
        self._articles.observe(self._on_article, names="value")

    def _draw(self) -> None:
        name = self.entity
        self._status.value = (f"<b>{_count(len(self.mentions_frame), 'mention')}</b> in "
                              f"<b>{_count(len(self.articles_frame), 'article')}</b>")
        self._chart.value = mentions_chart(self.over_time_frame, self.articles_frame, name)
        quotes = self.quotes_frame[["published", "kind", "cue", "speaker_text", "speaker_role", "said_on", "content", "also_in"]]
        self._quotes.value = panel_html(f"Quotes of {name}", quotes.rename(columns={
            "speaker_text": "as", "speaker_role": "role", "also_in": "also in (articles)"}), "nk-quotes")
        events = self.events_frame[["date", "precision", "timex", "what", "who", "quote_kind"]]
        self._events.value = panel_html(f"Dated events with {name}", events, "nk-events")
        self._cooccurring.value = panel_html("Named in the same sentences", self.cooccurring_frame,
                                             "nk-cooccurring", max_rows=15)
        listed = self.articles_frame.head(MAX_ARTICLES)  # (all of them are in articles_frame)
        options = [(article_option(row), row.article_id) for row in listed.itertuples(index=False)]
        self._sync(self._articles, None, options=options)
        ids = self._articles_ids()
        if ids:
            self.open_article(self.article_id if self.article_id in ids else ids[0])
        else:
            self.article_id, self.article_view = None, None
            self._article.value = '<p class="nk-note">no article under these filters</p>'

    def _articles_ids(self) -> list[str]:
        return [value for _, value in self._articles.options]

    def _aliases(self) -> list[str]:
        return self.index.aliases.get(self.entity, [self.entity]) if self.entity else []

    def _option_of(self, name: str) -> str:
        rows = self.index.choices.loc[self.index.choices["name"] == name, "option"]
        return str(rows.iloc[0]) if len(rows) else name

    def _sync(self, widget, value, options=None) -> None:
        """Set a widget without its observer acting on the change."""
        self._syncing = True
        try:
            if options is not None:
                widget.options = options
            widget.value = value
        finally:
            self._syncing = False

    def _on_entity(self, change) -> None:
        if self._syncing:
            return
        resolved = self.resolve(change["new"] or "")
        if resolved is None:
            self._status.value = "<i>no entity matches that; type more of the name</i>"
        else:
            self.select(resolved)

    def _on_filter(self, key: str, value) -> None:
        if not self._syncing:
            self.filter(**{key: pd.Timestamp(value) if isinstance(value, date) else value or None
                           if key in ("source", "text") else value})

    def _on_article(self, change) -> None:
        if not self._syncing and change["new"]:
            self.open_article(change["new"])

    def _describe_filters(self) -> str:
        f = self.filters
        parts = [f"from {f.start:%Y-%m-%d}" if f.start is not None else "",
                 f"to {f.end:%Y-%m-%d}" if f.end is not None else "",
                 f"source {f.source}" if f.source else "",
                 f"paragraphs: {f.paragraphs}" if f.paragraphs != "all" else "",
                 f"quotes: {f.quote_kind}" if f.quote_kind != "all" else "",
                 f'text: "{f.text}"' if f.text else ""]
        return "; ".join(p for p in parts if p) or "none"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _narrow(width: str) -> widgets.Layout:
    return widgets.Layout(width=width)


def explore(corpus, entity: str | None = None, **options) -> Explorer:
    """An interactive explorer of one entity at a time (default: the most mentioned person, else the
    most mentioned entity); see Explorer."""
    return Explorer(corpus, entity, **options)


__all__ = ["ArticleView", "Explorer", "explore"]
