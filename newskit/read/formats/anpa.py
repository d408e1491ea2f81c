"""Reader for ANPA 1312 / IPTC 7901 wire copy: teletype text framed by SOH/STX/ETX/EOT codes."""
from __future__ import annotations

import re

from newskit.extract import lexicon
from newskit.read.draft import Draft
from newskit.read.formats.newsml import SIGNOFF, agency_name, squash_whitespace


def _alternatives(name: str) -> str:
    """A regex alternation of the words of lexicon list `name`, in file order."""
    return "|".join(map(re.escape, lexicon.entries(name)))


SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Selector + message number, priority, category, word count: "eca00075 3 i 510", "bsf025 3 ec 121".
_HEADER = re.compile(r"[a-z]{1,4}\d{3,5}\s+\d\s+[a-z]{1,3}\s+\d{1,5}\b")
_SLUG = re.compile(r"\bBC-\S+")  # ANPA slug, repeated on the first text line by Kyodo
_KEYWORDS = re.compile(r"/(?:[^/\s][^/]*/)+")  # dpa keyword line "/politics/Britain/EU/"
# Version lines above the headline: "2ND LEAD", "URGENT", "EILMELDUNG".
_VERSION = re.compile(r"\d+(?:ST|ND|RD|TH) [A-Z]+|" + _alternatives("read/anpa_version_lines"))
_BYLINE = re.compile(r"(?:" + _alternatives("read/anpa_byline_words") + r")\s+\S", re.I)
_NOTEBOOK = re.compile(r"#+\s*(?:" + _alternatives("read/anpa_notebook_headings") + r")\b.*|\*(?: \*){3,}")
# Desk closing line of initials after the agency name: "dpa hm bs wjh".
_CLOSING = re.compile(r"(?:" + _alternatives("read/anpa_closing_agencies") + r")(?: [a-z]{1,4})+")
# Transmission stamps: "101137 GMT Dez 18" / "091223 dec 18" (ddHHMM month yy), "KWS-21:37-09-12-18".
_STAMP = re.compile(r"(\d\d)(\d\d)(\d\d)(?:\s+(" + _alternatives("read/anpa_stamp_zones")
                    + r"))?\s+([^\W\d_]{3,5})\.?\s+(\d\d)")
_UTC_ZONES = lexicon.words("read/anpa_utc_zones")
_KWS_STAMP = re.compile(r"[A-Z]{2,5}-(\d\d):(\d\d)-(\d\d)-(\d\d)-(\d\d)")
# Month abbreviations of transmission stamps (English, German, French), looked up by their first
# four letters, then three.
_MONTHS: dict[str, int] = lexicon.table("read/anpa_months")
_MAX_HEADLINE_LINES = 6


def looks_like_anpa(text: str) -> bool:
    """STX near the start with SOH or ETX around it, or an IPTC 7901 header as the first line."""
    head = text[:2048]
    if STX in head and (SOH in head or ETX in text[:65536]):
        return True
    first = next((line for line in _CONTROL.sub("", head).splitlines() if line.strip()), "")
    return bool(_HEADER.match(first.strip()))


def read_anpa(text: str, path: str) -> Draft:
    """One Draft from ANPA copy (control codes still in `text`); ValueError if no body is found."""
    text = _fix_c1(text).replace("\r\n", "\n").replace("\r", "\n")
    header, body, after = _split_message(text)
    lines = [_CONTROL.sub("", line) for line in body.split("\n")]
    extra: dict = {"header": [h for line in header.split("\n") if (h := squash_whitespace(line))]}
    title, start = _headline(lines, extra)
    rest, trailer = _cut_trailer(lines[start:])
    trailer += [t for line in after.split("\n") if (t := squash_whitespace(line))]
    rest, notebook = _cut_notebook(rest)
    blocks = _unwrap(rest)
    if not blocks:
        raise ValueError(f"no body text found in ANPA wire copy: {path}")
    extra.update(trailer="\n".join(trailer), notebook=notebook)
    slug = _SLUG.search(" ".join(extra["header"]))
    extra.setdefault("slug", slug.group() if slug else None)
    opening = re.match(r"[^)]{0,100}\)|.{0,100}? - ", blocks[0])  # the dateline's credit part
    source = next((name for value in [*extra["header"], *trailer, opening and opening.group()]
                   if (name := agency_name(value, strict=True))), None)
    return Draft(path=path, blocks=blocks, title=title, source=source, format="anpa",
                 published=_stamp_date(trailer), extra={k: v for k, v in extra.items() if v})


def _fix_c1(text: str) -> str:
    # Text decoded as Latin-1 keeps cp1252 quotes and dashes as C1 controls: map them back.
    return re.sub(r"[\x80-\x9f]",
                  lambda m: m.group().encode("latin-1").decode("cp1252", errors="ignore"), text)


