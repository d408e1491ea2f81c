"""NewsML 1.2 / NewsML-G2 / NITF reader: fictional fixtures, plus the real wire corpus if present."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from newskit.read.draft import Draft
from newskit.read.formats.newsml import agency_name, looks_like_newsml, read_newsml

FIXTURES = Path(__file__).parent / "fixtures" / "wire"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpora" / "wire"


def _read(name: str) -> list[Draft]:
    return read_newsml((FIXTURES / name).read_bytes(), name)


def _assert_clean(draft: Draft) -> None:
    texts = [*draft.blocks, draft.title or "", draft.subtitle or "", draft.dateline or ""]
    assert all(block for block in draft.blocks), "no empty blocks"
    for text in texts:
        assert not any(unicodedata.category(ch) == "Cc" for ch in text), repr(text)
        assert text == " ".join(text.split()), f"uncollapsed whitespace in {text!r}"


def test_tass_style_nitf_body_and_metadata() -> None:
    [draft] = _read("newsml12_tass_style.xml")
    assert draft.format == "newsml1"
    assert draft.title == "Vostok opens a floating library on the frozen river"
    assert draft.dateline == "March 3"
    assert draft.published == "20240303T091502"  # FirstCreated, not the envelope time
    assert draft.extra["sent"] == "20240303T091530"
    assert draft.source == "TASS"
    assert draft.place == "VOSTOK"
    assert draft.language == "en"
    assert draft.article_id == "FICTION0000000000000000000000TASS1"
    assert draft.blocks == [
        "VOSTOK, March 3. /TASS/. The town of Vostok has opened a small library on a wooden raft "
        "frozen into the river ice, librarian Anna Petrovna Lisitsyna told reporters on Sunday.",
        '"Readers come on skis and leave with two books each," she said.',
        "The raft will be towed to the shore before the thaw in April.",
    ]
    _assert_clean(draft)


def test_kyodo_style_doctype_is_not_fetched_and_dateline_is_read() -> None:
    [draft] = _read("newsml12_kyodo_style.xml")  # DOCTYPE: missing local DTD + http entity
    assert draft.title == "Harbourton café owner builds lighthouse from bottles"  # ISO-8859-1
    assert draft.subtitle == "Project took seven winters"
    assert draft.dateline == "HARBOURTON, May 12"
    assert draft.published == "20240512T185500+0900"
    assert draft.source == "Kyodo"
    assert draft.place == "Harbourton"
    assert draft.language == "en-US"
    assert draft.article_id == "urn:newsml:kyodonews.jp:20240512:20240512KW___0000000042:1"
    assert draft.blocks == [
        "A café owner in the fishing town of Harbourton has finished a nine-meter lighthouse "
        "built from 40,000 glass bottles, local officials said Sunday.",
        "Kenji Morioka, 67, said the light would guide his customers home.",  # &nbsp; -> space
        "The town plans to light it for the first time in June.",
    ]
    assert draft.extra["trailer"] == "==Kyodo"
    _assert_clean(draft)


def test_g2_xhtml_body_without_ednote_header_or_keywords() -> None:
    drafts = _read("newsml_g2_dpa_style.xml")
    assert len(drafts) == 1  # the picture item has no text body
    [draft] = drafts
    assert draft.format == "newsml-g2"
    assert draft.title == "Lindenfeld bakers set record with three-kilometre pretzel"
    assert draft.subtitle == "Dough chain crosses the old bridge twice"
    assert draft.dateline == "Lindenfeld (dpa) -"
    assert draft.place == "Lindenfeld"
    assert draft.published == "2024-05-20T09:58:00+02:00"
    assert draft.source == "dpa"
    assert draft.language == "en"
    assert draft.article_id == "urn:newsml:dpa.com:20090101:240520-99-000001"
    assert draft.blocks == [
        "Lindenfeld (dpa) - Bakers in the fictional town of Lindenfeld on Monday baked a pretzel "
        "three kilometres long.",
        '"It took all our ovens," said master baker Greta Fictus.',
        "Sold by the metre",
        "The pretzel was later sold by the metre for charity.",
    ]
    everything = " ".join([*draft.blocks, draft.title, draft.subtitle or ""])
    for leaked in ("EDNOTE-SECRET", "dpa jf xx n1", "KEYWORD-PRETZEL", "EXTRA", "PLAIN-RENDITION",
                   "fictional summary"):
        assert leaked not in everything
    assert draft.extra["keywords"] == ["KEYWORD-PRETZEL"]
    _assert_clean(draft)


def test_video_only_file_raises() -> None:
    with pytest.raises(ValueError, match="no text news item in NewsML file"):
        _read("newsml12_video_only.xml")


def test_local_dtd_and_external_entities_are_never_loaded(tmp_path: Path) -> None:
    (tmp_path / "evil.dtd").write_text('<!ENTITY leak "LEAKED-FROM-DTD">')
    (tmp_path / "secret.txt").write_text("SECRET-FILE-CONTENT")
    doc = f"""<?xml version="1.0"?>
