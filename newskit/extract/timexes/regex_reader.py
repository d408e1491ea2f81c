"""A reader of the regular-expression syntax the date rules are written in, for their speed filter:
the words every match of a pattern contains (`required_words`) and how far past its start a match
can read (`match_reach`).

It reads what the patterns use: literals and escapes, character classes, groups `(?:...)` and
`(...)`, lookahead and lookbehind, alternation, the quantifiers `? * + {m,n}` (greedy or lazy) and
anchors. Anything else raises `Unreadable`, and the pattern is then always scanned in full: slower,
never wrong. It shapes the parse the way Python's own regex parser does wherever that changes the
answer, so the words stay the ones that parser gave: a non-capturing group's items join the
sequence around it, items all alternatives start with move in front of the alternation ("the |this "
reads as "th" then "e |is "), and an alternation of single characters becomes a class.
"""
from __future__ import annotations

import re

# Parsed items are tuples, compared by value like the parser's own:
#   ("char", code)  ("not", code)  ("class", members)  ("any",)  ("at", letter)
#   ("group", capturing, Sequence)  ("branch", [Sequence, ...])
#   ("repeat", least, most or None, lazy, Sequence)  ("look", ahead, negative, Sequence)
# Class members are ("char", code), ("range", low, high), ("category", letter) and a leading ("negate",).

_CATEGORIES = "dDsSwW"
_ANCHORS = "bBAZ"
_CONTROLS = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_DIGITS = "0123456789"


class Unreadable(ValueError):
    """The pattern uses syntax this reader does not know."""


class Sequence:
    """Parsed items matched one after another. Compared by identity, as the parser compares its
    groups, so two alternatives never share a leading group, a repeat or an alternation."""

    __slots__ = ("items",)

    def __init__(self, items: list[tuple]):
        self.items = items


