"""newskit.explore: the explorer's panels, filters, article view and tables, without a browser
(tests/test_browser.py drives the same explorer through JupyterLab)."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

import newskit
from newskit.view.explorer.data import Filters, actor_rows

from .conftest import ROOT, read_quietly

SEED = ROOT / "seeds"


@pytest.fixture(scope="module")
def seed(seed_corpus):
    return seed_corpus


def copies(corpus: newskit.Corpus, specs: list[tuple[str, str, str]]) -> newskit.Corpus:
    """The corpus repeated once per (suffix, source, published), each copy a different article."""
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in ("articles", *newskit.corpus.FRAMES)}
    for suffix, source, published in specs:
        for name in frames:
            frame = getattr(corpus, name).assign(article_id=lambda f: f["article_id"] + suffix)
            if name == "articles":
                frame = frame.assign(source=source, published=pd.Timestamp(published))
            frame.attrs = {}  # the rejects frame in attrs would not concatenate
            frames[name].append(frame)
    return newskit.Corpus(**{name: pd.concat(parts, ignore_index=True) for name, parts in frames.items()})


def highlighted(html_text: str, css: str = "hl") -> list[str]:
    """Texts of the spans carrying the class `css` (a whole class token)."""
    return re.findall(rf'<span class="(?:[^"]* )?{css}(?: [^"]*)?"[^>]*>([^<]*)</span>', html_text)


def test_seed_antonov(seed):
    explorer = newskit.explore(seed, "Anatoly Antonov")
    quotes = explorer.quotes_frame
    assert (quotes["kind"] == "direct").sum() == 4
    assert len(quotes) == 7 and set(quotes["speaker_role"]) == {"Russian Deputy Defense Minister"}
    assert {"cue", "said_on", "speaker_text", "content", "article_id", "start", "end"} <= set(quotes.columns)
    assert "told journalists" in set(quotes["cue"])
    assert explorer.events_frame["date"].tolist() == [pd.Timestamp("2016-07-29")]
    assert explorer.cooccurring_frame["name"].iloc[0] == "Aleppo"
    assert explorer.articles_frame[["mentions", "quotes"]].values.tolist() == [[5, 7]]
    assert explorer.over_time_frame["mentions"].tolist() == [5]
    summary = dict(explorer.summary().values)
    assert summary["entity"] == "Anatoly Antonov" and summary["direct quotes"] == "4"
    assert summary["reported quotes"] == "3" and summary["filters"] == "none"
    assert repr(explorer) == "<newskit Explorer: Anatoly Antonov, 5 mentions in 1 article, 7 quotes, 1 dated event>"


def test_chooser_lists_names_by_mentions(seed):
    explorer = newskit.explore(seed)
    options = list(explorer._entity.options)
    assert explorer.entity == "Anatoly Antonov"  # the most mentioned person
    assert options[0] == "Aleppo (11 mentions)"  # the most mentioned entity
    assert "Anatoly Antonov (5 mentions)" in options and "Damascus (1 mention)" in options
    counts = [int(re.search(r"\((\d+) mentions?\)$", o)[1]) for o in options]
    assert counts == sorted(counts, reverse=True)
    assert explorer.resolve("antonov") == "Anatoly Antonov"
    assert explorer.resolve("Sergei Shoigu (3 mentions)") == "Sergei Shoigu"
    assert explorer.resolve("Russia") == "Russia"  # an exact name wins over "Russian"
    with pytest.raises(KeyError, match="did you mean"):
        explorer.select("Anatoly Antonow")


def test_selecting_shoigu_changes_every_panel(seed):
    explorer = newskit.explore(seed, "Anatoly Antonov")
    before = explorer._quotes.value
    explorer.select("Sergei Shoigu")
    assert len(explorer.quotes_frame) == 4 and not (explorer.quotes_frame["kind"] == "direct").any()
    assert explorer.events_frame["date"].tolist() == [pd.Timestamp("2016-07-28")]
    assert "Damascus" in set(explorer.cooccurring_frame["name"])
    assert explorer._quotes.value != before and "Sergei Shoigu" in explorer._quotes.value
    assert 'data-rows="4"' in explorer._quotes.value
    assert set(highlighted(explorer.article_view.html)) == {"Sergei Shoigu", "Shoigu", "He"}  # "He" said


def test_filters_change_counts(seed):
    explorer = newskit.explore(seed, "Aleppo")
    assert len(explorer.mentions_frame) == 11
    assert len(explorer.filter(paragraphs="no headlines").mentions_frame) == 9
    assert len(explorer.filter(paragraphs="headlines only").mentions_frame) == 2
    explorer.filter(paragraphs="all").select("Anatoly Antonov")
    assert len(explorer.filter(quote_kind="direct").quotes_frame) == 4
    assert len(explorer.filter(quote_kind="reported").quotes_frame) == 3
    assert len(explorer.events_frame) == 1  # its event reports an indirect quote
    assert explorer.filter(quote_kind="direct").events_frame.empty
    explorer.filter(quote_kind="all", start="2016-07-30")
    assert explorer.mentions_frame.empty and explorer.quotes_frame.empty and explorer.article_id is None
    assert explorer.filter(start=None, source="Reuters").mentions_frame.empty
    assert len(explorer.filter(source="TASS").mentions_frame) == 5
    assert dict(explorer.summary().values)["filters"] == "source TASS"
    with pytest.raises(ValueError, match="paragraphs"):
        explorer.filter(paragraphs="body")


def test_filters_across_articles(seed):
    corpus = copies(seed, [("-a", "TASS", "2016-07-29"), ("-b", "Reuters", "2016-09-01"), ("-c", "Reuters", "2017-01-15")])
    explorer = newskit.explore(corpus, "Anatoly Antonov")
    assert len(explorer.mentions_frame) == 15 and len(explorer.articles_frame) == 3
    assert (explorer.quotes_frame["kind"] == "direct").sum() == 12
    assert explorer.cooccurring_frame.loc[0, ["name", "articles"]].tolist() == ["Aleppo", 3]
    # one bar per week of the five months the dates span, empty weeks included (a true time axis)
    over = explorer.over_time_frame
    assert (over["mentions"] > 0).sum() == 3 and len(over) > 3 and over["period"].diff().dropna().nunique() == 1
    assert len(explorer.filter(source="Reuters").articles_frame) == 2
    assert len(explorer.filter(end="2016-12-31").mentions_frame) == 5
    assert explorer.article_id.endswith("-b")
    explorer.filter(source=None, start="2016-08-01", end=None)
    assert sorted(explorer.articles_frame["source"]) == ["Reuters", "Reuters"]
    assert len(explorer.events_frame) == 2


def test_widgets_drive_the_same_state(seed):
    explorer = newskit.explore(seed, "Anatoly Antonov")
    explorer._entity.value = "shoigu"  # typed into the chooser, then Enter
    assert explorer.entity == "Sergei Shoigu"
    assert explorer._entity.value == "Sergei Shoigu (3 mentions)"
    explorer._entity.value = "no such person"
    assert explorer.entity == "Sergei Shoigu" and "no entity matches" in explorer._status.value
    explorer._filter_widgets["quote_kind"].value = "according_to"
    assert explorer.filters.quote_kind == "according_to" and len(explorer.quotes_frame) == 1
    explorer._filter_widgets["source"].value = "TASS"
    assert explorer.filters.source == "TASS"
    explorer._filter_widgets["source"].value = ""
    assert explorer.filters.source is None
    explorer.filter(start="2016-07-01")
    assert str(explorer._filter_widgets["start"].value) == "2016-07-01"
    assert explorer._articles.value == explorer.article_id == seed.articles["article_id"].iloc[0]
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("<newskit Explorer: Sergei Shoigu")
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_article_view_highlights_the_entity(seed):
    explorer = newskit.explore(seed, "Anatoly Antonov")
    view = explorer.article_view.html
    assert set(highlighted(view)) == {"Anatoly Antonov", "Antonov", "he", "He"}  # mentions and speakers
    assert len(re.findall(r'class="[^"]*\bhl-quote\b', view)) >= 7
    direct = explorer.quotes_frame.query("kind == 'direct'")["content"].iloc[0]
    assert direct[1:40] in view.replace("&quot;", '"')
    plain = seed.show(explorer.article_id)
    assert not highlighted(plain.html)
    assert highlighted(seed.show(explorer.article_id, highlight="Anatoly Antonov").html)


def test_article_view_is_escaped(tmp_path, nlp):
    (tmp_path / "hostile.txt").write_text(
        "Mayor Anna Kerr <b>speaks</b>\n\nMayor Anna Kerr said <script>alert(1)</script> on Monday. "
        '"We will <img src=x onerror=alert(2)> rebuild," Kerr said.')
    corpus = newskit.tag(read_quietly(tmp_path), cache=None, model=nlp)
    explorer = newskit.explore(corpus, "Anna Kerr")
    shown = explorer._article.value + explorer._quotes.value + explorer._cooccurring.value
    assert "<script>alert" not in shown and "<img src=x" not in shown and "<b>speaks" not in shown
    assert "<script>alert(1)</script>" in html.unescape(re.sub(r"<[^>]+>", "", explorer._article.value))
    assert "Anna Kerr" in highlighted(explorer._article.value)


def test_corpus_without_entities(nlp):
    articles = pd.DataFrame({"article_id": ["a"], "text": ["nothing here at all."]})
    explorer = newskit.explore(newskit.tag(articles, cache=None, model=nlp))
    assert explorer.entity is None and explorer.summary().loc[0, "value"] == ""
    assert repr(explorer) == "<newskit Explorer: no entity>"


def test_filters_validate():
    with pytest.raises(ValueError, match="quote_kind"):
        Filters(quote_kind="said")
    assert Filters(start="2016-07-01").start == pd.Timestamp("2016-07-01")


def test_table_falls_back_to_the_frame_outside_jupyter():
    frame = pd.DataFrame({"name": ["<b>x</b>", "y"], "n": [2, 1]})
    assert newskit.table(frame) is frame


def test_interactive_table_is_offline():
    from newskit.view.table import InteractiveTable

    frame = pd.DataFrame({"name": ["<b>x</b>", "y"], "n": [2, 1]})
    first, second = InteractiveTable(frame)._repr_mimebundle_(), InteractiveTable(frame)._repr_mimebundle_()
    html_text = second["text/html"]
    assert "&lt;b&gt;x&lt;/b&gt;" in html_text and "<b>x</b>" not in html_text
    assert len(first["text/html"]) > 500_000 > len(html_text)  # the bundle comes once, inline
    assert not re.search(r"""(src|href)=["']?https?://[^"' >]*\.js|from ['"]https?://""", first["text/html"])
    assert second["text/plain"] == repr(frame)