<!DOCTYPE NewsML SYSTEM "{tmp_path}/evil.dtd" [
  <!ENTITY % ext SYSTEM "{tmp_path}/evil.dtd"> %ext;
  <!ENTITY file SYSTEM "file://{tmp_path}/secret.txt">
  <!ENTITY remote SYSTEM "http://dtd.example.invalid/remote.ent">
]>
<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Safe title</HeadLine></NewsLines>
<ContentItem><DataContent><nitf><body><body.content>
<p>Before &leak; &file; &remote; after.</p></body.content></body></nitf></DataContent></ContentItem>
</NewsComponent></NewsItem></NewsML>"""
    [draft] = read_newsml(doc.encode(), "evil.xml")
    assert draft.blocks == ["Before after."]
    assert draft.title == "Safe title"


def test_belga_style_split_components_and_plain_datacontent() -> None:
    def story(lang: str, title: str, body: str) -> str:
        return f"""<NewsComponent Duid="0" xml:lang="{lang}"><Role FormalName="Original"/>
  <DescriptiveMetadata><Location><Property FormalName="City" Value="GENT"/></Location></DescriptiveMetadata>
  <NewsComponent Duid="0"><Role FormalName="Title"/><ContentItem><DataContent>{title}</DataContent></ContentItem></NewsComponent>
  <NewsComponent Duid="0"><Role FormalName="Lead"/><ContentItem><DataContent/></ContentItem></NewsComponent>
  <NewsComponent Duid="0"><Role FormalName="Body"/><ContentItem><DataContent>{body}</DataContent></ContentItem></NewsComponent>
</NewsComponent>"""

    wrapped = ("The fictional canal in Gent was drained on Monday so that workers\n"
               "        could repair the old lock gates before the summer season.\n\n"
               "\tA second paragraph with &lt;b&gt;bold&lt;/b&gt; markup.\n \n\tA third one.")
    doc = f"""<?xml version="1.0" encoding="UTF-8"?><NewsML><NewsItem><Identification><NewsIdentifier>
