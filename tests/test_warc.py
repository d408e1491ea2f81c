"""Web archives: WARC and ARC files read record by record into articles, with rejects for the rest.

Every fixture is written here, with FastWARC's writer, from short fictional pages.
"""
from __future__ import annotations

import gzip
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pytest

import newskit
from newskit.read.articles import ARTICLE_COLUMNS, MAX_REJECTS_PER_FILE
from newskit.read.formats import archives

from .conftest import ROOT, assert_spans_point_into_text, read_quietly

fastwarc = pytest.importorskip("fastwarc")
from fastwarc import GzipWriter, WarcRecord, WarcRecordType  # noqa: E402

WARC_DATE = "2024-03-05T10:11:12Z"

STORY = """<!doctype html>
<html lang="en"><head><title>{title} | Brindle Bay Courier</title>
<meta property="article:published_time" content="{published}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<time datetime="{published}">{published}</time>
{paragraphs}
</article>
<footer>Copyright Brindle Bay Courier. All rights reserved. Cookie settings.</footer>
</body></html>"""

ENGLISH = [
    "The Brindle Bay council on Tuesday approved a plan to rebuild the old harbour wall, which was "
    "damaged in the winter storms, at a cost of 4 million euros over three years.",
    "\"We have waited far too long for this,\" Mayor Anna Kerr told reporters outside the town hall. "
    "She said work would start in the spring and that the fishing fleet would keep its berths.",
    "Harbour Master Tomas Reval said the wall had protected the town for more than a century and "
    "that the new design would cope with higher seas. The opposition asked for an independent review.",
]
GERMAN = [
    "Der Stadtrat von Kestova hat am Dienstag beschlossen, die alte Hafenmauer für vier Millionen Euro "
    "neu zu bauen. Die Arbeiten sollen im Frühjahr beginnen und drei Jahre dauern.",
    "\"Wir haben viel zu lange darauf gewartet\", sagte Bürgermeisterin Anna Kerr vor dem Rathaus. "
    "Die Fischer sollen ihre Liegeplätze während der Bauarbeiten behalten.",
    "Die Opposition verlangte eine unabhängige Prüfung der Kosten und der Pläne für den Hafen.",
]

FRENCH = [
    "Le conseil municipal de Kestova a approuvé mardi la reconstruction de la vieille digue du port, "
    "abîmée par les tempêtes de l'hiver, pour un coût de quatre millions d'euros sur trois ans.",
    "\"Nous avons attendu beaucoup trop longtemps\", a déclaré la maire Anna Kerr devant l'hôtel de ville. "
    "Les pêcheurs garderont leurs places à quai pendant toute la durée des travaux.",
    "L'opposition a réclamé un examen indépendant des coûts et des plans prévus pour le port.",
]


def page(title: str, paragraphs: list[str], published: str = "2024-03-04") -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return STORY.format(title=title, published=published, paragraphs=body).encode("utf-8")


def http(body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8",
         extra: str = "") -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode("ascii") + body


def record(kind: WarcRecordType, uri: str, block: bytes, msgtype: str | None = "response",
           date: str = WARC_DATE, headers: dict | None = None) -> WarcRecord:
    warc = WarcRecord()
    warc.init_headers(kind)
    warc.headers["WARC-Target-URI"] = uri
    warc.headers["WARC-Date"] = date
    warc.headers["Content-Type"] = f"application/http; msgtype={msgtype}" if msgtype else "application/warc-fields"
    for name, value in (headers or {}).items():
        warc.headers[name] = value
    warc.set_bytes_content(block)
    return warc


def write_warc(path: Path, records: list[WarcRecord]) -> list[int]:
    """Write records to .warc or .warc.gz (one gzip member per record, as crawlers do); their offsets."""
    offsets = []
    with open(path, "wb") as out:
        if path.suffix == ".gz":
            writer = GzipWriter(out)
            for item in records:
                offsets.append(out.tell())
                item.write(writer)
                writer.finish()
                writer.flush()
            writer.close()
        else:
            for item in records:
                offsets.append(out.tell())
                item.write(out)
    return offsets


