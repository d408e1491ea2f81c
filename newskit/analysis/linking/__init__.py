"""Corpus-wide entity identity: one `entity_id` and one display name per real entity across articles.

Tagging resolves names inside one article ("Antonov" -> "Anatoly Antonov" when the article names
him in full). Linking runs after tagging, on the frames, so it needs no re-tagging and is redone
when the aliases change (`newskit.link(corpus, aliases=...)`, `corpus.with_aliases(path)`):

- forms.py     the name each mention carries: stray brackets dropped, headline words glued onto a
               name trimmed off ("Donald Trump Vows" -> "Donald Trump"), user aliases applied
- people.py    people across articles: surname, middle initial, "Jr."/"III" and short-first-name
               forms join the one full name the corpus uses; a bare surname that several people
               share stays apart, marked ambiguous, unless the corpus shows whom it means
- acronyms.py  organisations and places: "F.B.I." = "FBI" = "Federal Bureau of Investigation"
               (initials of a name seen in the corpus), "U.S." = "United States" (pycountry codes)
- labels.py    one label per entity by corpus vote; one-word "people" that stand where
               organisations stand ("on Twitter") become ORG
- titles.py    a speaker written as a description ("the chancellor said") whom the article
               resolved to someone the corpus never gives that title becomes the one person the
               article names whom the corpus does ("Chancellor Gordon Brown" elsewhere)
- link.py      the pass itself: entities get `entity_id`, `entity` (display name), `label`,
               `ambiguous` and keep the article's own name in `article_entity`; quotes' `speaker`
               takes the same names (`speaker_id`)
"""