def _split_message(text: str) -> tuple[str, str, str]:
    """(header, text, after-ETX) of the first message; STX/ETX frame the text when present."""
    soh, stx = text.find(SOH), text.find(STX)
    if stx < 0:  # no transmission codes (dpa's plain export): the header is the first line
        stripped = text.lstrip("\n")
        first, _, rest = stripped.partition("\n")
        if _HEADER.match(_CONTROL.sub("", first).strip()):
            return first, rest, ""
        return "", text, ""
    etx = text.find(ETX, stx)
    end = etx if etx >= 0 else len(text)
    eot = text.find(EOT, end)
    after = text[end + 1:eot if eot >= 0 else len(text)] if etx >= 0 else ""
    header = text[soh + 1 if 0 <= soh < stx else 0:stx]
    return _CONTROL.sub(" ", header), text[stx + 1:end], after


def _headline(lines: list[str], extra: dict) -> tuple[str | None, int]:
    """Skip slug/keyword/version lines, take kicker, headline and byline; return body start."""
    candidates: list[str] = []
    i = 0
    while i < len(lines):
        raw, line = lines[i], lines[i].strip()
        if not line:
            if candidates:
                break  # the blank line after the headline block
        elif raw[0] in " \t":
            break  # an indented line opens the first paragraph (Kyodo, ATS)
        elif _SLUG.fullmatch(line):
            extra["slug"] = line
        elif _KEYWORDS.fullmatch(line):
            extra["keywords"] = [k for k in line.split("/") if k]
        elif _VERSION.fullmatch(line):
            extra.setdefault("version", []).append(line)
        else:
            candidates.append(line)
            # " =" closes the headline block (ATS title, dpa byline); a byline may still follow.
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            if line.endswith("=") and not _is_byline(nxt):
                i += 1
                break
        i += 1
    if len(candidates) > _MAX_HEADLINE_LINES:  # no headline block: the text starts right away
        return None, next(j for j, line in enumerate(lines) if line.strip() == candidates[0])
    if len(candidates) > 1 and _is_byline(candidates[-1]):
        extra["byline"] = _unmark(candidates.pop())
    title = _unmark(candidates.pop()) if candidates else None
    extra["kicker"] = [_unmark(c) for c in candidates]
    return title or None, i


def _is_byline(line: str) -> bool:
    # "By Helen Maguire, dpa  =", "Von Max Muster": short, or with the agency after a comma.
    return bool(_BYLINE.match(line)) and ("," in line or line.endswith("=") or len(line.split()) <= 5)


def _unmark(line: str) -> str:
    # Kyodo ends headlines with "+", ATS and dpa close the headline block with " =".
    return squash_whitespace(re.sub(r"\s*[=+]\s*$", "", line))


def _cut_trailer(lines: list[str]) -> tuple[list[str], list[str]]:
    """Peel sign-offs, closing initials and transmission stamps off the end of the text."""
    trailer: list[str] = []
    while lines:
        line = squash_whitespace(lines[-1])
        if line and not (SIGNOFF.fullmatch(line) or _CLOSING.fullmatch(line)
                         or _STAMP.fullmatch(line) or _KWS_STAMP.fullmatch(line)):
            break
        if line:
            trailer.insert(0, line)
        lines = lines[:-1]
    return lines, trailer


def _cut_notebook(lines: list[str]) -> tuple[list[str], str]:
    """dpa appends an editors' notebook (notes, links, contacts): keep it out of the body."""
    for i, line in enumerate(lines):
        if _NOTEBOOK.fullmatch(line.strip()):
            return lines[:i], "\n".join(line.rstrip() for line in lines[i:]).strip()
    return lines, ""


def _unwrap(lines: list[str]) -> list[str]:
    """Paragraphs start after a blank line or on an indented line; wrapped lines are joined."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        if not raw.strip() or raw[0] in " \t":
            if current:
                paragraphs.append(current)
            current = []
        if raw.strip():
            current.append(raw.strip(" \t"))
    if current:
        paragraphs.append(current)
    return [text for parts in paragraphs if (text := squash_whitespace(_join(parts)))]


def _join(parts: list[str]) -> str:
    joined = parts[0]
    for part in parts[1:]:
        # A hyphen right after a letter at the line end ("ed-") is kept and joined directly;
        # anything else, including a spaced dash ("players --"), joins with one space.
        joined += part if re.search(r"\w-$", joined) else " " + part
    return joined


def _stamp_date(trailer: list[str]) -> str | None:
    """ISO date-time from a transmission stamp in the trailer, if one parses."""
    for line in trailer:
        if m := _KWS_STAMP.fullmatch(line):  # Kyodo: HH:MM-dd-mm-yy (matches its datelines)
            hour, minute, day, month, year = (int(g) for g in m.groups())
            zone = ""
        elif m := _STAMP.fullmatch(line):
            day, hour, minute = int(m[1]), int(m[2]), int(m[3])
            name = m[5].lower()
            month = _MONTHS.get(name[:4]) or _MONTHS.get(name[:3]) or 0
            year, zone = int(m[6]), "Z" if m[4] in _UTC_ZONES else ""
        else:
            continue
        if 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60:
            return f"20{year:02d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}{zone}"
    return None