def test_events_are_found_under_each_actor():
    events = pd.DataFrame({"article_id": ["a", "a", "b"], "who": ["Antonov; Russia", None, "Sergei Shoigu; Antonov"]})
    rows = actor_rows(events, {("a", "Antonov"): "Anatoly Antonov", ("b", "Antonov"): "Anatoly Antonov"})
    assert {name: list(r) for name, r in rows.items()} == {
        "Anatoly Antonov": [0, 2], "Russia": [0], "Sergei Shoigu": [2]}


def test_the_mentions_over_time_chart_has_a_true_time_axis():
    from newskit.view.explorer.data import over_time

    frame = pd.DataFrame({"published": pd.to_datetime(["2011-01-10", "2011-01-12", "2016-06-01"])})
    table = over_time(frame)
    assert table["period"].is_monotonic_increasing and table["mentions"].sum() == 3
    assert len(table) > 60 and (table["mentions"] == 0).sum() == len(table) - 2  # the years between show


def test_panels_carry_their_whole_table_as_a_csv_download():
    import base64

    from newskit.view.explorer.panels import panel_html

    frame = pd.DataFrame({"content": [f"quote <{i}>" for i in range(80)]})
    page = panel_html("Quotes", frame, "nk-quotes", max_rows=10)
    link = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', page)
    assert link and 'download="nk-quotes.csv"' in page
    assert base64.b64decode(link.group(1)).decode().count("quote <") == 80  # all rows, not the 10 shown
    assert "download" not in panel_html("Quotes", frame.iloc[:0], "nk-quotes")