def parse(pattern: str, flags: int = 0) -> Sequence:
    """The parsed items of `pattern`; raises Unreadable for syntax outside the rules' subset."""
    if flags & re.VERBOSE:
        raise Unreadable("verbose patterns")
    reader = _Reader(pattern)
    parsed = reader.alternation()
    if reader.position != len(pattern):
        raise Unreadable(f"unbalanced ')' at {reader.position}")
    return parsed


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.position = 0

    def peek(self) -> str | None:
        return self.text[self.position] if self.position < len(self.text) else None

    def next(self) -> str:
        char = self.peek()
        if char is None:
            raise Unreadable("unexpected end of pattern")
        self.position += 1
        return char

    def take(self, char: str) -> bool:
        if self.peek() == char:
            self.position += 1
            return True
        return False

    def alternation(self) -> Sequence:
        """a|b|c, with common leading items moved out and single characters made a class."""
        alternatives = [self.sequence()]
        while self.take("|"):
            alternatives.append(self.sequence())
        if len(alternatives) == 1:
            return alternatives[0]
        items: list[tuple] = []
        first = alternatives[0].items
        while all(alternative.items for alternative in alternatives) and all(
                alternative.items[0] == first[0] for alternative in alternatives[1:]):
            items.append(first[0])
            for alternative in alternatives:
                del alternative.items[0]
        members: list[tuple] = []
        for alternative in alternatives:
            if len(alternative.items) != 1:
                break
            item = alternative.items[0]
            if item[0] == "char":
                members.append(item)
            elif item[0] == "class" and item[1][0] != ("negate",):
                members.extend(item[1])
            else:
                break
        else:
            items.append(("class", _unique(members)))
            return Sequence(items)
        items.append(("branch", alternatives))
        return Sequence(items)

    def sequence(self) -> Sequence:
        """Items up to the next top-level "|" or ")"."""
        items: list[tuple] = []
        while self.peek() is not None and self.peek() not in "|)":
            char = self.next()
            if char == "\\":
                items.append(self.escape())
            elif char == "[":
                items.append(self.character_class())
            elif char in "?*+{":
                bounds = self.quantifier(char)
                if bounds is None:  # "{" that opens no {m,n} is itself
                    items.append(("char", ord(char)))
                    continue
                if not items or items[-1][0] == "at":
                    raise Unreadable("nothing to repeat")
                if items[-1][0] == "repeat":
                    raise Unreadable("multiple repeat")
                last = items[-1]
                repeated = last[2] if last[0] == "group" and not last[1] else Sequence([last])
                lazy = self.take("?")
                if not lazy and self.peek() == "+":
                    raise Unreadable("possessive repeat")
                items[-1] = ("repeat", bounds[0], bounds[1], lazy, repeated)
            elif char == ".":
                items.append(("any",))
            elif char == "(":
                items.append(self.group())
            elif char == "^":
                items.append(("at", "^"))
            elif char == "$":
                items.append(("at", "$"))
            else:
                items.append(("char", ord(char)))
        flat: list[tuple] = []
        for item in items:
            if item[0] == "group" and not item[1]:
                flat.extend(item[2].items)
            else:
                flat.append(item)
        return Sequence(flat)

    def quantifier(self, char: str) -> tuple[int, int | None] | None:
        """(least, most) of ?, *, + or {m,n}; most None for no bound; None when "{" is a literal."""
        if char != "{":
            return {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        start = self.position
        least = most = ""
        while self.peek() is not None and self.peek() in _DIGITS:
            least += self.next()
        if self.take(","):
            while self.peek() is not None and self.peek() in _DIGITS:
                most += self.next()
        else:
            most = least
        if self.position == start or not self.take("}"):
            self.position = start
            return None
        bounds = (int(least) if least else 0, int(most) if most else None)
        if bounds[1] is not None and bounds[1] < bounds[0]:
            raise Unreadable("min repeat greater than max repeat")
        return bounds

    def group(self) -> tuple:
        """(...), (?:...), (?=...), (?!...), (?<=...) or (?<!...), after its "("."""
        capturing = True
        if self.take("?"):
            kind = self.next()
            if kind == "<" and self.peek() in ("=", "!"):
                return ("look", False, self.next() == "!", self.closed())
            if kind in "=!":
                return ("look", True, kind == "!", self.closed())
            if kind != ":":
                raise Unreadable(f"(?{kind}")
            capturing = False
        return ("group", capturing, self.closed())

    def closed(self) -> Sequence:
        inner = self.alternation()
        if not self.take(")"):
            raise Unreadable("missing )")
        return inner

    def escape(self) -> tuple:
        char = self.next()
        if char in _CATEGORIES:
            return ("class", (("category", char),))
        if char in _ANCHORS:
            return ("at", char)
        return ("char", ord(self._escaped_character(char)))

    def character_class(self) -> tuple:
        """[...] after its "[": one literal alone is that literal (or its negation)."""
        negate = self.take("^")
        members: list[tuple] = []
        while True:
            char = self.next()
            if char == "]" and members:
                break
            first = self.class_escape() if char == "\\" else ("char", ord(char))
            if not self.take("-"):
                members.append(first)
                continue
            char = self.next()
            if char == "]":  # a trailing "-" is itself
                members += [first, ("char", ord("-"))]
                break
            second = self.class_escape() if char == "\\" else ("char", ord(char))
            if first[0] != "char" or second[0] != "char" or second[1] < first[1]:
                raise Unreadable("bad character range")
            members.append(("range", first[1], second[1]))
        members = _unique(members)
        if len(members) == 1 and members[0][0] == "char":
            return ("not", members[0][1]) if negate else members[0]
        return ("class", ((("negate",),) if negate else ()) + tuple(members))

    def class_escape(self) -> tuple:
        char = self.next()
        if char in _CATEGORIES:
            return ("category", char)
        if char == "b":  # backspace inside a class
            return ("char", 8)
        return ("char", ord(self._escaped_character(char)))

    @staticmethod
    def _escaped_character(char: str) -> str:
        if char in _CONTROLS:
            return _CONTROLS[char]
        if char.isascii() and char.isalnum():  # \x, \u, \N, octal, back references ...
            raise Unreadable(f"\\{char}")
        return char


def _unique(members: list[tuple]) -> tuple:
    return tuple(dict.fromkeys(members))


# --- what the speed filter needs ---------------------------------------------------------------


def required_words(pattern: re.Pattern) -> tuple[str, ...]:
    """Lower-case strings of which every match of `pattern` contains at least one (empty when the
    pattern has no such literal text, or uses syntax this reader does not know)."""
    try:
        words = _sequence_words(parse(pattern.pattern, pattern.flags))
    except Unreadable:  # without words a pattern is simply always tried
        return ()
    return tuple(sorted(words)) if words else ()


def _sequence_words(sequence: Sequence) -> set[str] | None:
    """Required words of a sequence: its longest runs of ASCII literals and the required words of
    its groups, alternations and repeats; the most selective of them."""
    options: list[set[str]] = []
    run = ""
    for item in sequence.items:
        if item[0] == "char" and item[1] < 128:
            run += chr(item[1]).lower()
            continue
        if run:
            options.append({run})
            run = ""
        words = _item_words(item)
        if words:
            options.append(words)
    if run:
        options.append({run})
    # longer words are rarer: prefer the set whose shortest word is longest, then the smaller set
    return max(options, key=lambda words: (min(map(len, words)), -len(words))) if options else None


def _item_words(item: tuple) -> set[str] | None:
    """Required words of one item (None for anything that may match without literal text)."""
    kind = item[0]
    if kind == "group":
        return _sequence_words(item[2])
    if kind == "branch":  # a|b: one of each alternative's words
        words: set[str] = set()
        for alternative in item[1]:
            found = _sequence_words(alternative)
            if not found:
                return None
            words |= found
        return words
    if kind == "repeat" and item[1] >= 1:  # x+, x{2,}
        return _sequence_words(item[4])
    return None


def match_reach(pattern: re.Pattern) -> int | None:
    """How many characters past a match's start matching can read: its longest match and its
    longest lookahead, plus one for a word-boundary test; None when matches have no bound (or may be
    empty, or the pattern uses syntax this reader does not know)."""
    try:
        parsed = parse(pattern.pattern, pattern.flags)
    except Unreadable:  # then the whole text is scanned
        return None
    shortest, longest = width(parsed)
    lookahead = _lookahead(parsed)
    if shortest == 0 or longest is None or lookahead is None:
        return None
    return longest + lookahead + 1


def width(sequence: Sequence) -> tuple[int, int | None]:
    """(shortest, longest) number of characters a sequence matches; longest None when unbounded.
    Anchors and lookarounds match no characters."""
    shortest, longest = 0, 0
    for item in sequence.items:
        kind = item[0]
        if kind in ("char", "not", "class", "any"):
            low, high = 1, 1
        elif kind == "group":
            low, high = width(item[2])
        elif kind == "branch":
            widths = [width(alternative) for alternative in item[1]]
            low = min(low for low, _ in widths)
            high = None if any(high is None for _, high in widths) else max(high for _, high in widths)
        elif kind == "repeat":
            least, most = item[1], item[2]
            low, inner = width(item[4])
            low *= least
            if inner == 0 or most == 0:
                high = 0
            elif inner is None or most is None:
                high = None
            else:
                high = inner * most
        else:
            continue
        shortest += low
        longest = None if longest is None or high is None else longest + high
    return shortest, longest


def _lookahead(sequence: Sequence) -> int | None:
    """The longest lookahead in a sequence (None when one has no bound)."""
    longest = 0
    for item in sequence.items:
        kind = item[0]
        if kind == "look":
            inner = _lookahead(item[3])
            ahead = width(item[3])[1] if item[1] else 0
            if inner is None or ahead is None:
                return None
            longest = max(longest, ahead, inner)
        elif kind in ("group", "branch", "repeat"):
            parts = item[1] if kind == "branch" else [item[-1]]
            for part in parts:
                inner = _lookahead(part)
                if inner is None:
                    return None
                longest = max(longest, inner)
    return longest
