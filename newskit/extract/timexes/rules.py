"""The date rules: patterns that find temporal expressions in English news text and the TIMEX3
values they normalize to against a publication date.

Every rule is one regular expression plus one small function that turns the matched words into
(type, value, precision). The same rules serve detection (`finder.find_timexes`, over a paragraph)
and normalization of a single phrase (`newskit.extract.timexes.normalize.normalize`). Importing this
module registers them, in this order, in `RULES`.

Notes:
    The rules follow HeidelTime's news rules (Strötgen & Gertz 2013, "Multilingual and
    cross-domain temporal tagging", LRE 47(2)) and the TIMEX3 value conventions of TimeML
    (ISO-TimeML, Pustejovsky et al. 2010): weekdays and year-less dates resolve against the
    publication date, leaning to the past for past-tense verbs and to the future for "will";
    "the quarter" and "a year earlier" resolve against the last quarter the story mentioned.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from newskit.extract.timexes.dates import (SEASON_MONTH, choose_by_tense, duration_value, mod_of, month_day_date,
                                           month_in, month_value, month_year, number_in, previous_quarter,
                                           quarter_of, quarter_year, shift_month, week_value, weekday_date,
                                           weekday_in, year_in, years_away)
from newskit.extract.timexes.patterns import (ANY_YEAR, APPROX, DAY, DURATION_ADJECTIVE, MOD, MONTH, NUMBER,
                                              ORDINAL_DAY, QUARTER_ADJ, QUARTER_ORD, REL, RELATIVE_UNIT, UNIT,
                                              WEEKDAY, YEAR, alternation)
from newskit.extract.timexes.registry import RULES, Context, Timex, rule
from newskit.extract.timexes.vocabulary import (DECADE_WORDS, FUTURE_REF, ORDINALS, PARTS_OF_DAY, PAST_REF,
                                                PRESENT_REF, RATE_WORDS, SEASONS, SET_ADVERBS, UNIT_WORDS,
                                                VAGUE_NUMBERS)

# RULES is re-exported so that importing it from here guarantees the rules below are registered.
__all__ = ["RULES"]

# Rules are tried all at once; the longest match wins, so "Thursday, July 28, 2016" beats "July 28".


@rule("iso_date", r"\d{4}-[01]\d-[0-3]\d")
def _iso(text: str, ctx: Context):
    try:
        return Timex("DATE", date.fromisoformat(text).isoformat(), "day")
    except ValueError:
        return None


@rule("numeric_date", r"[01]?\d/[0-3]?\d/(?:\d{4}|\d{2})")
def _numeric(text: str, ctx: Context):
    month, day, year = (int(p) for p in text.split("/"))
    if year < 100:
        year += 1900 if year > 40 else 2000
    try:
        return Timex("DATE", date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


def _full_date(text: str, ctx: Context) -> Timex | None:
    month = month_in(text)
    rest = re.sub(MONTH, " ", text, flags=re.IGNORECASE)
    year = year_in(rest) if re.search(ANY_YEAR, rest, re.IGNORECASE) else None
    if year is not None:
        rest = re.sub(ANY_YEAR, " ", rest, flags=re.IGNORECASE)
    days = re.findall(r"\d+", rest)
    day = int(days[0]) if days else ORDINALS.get(re.findall(r"[a-z-]+", rest.lower())[-1], 0)
    mod = mod_of(text)
    if year is None:
        if ctx.anchor is None:
            return Timex("DATE", f"XXXX-{month:02d}-{day:02d}", "day", mod)
        found = month_day_date(month, day, ctx.anchor, ctx.tense)
        return Timex("DATE", found.isoformat(), "day", mod) if found else None
    try:
        return Timex("DATE", date(year, month, day).isoformat(), "day", mod)
    except ValueError:
        return None


rule("month_day", fr"(?:{WEEKDAY},? (?:the )?)?(?:{MOD})?{MONTH} (?:{DAY}|{ORDINAL_DAY})(?:(?:,|, | )(?:{ANY_YEAR}))?",
     needs_capital=True)(_full_date)
rule("day_month", fr"(?:{WEEKDAY},? (?:the )?)?{DAY} (?:of )?{MONTH}(?:,? {ANY_YEAR})?", needs_capital=True)(_full_date)
rule("coming_day", fr"this (?:coming|past) {WEEKDAY}, {MONTH} (?:{DAY}|{ORDINAL_DAY})", needs_capital=True)(_full_date)


@rule("month_year", fr"(?:{MOD})?{MONTH},? (?:of )?{ANY_YEAR}", needs_capital=True)
def _month_year(text: str, ctx: Context):
    rest = re.sub(MONTH, " ", text, flags=re.IGNORECASE)
    return Timex("DATE", month_value(year_in(rest), month_in(text)), "month", mod_of(text))


@rule("month", fr"(?:{REL} |{MOD}|each |every )?{MONTH}(?: (?:this|last|next) year)?", needs_capital=True)
def _bare_month(text: str, ctx: Context):
    month = month_in(text)
    lower = text.lower()
    if lower.startswith(("each", "every")):
        return Timex("SET", f"XXXX-{month:02d}", "set")
    mod = mod_of(text)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{month:02d}", "month", mod)
    anchor = ctx.anchor
    if lower.endswith("last year"):
        year = anchor.year - 1
    elif lower.endswith("next year"):
        year = anchor.year + 1
    elif lower.endswith("this year"):
        year = anchor.year
    elif lower.startswith(("last", "the past", "past", "the previous", "previous", "this past")):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif lower.startswith(("next", "the coming", "coming", "the following", "this coming")):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif lower.startswith(("this", "the current", "current")):
        year = anchor.year
    else:
        year = month_year(month, anchor, ctx.tense)
    return Timex("DATE", month_value(year, month), "month", mod)


@rule("year", fr"(?:{MOD})?(?:(?:the )?(?:fiscal|calendar|financial|model)(?: year)?[\s-])?(?:the year )?{ANY_YEAR}"
      r"(?: (?:or|and) (?:later|earlier|beyond))?")
def _year(text: str, ctx: Context):
    year = year_in(text)
    if year is None:
        return None
    return Timex("DATE", f"{year:04d}", "year", mod_of(text))


@rule("decade", pattern=r"(?:the )?(?:(?:early|late|mid)[\s-])?(?:(?:1[6-9]|20)\d0|'\d0)'?s"
      r"|(?:the )?(?:(?:early|late|mid)[\s-])?(?:nineteen )?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)")
def _decade(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"(\d{4})|'(\d)0", lower)
    if match and match[1]:
        value = match[1][:3]
    elif match:
        value = "19" + match[2]
    else:
        word = re.findall(r"[a-z]+ies", lower)[-1]
        value = "19" + str(DECADE_WORDS[word])
    return Timex("DATE", value, "decade", mod_of(text))


@rule("century", pattern=fr"(?:the )?(?:(?:early|late|mid)[\s-])?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_DAY}|twenty-first)[\s-]century")
def _century(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"(\d{1,2})(?:st|nd|rd|th)", lower)
    number = int(match[1]) if match else next(v for k, v in sorted(ORDINALS.items(), key=lambda kv: -len(kv[0])) if k in lower)
    return Timex("DATE", f"{number - 1:02d}", "century", mod_of(text))


@rule("quarter", pattern=QUARTER_ADJ + fr"{QUARTER_ORD}[\s-](?:fiscal[\s-])?quarter(?: of (?:fiscal )?{YEAR}|,? {YEAR})?"
      fr"|Q[1-4](?:[\s-]{YEAR}|[\s-]'?\d\d)?|(?:the )?(?:fiscal[\s-])?{YEAR}(?:'s)? {QUARTER_ORD}[\s-]quarter")
def _quarter(text: str, ctx: Context):
    lower = text.lower()
    match = re.search(r"q([1-4])", lower)
    quarter = int(match[1]) if match else next(v for k, v in ORDINALS.items() if re.search(rf"\b{k}\b", lower) and v <= 4)
    year = year_in(lower) if re.search(YEAR, lower) else None
    if year is None and ctx.anchor is not None:
        if "last year's" in lower or "year-earlier" in lower or "year-ago" in lower:
            year = ctx.anchor.year - 1
        elif "next year's" in lower:
            year = ctx.anchor.year + 1
        elif "this year's" in lower:
            year = ctx.anchor.year
        else:
            year = quarter_year(quarter, ctx.anchor, ctx.tense)
    if year is None:
        return Timex("DATE", f"XXXX-Q{quarter}", "quarter")
    ctx.quarter = (year, quarter)
    return Timex("DATE", f"{year}-Q{quarter}", "quarter")


@rule("reference_quarter", pattern=r"(?:the |this |that |its |a )(?:(?:latest|current|recent|just-ended|just-completed|past|last|previous|"
      r"year-ago|year-earlier|comparable|corresponding|same|fiscal|\d{4}|[a-z]+-quarter)[\s-])*(?:quarter|period)"
      r"(?: (?:a year (?:ago|earlier)|last year|of (?:last|this) year))?|year-ago|year-earlier")
def _reference_quarter(text: str, ctx: Context):
    lower = text.lower()
    if lower.startswith("a ") or "quarter-" in lower:
        return None
    if lower in ("year-ago", "year-earlier"):
        if ctx.anchor is None:
            return Timex("DATE", "XXXX", "year")
        if ctx.quarter is None:
            return Timex("DATE", f"{ctx.anchor.year - 1}", "year")
    if lower.endswith("period") and not re.search(r"latest|current|recent|year-ago|year-earlier|comparable|corresponding|same|\d{4}|last year", lower):
        return None
    if ctx.anchor is None:
        return Timex("DATE", "XXXX-QX", "quarter")
    year, quarter = ctx.quarter or previous_quarter(ctx.anchor)
    if re.search(r"\d{4}", lower):
        year = int(re.search(r"\d{4}", lower)[0])
    if any(w in lower for w in ("year-ago", "year-earlier", "a year ago", "a year earlier", "last year")):
        year -= 1
    elif "previous" in lower or "last quarter" in lower:
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return Timex("DATE", f"{year}-Q{quarter}", "quarter")


@rule("season", pattern=fr"(?:{REL} |the |{MOD})(?:summer|winter|spring|autumn)(?: of {ANY_YEAR}|,? {YEAR})?"
      fr"|(?:this|last|next|this past|this coming) fall|(?:the )?fall(?: of)? {ANY_YEAR}|(?:summer|winter|spring|autumn) {ANY_YEAR}")
def _season(text: str, ctx: Context):
    lower = text.lower()
    season = next(code for word, code in SEASONS.items() if word in lower)
    mod = mod_of(text)
    if re.search(ANY_YEAR, lower, re.IGNORECASE):
        return Timex("DATE", f"{year_in(lower)}-{season}", "season", mod)
    if ctx.anchor is None:
        return Timex("DATE", f"XXXX-{season}", "season", mod)
    anchor = ctx.anchor
    start = SEASON_MONTH[season]
    now = anchor.year * 12 + anchor.month - 1
    keys = [(anchor.year + d) * 12 + start - 1 for d in (-1, 0, 1)]
    if lower.startswith(("last", "the past", "past", "this past", "previous", "the previous")):
        key = max(k for k in keys if k + 3 <= now) if any(k + 3 <= now for k in keys) else keys[0]
    elif lower.startswith(("next", "the coming", "coming", "this coming", "the following")):
        key = min(k for k in keys if k > now)
    elif lower.startswith(("this", "the current", "current")):
        key = min((k for k in keys if k + 3 > now), default=keys[1])
    else:
        # "the summer": the nearest season with this name, by tense
        centres = [k + 1 for k in keys]
        key = choose_by_tense(centres, now, ctx.tense) - 1
    return Timex("DATE", f"{key // 12}-{season}", "season", mod)


@rule("relative_period", pattern=fr"(?:(?:early|late|earlier|later|mid)[\s-])?(?:{MOD})?(?:{REL}|the) {RELATIVE_UNIT}"
      fr"|(?:(?:early|late|earlier|later) )?(?:this|last|next) {RELATIVE_UNIT}|year-end|the year's end|year end")
def _relative_period(text: str, ctx: Context):
    lower = text.lower()
    unit = re.findall(r"(weekend|week|month|decade|century|year)(?!\w)", lower)
    unit = unit[-1] if unit else "year"
    mod = mod_of(text)
    if "end" in lower and unit == "year" and re.search(r"year[- ']s? ?end|year end", lower):
        if ctx.anchor is None:
            return Timex("DATE", "XXXX-12-31", "day")
        year = ctx.anchor.year if ctx.tense != "past" or ctx.anchor.month == 12 else ctx.anchor.year - 1
        return Timex("DATE", f"{year}-12-31", "day")
    if re.search(r"\b(last|past|previous)\b", lower):
        step = -1
    elif re.search(r"\b(next|coming|following)\b", lower):
        step = 1
    elif re.search(r"\b(this|current)\b", lower):
        step = 0
    else:  # "the week", "the year": the period the story is in
        step = 0
        if unit == "year" and ctx.next_word.lower() in ("ended", "ending") and re.fullmatch(
                r"the (?:fiscal |financial )?year", lower):
            return Timex("DURATION", "P1Y", "duration")  # "for the year ended Sept. 30": twelve months
        if unit in ("decade", "century") and not lower.startswith("the "):
            return None
    if ctx.anchor is None:
        placeholder = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                       "decade": "XXX", "century": "XX"}[unit]
        return Timex("DATE", placeholder, unit if unit != "weekend" else "week", mod)
    anchor = ctx.anchor
    if unit == "week":
        return Timex("DATE", week_value(anchor + timedelta(weeks=step)), "week", mod)
    if unit == "weekend":
        saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
        if step < 0 or (step == 0 and ctx.tense == "past") or (step == 0 and anchor.weekday() < 2 and ctx.tense != "future"):
            saturday -= timedelta(weeks=1)
        if step > 0:
            saturday += timedelta(weeks=0 if anchor.weekday() < 5 else 1)
        return Timex("DATE", week_value(saturday) + "-WE", "week", mod)
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, step)
        return Timex("DATE", month_value(year, month), "month", mod)
    return years_away(anchor, unit, step, mod)


@rule("ago", pattern=fr"{APPROX}?(?:{NUMBER}|{NUMBER} or (?:so|{NUMBER})) (?:{UNIT})(?: or so)? (?:ago|earlier|later|from now|hence)"
      r"|(?:a (?:week|month|year|day|decade|quarter) or so|some time|a while|years|months|weeks|days) ago")
def _ago(text: str, ctx: Context):
    lower = text.lower()
    unit_match = re.findall(r"(second|minute|hour|day|weekend|week|fortnight|month|quarter|year|decade|centur)", lower)
    if not unit_match:
        return Timex("DATE", "PAST_REF", "ref")
    unit = unit_match[0]
    direction = 1 if re.search(r"\b(later|from now|hence)\b", lower) else -1
    quantity = re.sub(fr"^{APPROX}", "", lower)
    quantity = re.split(r"\s(?=(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur))", quantity)[0]
    quantity = re.sub(r" or (so|\w+)$", "", quantity)
    number = number_in(quantity)
    mod = mod_of(text)
    if number is None:
        return Timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", "ref")
    if ctx.anchor is None:
        return Timex("DATE", {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX"), unit, mod)
    anchor = ctx.anchor
    amount = int(number) * direction
    if unit in ("second", "minute", "hour"):
        return Timex("DATE", anchor.isoformat(), "day", mod)
    if unit == "day":
        return Timex("DATE", (anchor + timedelta(days=amount)).isoformat(), "day", mod)
    if unit in ("week", "weekend", "fortnight"):
        return Timex("DATE", week_value(anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))), "week", mod)
    if unit == "month":
        return Timex("DATE", month_value(*shift_month(anchor.year, anchor.month, amount)), "month", mod)
    if unit == "quarter":
        index = anchor.year * 4 + quarter_of(anchor) - 1 + amount
        return Timex("DATE", f"{index // 4}-Q{index % 4 + 1}", "quarter", mod)
    if unit == "year" and ctx.quarter is not None and int(number) == 1:
        # "a year earlier" in an earnings story: the same quarter a year before
        year, quarter = ctx.quarter
        return Timex("DATE", f"{year + direction}-Q{quarter}", "quarter", mod)
    return years_away(anchor, "century" if unit == "centur" else unit, amount, mod)


@rule("duration", pattern=fr"{APPROX}?(?:the )?(?:{DURATION_ADJECTIVE}\s)?"
      fr"(?:{NUMBER}(?:\sor (?:so|{NUMBER}))?(?:\s(?:to|or)\s{NUMBER})?\s)(?:more\s|additional\s|straight\s|consecutive\s|full\s|trading\s|business\s|calendar\s)?(?:{UNIT})(?: or so)?"
      fr"|(?:{NUMBER})-(?:{'|'.join(UNIT_WORDS)})(?:-old)?"
      fr"|(?:the )?(?:past|last|next|coming|recent|previous|first) (?:few |several )?(?:{UNIT})"
      r"|(?:a )?(?:minute|hour|day|week|month|year) and a half"
      # bare: "for centuries", "within weeks"; not "opening hours" (when, not how long)
      r"|years|months|weeks|days|decades|centuries"
      r"|(?<!opening )(?<!drinking )(?<!working )(?<!office )(?<!business )(?<!visiting )(?<!trading )hours")
def _duration_rule(text: str, ctx: Context):
    lower = text.lower().replace("-old", "")
    units = re.findall(r"(second|minute|hour|day|weekend|week|fortnight|month|quarter|year|decade|centur)", lower)
    if not units:
        return None
    unit = units[-1]
    unit = "century" if unit == "centur" else unit
    if unit == "weekend":
        return None
    if "and a half" in lower:
        number = number_in(re.split(r"\s(?=(?:second|minute|hour|day|week|month|year))", re.sub(r"^a ", "one ", lower))[0]) or 1
        return Timex("DURATION", duration_value(number + 0.5, unit), "duration")
    quantity = re.sub(fr"^{APPROX}", "", lower)
    quantity = re.sub(rf"^(?:the|a|an)\s(?={DURATION_ADJECTIVE}\s)", "", quantity)
    quantity = re.sub(rf"^(?:the\s)?{DURATION_ADJECTIVE}\s", "", quantity)
    quantity = re.sub(r"^the\s", "", quantity)
    quantity = re.split(r"[\s-](?=(?:more\s|additional\s|straight\s|consecutive\s|full\s|trading\s|business\s|calendar\s)?(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur))", quantity)[0]
    quantity = re.sub(r"\s(?:to|or)\s.*$", "", quantity)
    if re.fullmatch(UNIT, quantity):
        quantity = ""  # "recent years", "coming weeks": no number at all
    plural = bool(re.search(r"(?:s|centuries)(?: or so)?$", lower))
    if quantity in ("", "past", "last", "next", "coming", "recent", "previous", "first"):
        number = None if plural else 1
    elif quantity in ("few", "several", "a few"):
        number = None
    else:
        number = number_in(quantity)
        if number is None and quantity not in VAGUE_NUMBERS:
            return None
    if unit == "quarter" and number is None:
        return Timex("DURATION", "PXQ", "duration", mod_of(text))
    if ctx.previous_word and number == 1 and re.match(r"^(?:a|an|per)\s", lower) and _is_rate(ctx.previous_word):
        return Timex("SET", duration_value(1, unit), "set")
    return Timex("DURATION", duration_value(number, unit), "duration", mod_of(text))


def _is_rate(previous: str) -> bool:
    """ "$500 a year", "twice a week": a frequency, not a duration."""
    previous = previous.lower()
    return bool(re.search(r"[\d%]$", previous)) or previous in RATE_WORDS


@rule("set", pattern=r"(?:every|each|per)\s(?:other\s|single\s)?(?:day|week|month|quarter|year|decade|morning|afternoon|evening|night|hour|minute|weekend|summer|winter|spring|fall|autumn)"
      fr"|(?:every|each)\s{WEEKDAY}|{WEEKDAY}s(?:\s(?:morning|afternoon|evening|night)s?)?"
      r"|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|twice a (?:day|week|month|year)|once a (?:day|week|month|year)")
def _set(text: str, ctx: Context):
    lower = text.lower()
    if lower in SET_ADVERBS:
        return Timex("SET", SET_ADVERBS[lower], "set")
    weekday = weekday_in(lower)
    if weekday is not None:
        part = next((code for word, code in PARTS_OF_DAY.items() if word in lower), None)
        return Timex("SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), "set")
    unit = re.findall(r"[a-z]+$", lower)[0]
    if unit in PARTS_OF_DAY:
        return Timex("SET", f"TXX{PARTS_OF_DAY[unit]}".replace("TXX", "T"), "set")
    if unit in SEASONS:
        return Timex("SET", f"XXXX-{SEASONS[unit]}", "set")
    if unit == "weekend":
        return Timex("SET", "XXXX-WXX-WE", "set")
    every_other = 2 if "other" in lower else 1
    return Timex("SET", duration_value(every_other, unit), "set")


@rule("weekday", pattern=fr"(?:(?:last|next|this|this coming|this past|the previous|the following|early|late|earlier|later|mid)\s)?{WEEKDAY}"
      r"(?:\s(?:morning|afternoon|evening|night))?", needs_capital=True)
def _weekday(text: str, ctx: Context):
    lower = text.lower()
    weekday = weekday_in(lower)
    part = next((code for word, code in PARTS_OF_DAY.items() if lower.endswith(word)), None)
    relation = ""
    if lower.startswith(("last", "this past", "the previous")):
        relation = "last"
    elif lower.startswith(("next", "this coming", "the following")):
        relation = "next"
    elif lower.startswith("this"):
        relation = "this"
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.anchor is None:
        return Timex(kind, "XXXX-XX-XX" + (f"T{part}" if part else ""), precision)
    day = weekday_date(weekday, ctx.anchor, ctx.tense, relation)
    return Timex(kind, day.isoformat() + (f"T{part}" if part else ""), precision, mod_of(text))


@rule("deictic_day", r"(?:(?:early|late|earlier|later)\s)?(?:yesterday|today|tomorrow)(?:\s(?:morning|afternoon|evening|night))?"
      r"|(?:the day (?:before|after) (?:yesterday|tomorrow))")
def _deictic(text: str, ctx: Context):
    lower = text.lower()
    offset = 0
    if "day before yesterday" in lower:
        offset = -2
    elif "day after tomorrow" in lower:
        offset = 2
    elif "yesterday" in lower:
        offset = -1
    elif "tomorrow" in lower:
        offset = 1
    part = next((code for word, code in PARTS_OF_DAY.items() if lower.endswith(word)), None)
    kind, precision = ("TIME", "time") if part else ("DATE", "day")
    if ctx.anchor is None:
        return Timex(kind, "XXXX-XX-XX" + (f"T{part}" if part else ""), precision)
    return Timex(kind, (ctx.anchor + timedelta(days=offset)).isoformat() + (f"T{part}" if part else ""), precision, mod_of(text))


@rule("part_of_day", pattern=r"(?:this|last|tomorrow|yesterday|early this|late last|later this|earlier this)\s(?:morning|afternoon|evening|night)"
      r"|tonight|overnight|(?:the\s)?(?:mid[\s-]?afternoon|midday)(?:\s(?:yesterday|today|tomorrow))?")
def _part_of_day(text: str, ctx: Context):
    lower = text.lower()
    part = next((code for word, code in sorted(PARTS_OF_DAY.items(), key=lambda kv: -len(kv[0])) if word in lower))
    offset = -1 if ("last" in lower and part == "NI") or "yesterday" in lower else 1 if "tomorrow" in lower else 0
    if ctx.anchor is None:
        return Timex("TIME", f"XXXX-XX-XXT{part}", "time")
    return Timex("TIME", f"{(ctx.anchor + timedelta(days=offset)).isoformat()}T{part}", "time")


@rule("clock_time", pattern=r"(?:(?:around|about|shortly after|shortly before|just after|just before)\s)?"
      r"(?:\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d\d|noon|midnight)"
      r"(?:\s(?:EST|EDT|CST|PST|GMT|UTC|local time|Moscow time|\([A-Z]{3,4}\)))?"
      fr"(?:,?\s(?:on\s)?(?:{WEEKDAY}|yesterday|today|tomorrow|{MONTH}\s{DAY}))?")
def _clock(text: str, ctx: Context):
    lower = text.lower()
    hour, minute = 12, 0
    match = re.search(r"(\d{1,2})(?::(\d\d))?\s?(a\.m\.|p\.m\.|am|pm)?", lower)
    if "midnight" in lower:
        hour = 0
    elif "noon" in lower:
        hour = 12
    elif match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if match[3] and match[3].startswith("p") and hour < 12:
            hour += 12
        if match[3] and match[3].startswith("a") and hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        return None
    day: str = "XXXX-XX-XX"
    if ctx.anchor is not None:
        weekday = weekday_in(lower)
        month = month_in(re.sub(r"\b(a\.m\.|p\.m\.)", "", lower))
        if weekday is not None:
            day = weekday_date(weekday, ctx.anchor, ctx.tense).isoformat()
        elif month is not None:
            days = re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?$", lower)
            found = month_day_date(month, int(days[0]), ctx.anchor, ctx.tense) if days else None
            day = found.isoformat() if found else day
        elif "yesterday" in lower:
            day = (ctx.anchor - timedelta(days=1)).isoformat()
        elif "tomorrow" in lower:
            day = (ctx.anchor + timedelta(days=1)).isoformat()
        else:
            day = ctx.anchor.isoformat()
    return Timex("TIME", f"{day}T{hour:02d}:{minute:02d}", "time", mod_of(text))


@rule("reference", alternation(PRESENT_REF + PAST_REF + FUTURE_REF) + r"|recent (?:years|months|weeks|days|decades)"
      r"|the (?:last|past) (?:few|several) (?:years|months|weeks|days|decades)|(?:the )?years ahead")
def _reference(text: str, ctx: Context):
    lower = text.lower()
    if lower in PRESENT_REF:
        return Timex("DATE", "PRESENT_REF", "ref")
    if lower in FUTURE_REF or "ahead" in lower or "coming" in lower:
        return Timex("DATE", "FUTURE_REF", "ref")
    return Timex("DATE", "PAST_REF", "ref")