def news(i: int, title: str | None = None) -> WarcRecord:
    title = title or f"Brindle Bay council approves harbour plan number {i}"
    paragraphs = [ENGLISH[0].replace("4 million", f"{i + 4} million"), *ENGLISH[1:]]
    return record(WarcRecordType.response, f"https://courier.example/news/{i}", http(page(title, paragraphs)))


def mixed_records() -> list[WarcRecord]:
    """One record of every kind the reader meets, in the order a crawler writes them."""
    english = page("Brindle Bay council approves harbour plan", ENGLISH)
    return [
        record(WarcRecordType.warcinfo, "", b"software: newskit-tests\r\n", msgtype=None),
        record(WarcRecordType.request, "https://courier.example/news/harbour",
               b"GET /news/harbour HTTP/1.1\r\nHost: courier.example\r\n\r\n", msgtype="request"),
        record(WarcRecordType.response, "https://courier.example/news/harbour", http(english)),
        record(WarcRecordType.metadata, "https://courier.example/news/harbour", b"fetchTimeMs: 120\r\n", msgtype=None),
        record(WarcRecordType.response, "https://kurier.example/hafen",
               http(page("Hafenmauer wird neu gebaut", GERMAN), content_type="text/html; charset=utf-8")),
        record(WarcRecordType.response, "https://courier.example/report.pdf",
               http(b"%PDF-1.4\n" + b"0" * 2000, content_type="application/pdf")),
        record(WarcRecordType.response, "https://courier.example/logo.png",
               http(b"\x89PNG\r\n\x1a\n" + b"\0" * 500, content_type="image/png")),
        record(WarcRecordType.response, "https://courier.example/missing",
               http(page("Not found", ["The page you asked for does not exist."]), status="404 Not Found")),
        record(WarcRecordType.response, "https://courier.example/old",
               http(b"", status="301 Moved Permanently", extra="Location: https://courier.example/new\r\n")),
        record(WarcRecordType.response, "https://courier.example/cookies",
               http(page("Cookie settings", ["We use cookies to improve your experience. Accept all or manage settings."]))),
        record(WarcRecordType.revisit, "https://courier.example/news/harbour",
               b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
               headers={"WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                        "WARC-Refers-To-Target-URI": "https://courier.example/news/harbour"}),
    ]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    return path, write_warc(path, mixed_records())


@pytest.fixture(scope="module")
def crawl_read(crawl) -> pd.DataFrame:
    return read_quietly(crawl[0])


def reasons(articles: pd.DataFrame) -> dict[str, str]:
    frame = newskit.rejects(articles)
    return dict(zip(frame["path"], frame["reason"]))


# --- what is kept -------------------------------------------------------------------------------


def test_one_english_news_page_is_read_with_its_record_metadata(crawl, crawl_read):
    path, offsets = crawl
    assert list(crawl_read.columns) == ARTICLE_COLUMNS
    assert len(crawl_read) == 1
    row = crawl_read.iloc[0]
    assert row["path"] == f"{path}#{offsets[2]}"
    assert row["url"] == "https://courier.example/news/harbour"
    assert row["fetched"] == pd.Timestamp("2024-03-05 10:11:12")
    assert row["published"] == pd.Timestamp("2024-03-04") and row["published_from"] == "metadata"
    assert row["title"] == "Brindle Bay council approves harbour plan"
    assert row["format"] == "warc" and row["language"] == "en" and row["encoding"] == "utf-8"
    # the text is the story: no navigation, footer or markup
    assert "Mayor Anna Kerr" in row["text"] and "Harbour Master Tomas Reval" in row["text"]
    for chrome in ("Home", "Sport", "Copyright", "Cookie settings", "<p>", "&quot;"):
        assert chrome not in row["text"], chrome
    assert row["layout"].split()[0] == "title" and row["n_words"] > 80
    assert str(crawl_read["fetched"].dtype).startswith("datetime64")


def test_rejects_name_the_record_and_the_reason(crawl, crawl_read):
    path, offsets = crawl
    found = reasons(crawl_read)
    at = {i: found.get(f"{path}#{offset}", "") for i, offset in enumerate(offsets)}
    assert "language is de" in at[4] and "not en" in at[4]
    assert "not an HTML page (application/pdf)" in at[5]
    assert "not an HTML page (image/png)" in at[6]
    assert "HTTP status 404" in at[7]
    assert "HTTP status 301 to https://courier.example/new" in at[8]
    assert "boilerplate only" in at[9]
    # warcinfo, request, metadata and revisit records hold no page: no reject row of their own ...
    for skipped in (0, 1, 3, 10):
        assert at[skipped] == "", skipped
    # ... but the file's summary counts them, with the rejects by kind
    summary = found[str(path)]
    assert summary.startswith("web archive summary: 11 records, 1 articles read; 6 rejected")
    for part in ("2 not HTML", "2 HTTP status not 200", "1 other language", "1 boilerplate only",
                 "4 records skipped as not pages", "1 request", "1 revisit", "1 metadata", "1 warcinfo"):
        assert part in summary, part


def test_other_languages_are_kept_on_request(crawl):
    both = read_quietly(crawl[0], language=["en", "de"])
    assert sorted(both["language"]) == ["de", "en"]
    anything = read_quietly(crawl[0], language="any")
    assert sorted(anything["language"]) == ["de", "en"]
    unchecked = read_quietly(crawl[0], language=None)
    assert len(unchecked) == 2 and unchecked["language"].isna().all()
    german = both[both["language"] == "de"].iloc[0]
    assert german["title"] == "Hafenmauer wird neu gebaut" and "Bürgermeisterin" in german["text"]
    with pytest.raises(ValueError, match="language="):
        newskit.read_articles(crawl[0], language="english")


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> Path:
    """An English and a French page, in that order."""
    path = tmp_path_factory.mktemp("warc") / "bilingual.warc.gz"
    write_warc(path, [
        record(WarcRecordType.response, "https://courier.example/news/harbour",
               http(page("Brindle Bay council approves harbour plan", ENGLISH))),
        record(WarcRecordType.response, "https://courrier.example/port",
               http(page("La digue du port sera reconstruite", FRENCH))),
    ])
    return path


def test_a_french_page_is_kept_with_language_fr_and_rejected_by_default(bilingual):
    english_only = read_quietly(bilingual)
    assert list(english_only["language"]) == ["en"]
    assert any("language is fr" in reason and "not en" in reason for reason in reasons(english_only).values())
    french = read_quietly(bilingual, language="fr")
    assert list(french["language"]) == ["fr"] and french["title"].iloc[0] == "La digue du port sera reconstruite"
    assert any("language is en" in reason and "not fr" in reason for reason in reasons(french).values())
    both = read_quietly(bilingual, language=["fr", "en"])
    assert list(both["language"]) == ["en", "fr"]
    assert len(read_quietly(bilingual, language="any")) == 2


def test_the_english_fast_path_is_taken_only_when_english_is_wanted(bilingual, monkeypatch):
    asked = []
    identify = archives.identify_language
    monkeypatch.setattr(archives, "identify_language",
                        lambda text, english_fast_path=True: asked.append(english_fast_path) or identify(text, english_fast_path))
    read_quietly(bilingual, language="fr")
    read_quietly(bilingual, language="any")
    assert asked == [False] * 4
    read_quietly(bilingual, language=["en", "fr"])
    assert asked[4:] == [True, True]
    # without the fast path the identifier decides: English prose still comes out English
    guess, probability = archives.identify_language(" ".join(ENGLISH), english_fast_path=False)
    assert guess == "en" and probability != 0.99


def test_the_cli_takes_language(bilingual, capsys):
    from newskit import cli

    assert cli.main(["read", str(bilingual)]) == 0
    default = capsys.readouterr().out
    assert "loaded 1 articles" in default and "language is fr" in default
    assert cli.main(["read", str(bilingual), "--language", "fr"]) == 0
    french = capsys.readouterr().out
    assert "loaded 1 articles" in french and "language is en" in french
    for value in ("en,fr", "any", "none"):
        assert cli.main(["read", str(bilingual), "--language", value]) == 0
        assert "loaded 2 articles" in capsys.readouterr().out, value
    assert cli.main(["read", str(bilingual), "--language", "english"]) == 2
    assert "language=" in capsys.readouterr().err


@pytest.mark.filterwarnings("ignore")  # the rejected English page is reported in a warning
def test_analyze_passes_language_on(bilingual, nlp):
    corpus = newskit.analyze(bilingual, language="fr", cache=None, model=nlp, progress=False)
    assert list(corpus.articles["language"]) == ["fr"]


def test_plain_warc_arc_folders_and_globs(tmp_path, crawl_read):
    folder = tmp_path / "archives"
    folder.mkdir()
    write_warc(folder / "a.warc", [news(1)])
    write_warc(folder / "b.warc.gz", [news(2), news(3)])
    (folder / "c.arc").write_bytes(arc_file([("https://courier.example/news/4", http(news_page(4)))]))
    # one gzip member per record, as ARC (and WARC) files are written
    (folder / "d.arc.gz").write_bytes(b"".join(gzip.compress(part) for part in arc_records(
        [("https://courier.example/news/5", http(news_page(5)))])))
    from_folder = read_quietly(folder)
    assert newskit.rejects(from_folder).empty
    assert [p.split("/")[-1].split("#")[0] for p in from_folder["path"]] == [
        "a.warc", "b.warc.gz", "b.warc.gz", "c.arc", "d.arc.gz"]
    assert list(from_folder["format"]) == ["warc", "warc", "warc", "arc", "arc"]
    assert from_folder["url"].str.startswith("https://courier.example/news/").all()
    assert (from_folder["fetched"] == pd.Timestamp("2024-03-05 10:11:12")).all()
    assert from_folder["published"].notna().all()
    assert all(text.strip() and "<" not in text for text in from_folder["text"])
    globbed = read_quietly(str(folder / "*.warc*"))
    pd.testing.assert_frame_equal(globbed, from_folder.iloc[:3])
    # the same page in two files: the second is a duplicate, as for any input
    write_warc(folder / "e.warc", [news(1)])
    again = read_quietly(folder)
    assert len(again) == 5 and "duplicate of" in reasons(again)[f"{folder / 'e.warc'}#0"]


def test_article_ids_come_from_the_content(tmp_path):
    write_warc(tmp_path / "one.warc", [news(1), news(2)])
    write_warc(tmp_path / "two.warc.gz", [news(2)])
    one, two = read_quietly(tmp_path / "one.warc"), read_quietly(tmp_path / "two.warc.gz")
    assert one["article_id"].iloc[1] == two["article_id"].iloc[0]


def test_tagged_archive_pages_keep_the_span_contract(tmp_path, nlp):
    write_warc(tmp_path / "crawl.warc.gz", [news(1), news(2)])
    corpus = newskit.tag(read_quietly(tmp_path / "crawl.warc.gz"), cache=None, model=nlp)
    assert len(corpus.articles) == 2 and len(corpus.quotes) >= 2
    assert_spans_point_into_text(corpus)


# --- broken files -------------------------------------------------------------------------------


def test_a_truncated_gzip_member_is_a_reject_and_earlier_records_load(tmp_path):
    path = tmp_path / "cut.warc.gz"
    offsets = write_warc(path, [news(1), news(2), news(3)])
    data = path.read_bytes()
    for cut, name in ((len(data) - 30, "end"), (offsets[2] + 40, "header")):
        broken = tmp_path / f"cut_{name}.warc.gz"
        broken.write_bytes(data[:cut])
        articles = read_quietly(broken)
        assert len(articles) == 2, name
        reason = reasons(articles)[f"{broken}#{offsets[2]}"]
        assert "truncated" in reason and "records before it were read" in reason, name


def test_a_truncated_plain_warc_and_garbage_are_rejects(tmp_path):
    path = tmp_path / "cut.warc"
    offsets = write_warc(path, [news(1), news(2)])
    data = path.read_bytes()
    cut = tmp_path / "cut_body.warc"
    cut.write_bytes(data[:-200])
    articles = read_quietly(cut)
    assert len(articles) == 1 and "truncated record" in reasons(articles)[f"{cut}#{offsets[1]}"]
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(data[:offsets[1]] + b"this is not a WARC record\r\n\r\n" + data[offsets[1]:])
    articles = read_quietly(garbage)
    assert len(articles) == 1
    assert "broken web archive after the record at offset 0" in reasons(articles)[f"{garbage}#0"]
    for name, content in (("empty.warc", b""), ("text.warc.gz", gzip.compress(b"hello\n")),
                          ("notgzip.warc.gz", b"hello"), ("text.arc", b"hello world\n")):
        (tmp_path / name).write_bytes(content)
        rejected = reasons(read_quietly(tmp_path / name))
        assert len(rejected) == 1, (name, rejected)


def test_errors_raise_stops_at_the_first_rejected_record(crawl):
    with pytest.raises(newskit.NewskitInputError, match="language is de"):
        newskit.read_articles(crawl[0], errors="raise")


def test_pages_over_the_size_limit_are_rejected_unread(tmp_path):
    path = tmp_path / "big.warc"
    write_warc(path, [news(1), news(2)])
    articles = read_quietly(path, max_bytes=1000)
    assert articles.empty and all("over the" in reason for reason in reasons(articles).values()
                                  if "summary" not in reason)


def test_reject_rows_per_archive_are_bounded(tmp_path):
    path = tmp_path / "images.warc.gz"
    image = http(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, content_type="image/png")
    write_warc(path, [record(WarcRecordType.response, f"https://x.example/{i}.png", image) for i in range(60)]
               + [news(1)])
    articles = read_quietly(path)
    assert len(articles) == 1
    rows = newskit.rejects(articles)
    assert len(rows) == MAX_REJECTS_PER_FILE + 1
    assert rows["reason"].iloc[-1].startswith("web archive summary: 61 records, 1 articles read; 60 rejected")
    assert f"and {60 - MAX_REJECTS_PER_FILE:,} more rejected records" in rows["reason"].iloc[-1]


# --- streaming ------------------------------------------------------------------------------------


def test_memory_stays_flat_as_the_archive_grows(tmp_path):
    """Big non-HTML records are never read into memory, and pages are read one at a time: the peak
    of Python allocations is the same for a file 4x as large."""
    blob = http(b"%PDF-1.4\n" + bytes(range(256)) * 1024, content_type="application/pdf")  # 256 KB
    for count in (10, 40):
        write_warc(tmp_path / f"n{count}.warc", [item for i in range(count)
                                                 for item in (record(WarcRecordType.response, f"https://x.example/{i}.pdf", blob),
                                                              news(i))])
    script = textwrap.dedent(f"""
        import tracemalloc, warnings
        warnings.simplefilter("ignore")
        import newskit, trafilatura
        newskit.read_articles({str(tmp_path / 'n10.warc')!r})  # loads the language model, warms caches
        peaks = []
        for count in (10, 40):
            tracemalloc.start()
            frame = newskit.read_articles({str(tmp_path)!r} + f"/n{{count}}.warc")
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
            assert len(frame) == count, len(frame)
        print(peaks[0], peaks[1])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    small, large = map(int, out.stdout.split())
    size_growth = (tmp_path / "n40.warc").stat().st_size - (tmp_path / "n10.warc").stat().st_size
    assert size_growth > 7_000_000
    assert large - small < 0.1 * size_growth, (small, large)


# --- ARC --------------------------------------------------------------------------------------------


def news_page(i: int) -> bytes:
    return page(f"Brindle Bay council approves harbour plan number {i}",
                [ENGLISH[0].replace("4 million", f"{i + 4} million"), *ENGLISH[1:]])


def arc_records(pages: list[tuple[str, bytes]]) -> list[bytes]:
    """The records of an ARC v1 file (no library writes ARC): the file header, then one per page."""
    desc = b"1 0 Newskit tests\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [b"filedesc://tests.arc 0.0.0.0 20240305101112 text/plain %d\n%s\n" % (len(desc), desc)]
    for url, block in pages:
        out.append(b"%s 192.0.2.1 20240305101112 text/html %d\n%s\n" % (url.encode(), len(block), block))
    return out


def arc_file(pages: list[tuple[str, bytes]]) -> bytes:
    return b"".join(arc_records(pages))


# --- Dask ------------------------------------------------------------------------------------------


@pytest.mark.slow  # a Dask LocalCluster
def test_dask_reads_one_archive_per_task_and_gives_the_local_frame(tmp_path):
    distributed = pytest.importorskip("distributed")
    folder = tmp_path / "inputs"
    folder.mkdir()
    write_warc(folder / "a.warc.gz", mixed_records())
    write_warc(folder / "b.warc", [news(1), news(2), news(1)])  # the third: a duplicate
    (folder / "c.txt").write_text("Kestova opens a new bridge\n\nKESTOVA, March 3. The bridge opened on Monday.\n")
    write_warc(folder / "d.warc.gz", [news(3)])
    local = read_quietly(folder)
    cluster = None
    try:
        cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                           host="127.0.0.1", dashboard_address="127.0.0.1:0")
        submitted = []
        real_submit = distributed.Client.submit

        def counting_submit(self, function, *args, **kwargs):
            submitted.append(args[0].path.name)
            return real_submit(self, function, *args, **kwargs)

        distributed.Client.submit = counting_submit
        try:
            remote = read_quietly(folder, scheduler=cluster.scheduler_address)
        finally:
            distributed.Client.submit = real_submit
        assert sorted(submitted) == ["a.warc.gz", "b.warc", "d.warc.gz"]  # one task per archive file
        pd.testing.assert_frame_equal(local, remote)
        pd.testing.assert_frame_equal(newskit.rejects(local), newskit.rejects(remote))
        assert len(local) == 5 and not newskit.rejects(local).empty
        with distributed.Client(cluster, set_as_default=False) as client:
            other = read_quietly(folder, scheduler=client, language=None)
        assert len(other) == 6
    finally:
        if cluster is not None:
            cluster.close()


def test_english_prose_is_english_without_the_identifier_and_other_languages_are_asked():
    from newskit.read.formats import archives

    english = ("The minister said on Monday that the bridge would reopen in May, after repairs that had cost more "
               "than the council expected. He added that traffic would be diverted until then and that the work "
               "was nearly done.")
    german = ("Der Minister sagte am Montag, die Brücke werde im Mai wieder geöffnet, nachdem die Reparaturen mehr "
              "gekostet hätten als erwartet. Er fügte hinzu, dass der Verkehr bis dahin umgeleitet werde.")
    assert archives.identify_language(english) == ("en", 0.99)
    guess, probability = archives.identify_language(german)
    assert guess == "de" and probability > archives.LANGUAGE_CONFIDENCE
    assert archives.identify_language("Short English words only.")[0] is not None  # too short: py3langid decides