<ProviderId>belga.be</ProviderId><NewsItemId>0</NewsItemId><PublicIdentifier>urn:newsml:www.belga.be</PublicIdentifier>
</NewsIdentifier></Identification><NewsManagement><FirstCreated>20240101T080000</FirstCreated></NewsManagement>
<NewsComponent>{story("nl", "Kanaal drooggelegd", wrapped)}{story("fr", "Canal vidé", "Une ligne.")}</NewsComponent>
</NewsItem></NewsML>"""
    nl, fr = read_newsml(doc.encode(), "belga.xml")
    assert nl.title == "Kanaal drooggelegd" and fr.title == "Canal vidé"
    assert nl.language == "nl" and fr.language == "fr"
    assert nl.source == "Belga" and nl.place == "GENT"
    assert nl.article_id is None  # "0" and a bare provider urn identify nothing
    assert nl.blocks == [
        "The fictional canal in Gent was drained on Monday so that workers could repair the old "
        "lock gates before the summer season.",
        "A second paragraph with bold markup.",
        "A third one.",
    ]
    assert fr.blocks == ["Une ligne."]


def test_bare_nitf() -> None:
    doc = b"""<?xml version="1.0" encoding="UTF-8"?><nitf><head><title>&#62;&#62;&#62;ANSA&#47;Fictional
    title</title><docdata><doc-id id-string="X1"/><date.issue norm="2024-02-02 10:00"/></docdata></head>
    <body><body.head><hedline><hl1>&#62;&#62;&#62;ANSA&#47;Fictional title</hl1></hedline>
    <distributor><org>ANSA</org></distributor><dateline><location>ROME</location></dateline></body.head>
    <body.content><block><p>(ANSA) - ROME, FEB 2 - A fictional
    paragraph.</p></block></body.content></body></nitf>"""
    assert looks_like_newsml(doc)
    [draft] = read_newsml(doc, "ansa.xml")
    assert (draft.title, draft.source, draft.format) == ("Fictional title", "ANSA", "nitf")
    assert draft.blocks == ["(ANSA) - ROME, FEB 2 - A fictional paragraph."]
    assert (draft.dateline, draft.place, draft.article_id) == ("ROME", "ROME", "X1")


@pytest.mark.parametrize("doc, message", [
    (b"not xml at all", "not well-formed"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "not a NewsML document"),
])
def test_bad_input_raises_value_error(doc: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        read_newsml(doc, "bad.xml")


def test_truncated_file_is_recovered_and_flagged() -> None:
    doc = (b"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>Cut short</HeadLine></NewsLines>"
           b"<ContentItem><DataContent><nitf><body><body.content><p>Caf&eacute; one.</p><p>Two")
    [draft] = read_newsml(doc, "cut.xml")
    assert draft.blocks == ["Café one.", "Two"]
    assert draft.extra["xml_recovered"] is True


@pytest.mark.parametrize("name", ["newsml12_tass_style.xml", "newsml12_kyodo_style.xml",
                                  "newsml_g2_dpa_style.xml", "newsml12_video_only.xml"])
def test_looks_like_newsml_fixtures(name: str) -> None:
    assert looks_like_newsml((FIXTURES / name).read_bytes())


@pytest.mark.parametrize("data, expected", [
    (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">', True),  # no XML decl
    (b'<?xml version="1.0"?>\n<NewsML Version="1.2">', True),
    (b"<newsItem guid='x'>", False),  # G2 element name without the IPTC namespace
    (b"<!DOCTYPE html><html><body><p>NewsML is a format</p></body></html>", False),
    (b"Plain text about NewsML and newsItem.", False),
    (b'<?xml version="1.0"?><rss version="2.0"></rss>', False),
])
def test_looks_like_newsml(data: bytes, expected: bool) -> None:
    assert looks_like_newsml(data) is expected


@pytest.mark.parametrize("value, expected", [
    ("www.itar-tass.com", "TASS"), ("kyodonews.jp", "Kyodo"), ("nprov:dpa", "dpa"),
    ("afp.com", "AFP"), ("texto.efeservicios.com", "EFE"), ("Algemeen Nederlands Persbureau", "ANP"),
    ("www.sda-ats.ch", "ATS"), ("STT", "STT"), ("belga.be", "Belga"), ("www.example-news.com", "example-news"),
    ("nprov:xyz", "xyz"), ("", None),
])
def test_agency_name(value: str, expected: str | None) -> None:
    assert agency_name(value) == expected


# Real agency samples (third-party, read-only, not in the repo): source and format per file.
EXPECTED = {
    "afp_belga.xml": (1, "AFP", "newsml1"), "anp_belga.xml": (1, "ANP", "newsml1"),
    "ansa_belga.xml": (1, "ANSA", "nitf"), "ats_newsml_1_2_belga.xml": (1, "ATS", "newsml1"),
    "belga_newsml_1_2.xml": (2, "Belga", "newsml1"), "belga_newsml_1_2_audio.xml": (1, "Belga", "newsml1"),
    "belga_newsml_1_2_audio2.xml": (1, "Belga", "newsml1"),
    "belga_newsml_1_2_video.xml": (1, "Belga", "newsml1"),
    "belga_remote_newsml_1_2.xml": (1, "Belga", "newsml1"), "belga_tip_newsml_1_2.xml": None,
    "dpa_newsml_2_0_1_belga.xml": (1, "dpa", "newsml-g2"),
    "dpa_newsml_2_0_belga.xml": (1, "dpa", "newsml-g2"), "efe_belga.xml": (1, "EFE", "newsml1"),
    "kyodo_newsml_1_2_belga.xml": (1, "Kyodo", "newsml1"), "stt_belga.xml": (1, "STT", "newsml-g2"),
    "tass_belga.xml": (1, "TASS", "newsml1"),
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="real wire corpus not available")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.xml")) if CORPUS.is_dir() else [])
def test_real_wire_corpus(name: str) -> None:
    data = (CORPUS / name).read_bytes()
    assert looks_like_newsml(data)
    try:
        drafts = read_newsml(data, name)
    except ValueError as err:
        assert str(err)
        assert EXPECTED.get(name, None) is None, f"{name} should give drafts: {err}"
        return
    assert drafts
    for draft in drafts:
        assert draft.title and draft.blocks
        _assert_clean(draft)
    if EXPECTED.get(name):
        count, source, fmt = EXPECTED[name]
        assert (len(drafts), drafts[0].source, drafts[0].format) == (count, source, fmt)
