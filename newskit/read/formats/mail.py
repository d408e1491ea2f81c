"""Reader for e-mail messages (agency copy forwarded by mail): the text body and text attachments."""
from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator

from newskit.extract import lexicon
from newskit.read.decode import DecodeError, clean_text, decode_bytes, sniff_binary
from newskit.read.draft import Draft
from newskit.read.structure import split_blocks
from newskit.read.formats.errors import Reject

# The first line of an RFC 5322 header block: a known mail header, or any "X-..." header.
_MAIL_HEADER = re.compile(
    r"\A(?:" + "|".join(map(re.escape, lexicon.entries("read/mail_headers"))) + r"|X-[\w-]+):", re.IGNORECASE
)
_KNOWN = frozenset(name.lower() for name in lexicon.entries("read/mail_headers"))
# A header line ("Name: value"; RFC 5322 field names are printable ASCII without ':') or its
# folded continuation (starting with a space or a tab).
_FIELD = re.compile(r"([!-9;-~]+):")
# How much of a file may be headers before the body must start: mail that passed through many
# relays carries dozens of Received: lines.
_HEAD_CHARS = 64 * 1024
# Share of control characters above which a decoded part is binary, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")


def looks_like_email(text: str) -> bool:
    """An RFC 5322 message: every line up to the first blank one is a header (or a folded
    continuation), the first is a known mail header, and there is a MIME-Version or Content-Type
    header or at least two different known mail headers (Received, From, Date, Subject ...)."""
    head = text.lstrip()[:_HEAD_CHARS]
    if not _MAIL_HEADER.match(head):
        return False
    lines = re.split(r"\r?\n", head)
    names = set()
    for number, line in enumerate(lines):
        if not line.strip():
            break
        if line[0] in " \t":
            continue
        field = _FIELD.match(line)
        if field is None:
            if number == len(lines) - 1:  # cut off by _HEAD_CHARS
                break
            return False
        names.add(field[1].lower())
    return bool(names & {"mime-version", "content-type"}) or len(names & _KNOWN) >= 2


def read_email(data: bytes, shown: str) -> Iterator[Draft | Reject]:
    """One Draft for the plain-text body and one per text attachment (`shown#filename`); a part that
    is binary or undecodable (gzip sent as text/plain) is a Reject."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    subject = str(message.get("Subject") or "").strip() or None
    date = str(message.get("Date") or "").strip() or None
    found = False
    for part in message.walk():
        if part.is_multipart() or part.get_content_maintype() != "text" or part.get_content_subtype() != "plain":
            continue
        filename = part.get_filename()
        where = f"{shown}#{filename}" if filename else shown
        try:
            body = _part_text(part)
        except (LookupError, ValueError) as exc:  # DecodeError is a ValueError
            yield Reject(where, f"unreadable e-mail part: {exc}")
            continue
        body = clean_text(body)
        if not body.strip():
            yield Reject(where, "empty e-mail part")
            continue
        found = True
        blocks = split_blocks(body)
        yield Draft(path=where, blocks=blocks, title=None if filename else subject, published=date, format="email")
    if not found:
        yield Reject(shown, "e-mail message without a plain-text body or text attachment")


def _part_text(part) -> str:
    """A text part's content, decoded by its charset, else as newskit decodes files.

    Raises:
        DecodeError: the part holds binary data (an archive, an image, bytes no encoding fits).
    """
    payload = part.get_payload(decode=True) or b""
    binary = sniff_binary(payload)
    if binary:
        raise DecodeError(f"binary data ({binary}) labelled as text")
    charset = part.get_content_charset()
    try:
        text = payload.decode(charset) if charset else decode_bytes(payload).text
    except (LookupError, UnicodeDecodeError):
        text = decode_bytes(payload).text
    if text and len(_CONTROL.findall(text)) > 0.05 * len(text):
        raise DecodeError("binary data labelled as text (control characters throughout)")
    return text
