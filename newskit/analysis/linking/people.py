"""People across articles: the forms of one person's name join one cluster.

A form is one distinct folded name ("donald j. trump", "trump"). Full names join when their first
names agree (equal, or one a short form of the other: "Chuck"/"Charles") and their middle initials
do not conflict ("George W. Bush" and "George H.W. Bush" stay two). A name with "Jr."/"Sr." joins
the same name without it only when no article names both (a father and his son). A form that fits
several clusters joins the one holding DOMINANT_SHARE of their mentions, else stays apart and is
marked ambiguous. A bare name that is no one's surname but someone's first name ("Hillary") joins
that person when the corpus names one such person (or one holding DOMINANT_SHARE of their
mentions). A bare surname joins the one full name the corpus has for it; when several
people share the surname (or it is also the first name of someone named in full: "Charles"), the articles that resolved the bare form themselves (the article named
the person in full) vote, and without a clear vote the surname stays apart, ambiguous.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newskit.extract.names import COURTESY_TITLES, GENERATIONAL_SUFFIXES, PEER_TITLES, NameParts, same_first_name, title_fits_first_name

# Share of the candidates' mentions (or of the articles' votes) that lets a form join one of
# several fitting clusters.
DOMINANT_SHARE = 0.9
# Articles that must have resolved a shared bare surname before the corpus follows their vote.
MIN_VOTES = 3


@dataclass
class PersonForm:
    key: str
    parts: NameParts
    mentions: int
    articles: frozenset[str]


@dataclass
class _Cluster:
    key: str
    first: str
    middle: str
    surname: str
    mentions: int = 0
    members: list[PersonForm] = field(default_factory=list)

    def add(self, form: PersonForm) -> None:
        self.members.append(form)
        self.mentions += form.mentions
        self.middle = self.middle or form.parts.middle

    def articles(self, generational: bool) -> set[str]:
        """Articles naming a member with (generational=True) or without a "Jr."/"Sr."."""
        return {a for m in self.members if (m.parts.suffix in GENERATIONAL_SUFFIXES) == generational
                for a in m.articles}


def cluster_people(forms: list[PersonForm], votes: dict[str, Counter]) -> dict[str, tuple[str, bool]]:
    """form key -> (cluster key, ambiguous). `votes`: bare surname -> Counter of the full-name form
    keys that articles resolved it to."""
    assigned: dict[str, tuple[str, bool]] = {}
    clusters: dict[str, list[_Cluster]] = defaultdict(list)  # surname -> clusters
    order = sorted(forms, key=lambda f: (-f.mentions, f.key))
    full = [f for f in order if f.parts.first]
    # names with a middle initial or a suffix first: they say most about who is who
    for specific in (True, False):
        for form in (f for f in full if bool(f.parts.middle or f.parts.suffix) == specific):
            _place(form, clusters[form.parts.surname], full, assigned)
    by_last_word: dict[str, list[_Cluster]] = defaultdict(list)
    by_first: dict[str, list[_Cluster]] = defaultdict(list)
    for surname, found in sorted(clusters.items()):
        if " " in surname:  # "de mistura": a bare "Mistura" may mean it
            by_last_word[surname.split(" ")[-1]].extend(found)
        for cluster in found:
            by_first[cluster.first].append(cluster)
    for form in (f for f in order if not f.parts.first):
        candidates = clusters.get(form.parts.surname) or by_last_word.get(form.parts.surname) or []
        # a bare "Charles" may be Ray Charles or Charles Kennedy: first names count as candidates
        named = by_first.get(form.parts.surname, [])
        if form.parts.suffix in GENERATIONAL_SUFFIXES:  # "Donald Jr." is not Donald: only a Jr. may be
            candidates = [c for c in candidates + named if c.articles(True)]
            named = []
        if candidates:
            candidates = candidates + [c for c in named if c not in candidates]
            # a peer ("Lord Kinnock") is the one full name only where an article names both
            # (Neil Kinnock), or the articles' votes say so: Richard Nicholls the athlete is no law lord
            # so is a woman's courtesy title ("Mrs Howard", kept on a surname no article named in full)
            title = form.key.split(" ")[0]
            titled = title in PEER_TITLES or title.rstrip(".") in COURTESY_TITLES
            if titled:  # "Baroness Kennedy" is not Charles Kennedy, "Mrs Howard" not Michael Howard
                candidates = [c for c in candidates if title_fits_first_name(title, c.first) is not False]
            together = [c for c in candidates if form.articles & c.articles(False)]
            chosen = together[0] if titled and len(together) == 1 else \
                _by_votes(candidates, votes.get(form.parts.surname, Counter()), assigned, always=titled)
        else:  # only ever a first name here: "Hillary" for Hillary Clinton, if she is the corpus's one
            candidates = named
            chosen = _dominant(named)
        if chosen is not None:
            chosen.add(form)
            assigned[form.key] = (chosen.key, False)
        else:
            assigned[form.key] = ("person:" + form.key, len(candidates) > 1)
    return assigned


def _place(form: PersonForm, found: list[_Cluster], full: list[PersonForm], assigned: dict) -> None:
    fits = [c for c in found if _fits(form, c)]
    chosen = _dominant(fits)
    if chosen is None and fits:  # fits several people equally well: apart, ambiguous
        assigned[form.key] = ("person:" + form.key, True)
        return
    if chosen is None:
        chosen = _Cluster("person:" + form.key, form.parts.first, form.parts.middle, form.parts.surname)
        found.append(chosen)
    chosen.add(form)
    assigned[form.key] = (chosen.key, False)


def _fits(form: PersonForm, cluster: _Cluster) -> bool:
    parts = form.parts
    first = same_first_name(parts.first, cluster.first)
    middle = not parts.middle or not cluster.middle or parts.middle == cluster.middle
    if not (first and middle):
        return False
    # "Donald Trump Jr." and "Donald Trump" named in one article are two people
    generational = parts.suffix in GENERATIONAL_SUFFIXES
    return form.articles.isdisjoint(cluster.articles(not generational))


def _dominant(fits: list[_Cluster]) -> _Cluster | None:
    if len(fits) <= 1:
        return fits[0] if fits else None
    total = sum(c.mentions for c in fits)
    best = max(fits, key=lambda c: (c.mentions, c.key))
    return best if total and best.mentions >= DOMINANT_SHARE * total else None


def _by_votes(candidates: list[_Cluster], votes: Counter, assigned: dict, always: bool = False) -> _Cluster | None:
    """The one candidate, or (several, or `always`) the one the articles' votes choose."""
    if len(candidates) == 1 and not always:
        return candidates[0]
    if not candidates:
        return None
    tally: Counter = Counter()
    for form_key, n in votes.items():
        target = assigned.get(form_key)
        if target is not None:
            tally[target[0]] += n
    total = sum(tally.values())
    if total < MIN_VOTES:
        return None
    best_key, best = max(tally.items(), key=lambda kv: (kv[1], kv[0]))
    if best < DOMINANT_SHARE * total:
        return None
    return next((c for c in candidates if c.key == best_key), None)
