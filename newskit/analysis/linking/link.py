"""The linking pass: a corpus's entities and quotes frames in, the same frames with corpus-wide
names out (see the package doc for the rules and where each lives)."""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd

from newskit.analysis.linking.acronyms import NameForm, form_key, is_acronym, join_acronyms
from newskit.analysis.linking.aliases import apply_aliases, read_aliases
from newskit.analysis.linking.forms import clean_name, trim_glued
from newskit.analysis.linking.labels import is_organisation, vote
from newskit.analysis.linking.people import PersonForm, cluster_people
from newskit.analysis.linking.titles import titled_speakers
from newskit.extract import lexicon
from newskit.extract.entities import gazetteer
from newskit.extract.names import (HONORIFICS, NAME_LABELS, PEER_TITLES, PEERAGE_TITLES, ends_like_organisation,
                                   first_name_gender, fold, is_club_name, is_common_word, is_first_name,
                                   is_kind_of_organisation, is_known_first_name, is_party_name, is_plural_role, is_womans_title,
                                   is_title_word, name_parts, names_a_region, normalize_name, org_context, same_first_name)
from newskit.frames import JOINT, conform, joint_name

# Labels the model puts on a lone surname it does not know ("Odhiambo" as WORK_OF_ART): such a
# word that is the surname of a person named in full in the corpus is that person's surname.
# Not ORG (a company "Ford" beside an actor Harrison Ford) and no place ("Jordan").
SURNAME_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "FAC", "LAW", "LANGUAGE"})


# "Tories" and "Conservatives" are one party: built-in aliases, applied before the user's
PARTY_ALIASES = read_aliases({alias: entity for alias, entity in lexicon.table("entities/party_aliases")["aliases"].items()}
                             ).assign(label="ORG")


def link(corpus, aliases=None):
    """The corpus with corpus-wide entity names: `entities.entity_id` / `entity` / `label` /
    `ambiguous`, and `quotes.speaker` / `speaker_id` in the same names. `aliases`: a CSV path,
    DataFrame or dict (see newskit.analysis.linking.aliases). Linking again (other aliases)
    starts from the article-level names, which stay in `article_entity` / `article_speaker`."""
    entities, quotes = link_frames(corpus.articles, corpus.entities, corpus.quotes, aliases)
    return corpus.with_frames(entities=entities, quotes=quotes)


def link_frames(articles: pd.DataFrame, entities: pd.DataFrame, quotes: pd.DataFrame, aliases=None
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    table = pd.concat([PARTY_ALIASES, read_aliases(aliases)], ignore_index=True)  # the user's rows win
    frame = entities.copy()
    if "article_entity" in frame.columns and frame["article_entity"].notna().any():
        local = frame["article_entity"].where(frame["article_entity"].notna(), frame["entity"])
    else:
        local = frame["entity"]
    frame["article_entity"] = local.astype(str)
    if frame.empty:
        return conform("entities", frame), _link_quotes(quotes, frame, {})
    texts = dict(zip(articles["article_id"].astype(str), articles["text"]))
    named = frame["label"].astype(str).isin(NAME_LABELS).to_numpy()
    frame["entity"] = frame["entity"].astype(object)
    frame["ambiguous"] = False
    frame["label"] = frame["label"].astype(str)
    if not named.any():
        frame["entity_id"] = entity_ids(frame["label"], frame["entity"])
        return conform("entities", frame), _link_quotes(quotes, frame, {})
    forms = _memo(frame["article_entity"], clean_name)[named]
    rows = frame[named].copy()
    # "Mr Ebbers", whatever the model called it, is a person named Ebbers
    titled = _memo(forms, _courtesy_titled).astype(bool)
    # (a woman's courtesy title stays: "Mrs Howard" is a bare surname no man of it may take, people.py)
    forms = forms.where(~titled | _memo(forms, _woman_titled).astype(bool), _memo(forms, lambda f: normalize_name(f, "PERSON")))
    rows.loc[titled, "label"] = "PERSON"
    rows, forms = trim_glued(rows, forms, texts)
    forms, pinned, forced = apply_aliases(table, forms, rows["text"], rows["article_id"].astype(str))
    keys = _memo(forms, form_key).where(~pinned, "pinned:" + _memo(forms, fold))
    clusters = _Clusters(rows, forms, keys, pinned, forced, texts, _said_by_he_or_she(quotes))
    cluster = keys.map(clusters.cluster_of)
    frame.loc[named, ["start", "end", "text"]] = rows[["start", "end", "text"]]
    frame.loc[named, "entity"] = cluster.map(clusters.display).to_numpy()
    frame.loc[named, "label"] = cluster.map(clusters.label).to_numpy()
    frame.loc[named, "ambiguous"] = cluster.map(clusters.ambiguous).to_numpy()
    frame["entity_id"] = entity_ids(frame["label"], frame["entity"])
    frame.loc[named, "entity_id"] = cluster.map(clusters.ids).to_numpy()
    names = {(a, fold(local)): (e, i) for a, local, e, i in
             zip(frame["article_id"].astype(str), frame["article_entity"], frame["entity"], frame["entity_id"])}
    corpus_names = {key: (clusters.display[c], clusters.ids[c])
                    for key, c in clusters.cluster_of.items() if not clusters.ambiguous[c]}
    linked = _link_quotes(quotes, frame, names, corpus_names, _surnames_of_people(clusters))
    return conform("entities", frame), conform("quotes", titled_speakers(linked, frame))


def entity_id(label: str, name: str) -> str:
    """An entity's id: its label and folded display name ("PERSON:anatoly antonov"), the same for
    the same corpus in every run."""
    return f"{label}:{fold(name)}"


def entity_ids(labels: pd.Series, names: pd.Series) -> pd.Series:
    return labels.astype(str) + ":" + _memo(names.astype(str), fold)


# Words of newspapers' and magazines' names ("Telegraph", "Times"): no person's full name
PUBLICATION_NAME_WORDS = lexicon.words("quotes/publication_name_words")


def _place_named(parts, name: str) -> bool:
    """"Manchester United": a "first name" that is a place and no known first name is no person.
    A first name of the US lists that is also a place's, with a surname, is a person's when the
    tagger says so: "Warren Gatland", "Carolina Kluft", "Milan Baros" (not a club's or a firm's
    name: "Preston North End", "Delta Airlines")."""
    if parts is None or not parts.first:
        return False
    place = gazetteer.lookup(parts.first)
    if place is None or is_known_first_name(parts.first):
        return False
    # (never a country's name: "China Southern" is an airline)
    return not (place.kind != "country" and first_name_gender(parts.first) is not None and len(name.split()) == 2
                and not is_club_name(name) and not ends_like_organisation(name))


def _woman_titled(name: str) -> bool:
    """"Mrs Howard", "Ms Ulens": a surname after a woman's courtesy title (not a place's title,
    "Miss England")."""
    words = name.split(" ")
    return len(words) == 2 and is_womans_title(words[0]) and not names_a_region(words[1])


def _courtesy_titled(name: str) -> bool:
    words = name.split(" ")
    return len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS and words[1][:1].isupper()


def _memo(values: pd.Series, function) -> pd.Series:
    """`function` of every value, computed once per distinct value."""
    return values.map({value: function(value) for value in pd.unique(values)})


class _Clusters:
    """Forms (distinct keys) grouped into entities: cluster_of form key, display, label, ambiguous."""

    def __init__(self, rows, forms, keys, pinned, forced, texts, pronoun_speakers: frozenset[str] = frozenset()) -> None:
        labels = rows["label"].astype(str)
        self.cluster_of: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.label: dict[str, str] = {}
        self.ambiguous: dict[str, bool] = {}
        self.ids: dict[str, str] = {}  # cluster -> entity_id
        form_labels = _counters(keys, labels)
        spellings = _counters(keys, forms)
        forced_labels = _counters(keys[forced != ""], forced[forced != ""])
        pinned_keys = set(keys[pinned])
        mentions = {key: sum(c.values()) for key, c in form_labels.items()}
        articles = rows["article_id"].astype(str)
        people, others = [], []
        for key in sorted(form_labels):
            top = _top_spelling(spellings[key])
            parts = name_parts(top)
            if key in forced_labels:
                person = vote(forced_labels[key]) == "PERSON"
            else:  # most of its mentions are PERSON ("Trump", now and then tagged ORG)
                person = form_labels[key]["PERSON"] * 2 >= mentions[key] and not _place_named(parts, top)
            if key in pinned_keys:
                self.cluster_of[key] = "pinned:" + key
            elif person and parts is not None:
                people.append(PersonForm(key, parts, mentions[key], frozenset()))
            else:
                others.append(NameForm(key, top, vote(form_labels[key]), mentions[key]))
        # "Bernie Ebbers" tagged ORG beside "Bernard Ebbers" the PERSON: a person too
        firsts: dict[str, set[str]] = defaultdict(set)
        for f in people:
            if f.parts.first:
                firsts[f.parts.surname].add(f.parts.first)
        # surnames a PERSON mention carries alone, with the articles where it does
        alone_keys = {f.key: f.parts.surname for f in people if not f.parts.first}
        alone: dict[str, set[str]] = defaultdict(set)
        for key, where in _articles_of(keys, articles, set(alone_keys)).items():
            alone[alone_keys[key]] |= where
        org_named = {f.key for f in others if f.label == "ORG"}
        org_articles = _articles_of(keys, articles, org_named) if org_named else {}
        still = []
        for form in others:
            parts = name_parts(form.spelling)
            if parts is None or form.key in forced_labels:
                still.append(form)
            elif parts.first and any(same_first_name(parts.first, f) for f in sorted(firsts.get(parts.surname, ()))):
                people.append(PersonForm(form.key, parts, form.mentions, frozenset()))
            elif parts.first and form.label == "ORG" and not any(w in PUBLICATION_NAME_WORDS for w in form.spelling.split()) \
                    and org_articles.get(form.key, frozenset()) & alone.get(parts.surname, set()):
                # "Nicola Sturgeon" tagged ORG in an article where "Sturgeon" alone is a PERSON
                # (not a paper: "Daily Telegraph" where "Telegraph" alone was tagged a person)
                people.append(PersonForm(form.key, parts, form.mentions, frozenset()))
            elif parts.first and form.key in pronoun_speakers and is_known_first_name(parts.first) \
                    and not ends_like_organisation(form.spelling) and not is_club_name(form.spelling):
                # "Sebastien Bruno" tagged ORG, whom an article quotes as "he": a person
                people.append(PersonForm(form.key, parts, form.mentions, frozenset()))
            elif not parts.first and form.label in SURNAME_LABELS and parts.surname in firsts:
                # "Odhiambo" tagged WORK_OF_ART where the corpus knows Amina Odhiambo
                people.append(PersonForm(form.key, parts, form.mentions, frozenset()))
            else:
                still.append(form)
        others = still
        # which articles name each full-name form (a father and son named together stay two)
        full = {f.key for f in people if f.parts.first}
        # (and which name each peer's title form: "Lord Kinnock" beside "Neil Kinnock")
        peers = {f.key for f in people if f.key.split(" ")[0] in PEER_TITLES or _woman_titled(f.key)}
        in_articles = pd.DataFrame({"key": keys, "article": articles})
        in_articles = in_articles[in_articles["key"].isin(full | peers)].drop_duplicates()
        by_form = in_articles.groupby("key")["article"].agg(frozenset).to_dict()
        people = [PersonForm(f.key, f.parts, f.mentions, by_form.get(f.key, frozenset())) for f in people]
        for key, (target, ambiguous) in cluster_people(people, _surname_votes(rows, keys, full)).items():
            self.cluster_of[key] = target
            self.ambiguous[target] = ambiguous
        joins = join_acronyms(others, lambda wanted: _articles_of(keys, articles, wanted), _expansions(rows, keys))
        for form in others:
            self.cluster_of[form.key] = "other:" + joins.get(form.key, form.key)
        members: dict[str, list[str]] = defaultdict(list)
        for key, target in self.cluster_of.items():
            members[target].append(key)
        full_people = {f.key for f in people if f.parts.first}
        one_word = {t for t, ks in members.items() if t.startswith("person:") and not full_people & set(ks)}
        evidence = _org_evidence(rows, keys, {k: t for t in one_word for k in members[t]}, texts)
        form_articles = _articles_of(keys, articles, {k for t in one_word for k in members[t]})
        pinned_clusters = {self.cluster_of[k] for k in pinned_keys}
        for target, keys_in in sorted(members.items()):
            self.ambiguous.setdefault(target, False)
            votes = sum((form_labels[k] for k in keys_in), Counter())
            names = sum((spellings[k] for k in keys_in), Counter())
            forced_here = sum((forced_labels.get(k, Counter()) for k in keys_in), Counter())
            has_full = any(k in full_people for k in keys_in)
            if has_full:
                full_names = Counter({s: n for s, n in names.items() if len(s.split()) > 1 and not _woman_titled(s)})
                # (a name with its first name before a peer's title: "Susan Greenfield", not
                # "Baroness Greenfield" written more often)
                given = Counter({s: n for s, n in full_names.items() if (parts := name_parts(s)) is not None and parts.first})
                self.display[target] = _top_spelling(given or full_names or names)
            else:
                self.display[target] = _top_spelling(names)
            if forced_here:
                self.label[target] = vote(forced_here)
            elif target.startswith("person:") and (has_full or self.ambiguous[target]):
                self.label[target] = "PERSON"  # named in full, or a surname several people share
            elif target.startswith("person:") and gazetteer.country_of(self.display[target]):
                self.label[target] = "NORP"  # "Welsh" tagged PERSON
            elif target.startswith("person:"):
                spread = len(set().union(*(form_articles.get(k, frozenset()) for k in keys_in)))
                self.label[target] = "ORG" if is_organisation(sum(votes.values()), evidence[target], spread) \
                    else "PERSON"
            else:  # not a person by the rules above ("Manchester United"): the best other label
                others_votes = Counter({k: v for k, v in votes.items() if k != "PERSON"})
                if target in pinned_clusters:
                    self.label[target] = vote(votes)
                else:  # only ever called PERSON, yet no person: a team or firm named after a place
                    self.label[target] = vote(others_votes) if others_votes else "ORG"
        # one id per entity: label and folded name, numbered when two entities share them
        # ("us" the pronoun tagged GPE beside "US" the country), the most mentioned first
        size = {t: sum(form_labels[k].total() for k in ks) for t, ks in members.items()}
        shared: dict[str, list[str]] = defaultdict(list)
        for target in sorted(members):
            shared[entity_id(self.label[target], self.display[target])].append(target)
        for base, targets in shared.items():
            for n, target in enumerate(sorted(targets, key=lambda t: (-size[t], t))):
                self.ids[target] = base if n == 0 else f"{base}~{n + 1}"


def _said_by_he_or_she(quotes: pd.DataFrame) -> frozenset[str]:
    """Form keys of the article-level speakers some quote gives through "he" or "she": people,
    whatever the tagger labelled their names."""
    if not len(quotes) or "speaker_text" not in quotes.columns:
        return frozenset()
    own = quotes["article_speaker"] if "article_speaker" in quotes.columns and quotes["article_speaker"].notna().any() \
        else quotes["speaker"]
    written = quotes["speaker_text"].astype(str).str.lower()
    names = own[written.isin(("he", "she")) & own.notna()].astype(str)
    return frozenset(form_key(clean_name(name)) for name in names.unique() if JOINT not in name)


def _surnames_of_people(clusters: _Clusters) -> dict[str, tuple[str, str]]:
    """form key of a surname -> (name, id) of the one person the corpus names in full with it,
    for surnames no form of the corpus holds alone (every article named that person in full):
    a speaker written by the surname alone in an article that never names them in full."""
    owners: dict[str, list[str]] = defaultdict(list)
    for target in sorted(set(clusters.cluster_of.values())):
        parts = name_parts(clusters.display[target]) if target.startswith("person:") else None
        if parts is not None and parts.first and clusters.label.get(target) == "PERSON":
            owners[form_key(parts.surname)].append(target)
    return {surname: (clusters.display[ts[0]], clusters.ids[ts[0]]) for surname, ts in owners.items()
            if len(ts) == 1 and not clusters.ambiguous[ts[0]]}


def _expansions(rows: pd.DataFrame, keys: pd.Series) -> dict[str, Counter]:
    """acronym key -> Counter of the form keys that articles resolved the written acronym to."""
    texts = rows["text"].astype(str)
    acronym = _memo(texts, is_acronym).astype(bool)
    written = _memo(texts[acronym], form_key)
    spelt = written != keys[acronym]
    out: dict[str, Counter] = defaultdict(Counter)
    for key, target in zip(written[spelt], keys[acronym][spelt]):
        out[key][target] += 1
    return out


def _articles_of(keys: pd.Series, articles: pd.Series, wanted: set[str]) -> dict[str, frozenset[str]]:
    table = pd.DataFrame({"key": keys.to_numpy(), "article": articles.to_numpy()})
    table = table[table["key"].isin(list(wanted))].drop_duplicates()
    return table.groupby("key")["article"].agg(frozenset).to_dict()


def _counters(keys: pd.Series, values: pd.Series) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    counts = pd.DataFrame({"k": keys.to_numpy(), "v": values.astype(str).to_numpy()}).value_counts()
    for (key, value), n in counts.items():
        out[key][value] += int(n)
    return out


def _top_spelling(spellings: Counter) -> str:
    """The spelling a reader expects: not ALL CAPS (beyond an acronym), most used, then longest."""
    return max(spellings, key=lambda s: (not (s.isupper() and len(s) > 5), spellings[s], len(s), s))


def _surname_votes(rows: pd.DataFrame, keys: pd.Series, full: set[str]) -> dict[str, Counter]:
    """bare surname -> Counter(full-name form key -> articles that wrote the bare surname and
    resolved it themselves to that full name)."""
    person = rows["label"].astype(str).eq("PERSON") & keys.isin(full)
    if not person.any():
        return {}
    written = _memo(rows.loc[person, "text"].astype(str), lambda t: name_parts(normalize_name(t, "PERSON")))
    bare = written.map(lambda p: p is not None and not p.first)
    table = pd.DataFrame({"surname": written[bare].map(lambda p: p.surname), "key": keys[person][bare],
                          "article": rows.loc[person, "article_id"][bare].astype(str)}).drop_duplicates()
    votes: dict[str, Counter] = defaultdict(Counter)
    for (surname, key), n in table.groupby(["surname", "key"]).size().items():
        votes[surname][key] += int(n)
    return votes


def _org_evidence(rows: pd.DataFrame, keys: pd.Series, cluster_of: dict[str, str], texts: dict[str, str]) -> Counter:
    """cluster -> mentions of its forms that the model called ORG or that stand where
    organisations stand ("on Twitter")."""
    evidence: Counter = Counter()
    mine = keys.isin(list(cluster_of)).to_numpy()
    for key, article, start, end, label in zip(keys[mine], rows["article_id"][mine].astype(str), rows["start"][mine],
                                               rows["end"][mine], rows["label"][mine].astype(str)):
        if label == "ORG" or org_context(texts.get(article, ""), int(start), int(end)):
            evidence[cluster_of[key]] += 1
    return evidence


def _link_quotes(quotes: pd.DataFrame, entities: pd.DataFrame, names: dict,
                 corpus_names: dict | None = None, surnames: dict | None = None) -> pd.DataFrame:
    """Quotes whose `speaker` is the corpus-wide name of the speaker (`article_speaker` keeps the
    article's own); a speaker the article left unresolved but wrote as a name the corpus links
    ("Sanders" said) gets that entity; a speaker the article named by a surname alone that no
    entity form holds gets the one person the corpus names in full with it (`surnames`)."""
    frame = quotes.copy()
    # the article's own names: "; "-separated for a joint speaker ("Lena Fisk; Tomas Brand")
    own = frame["speakers"] if "speakers" in frame.columns else frame["speaker"]
    own = own.where(own.notna(), frame["speaker"])
    if "article_speaker" in frame.columns and frame["article_speaker"].notna().any():
        local = frame["article_speaker"].where(frame["article_speaker"].notna(), own)
    else:
        local = own
    frame["article_speaker"] = local
    # a speaker the article left unresolved but wrote as a name the corpus knows ("Sanders")
    written = {}
    if len(entities):
        named = entities[entities["label"].astype(str).isin(NAME_LABELS)]
        for article, text, entity, ident in zip(named["article_id"].astype(str), named["text"].astype(str),
                                                named["entity"], named["entity_id"]):
            written.setdefault((article, fold(normalize_name(text, "PERSON"))), (entity, ident))
    speakers, ids = [], []
    labels = frame["speaker_label"] if "speaker_label" in frame.columns else pd.Series(None, index=frame.index)
    roles = frame["speaker_role"] if "speaker_role" in frame.columns else pd.Series(None, index=frame.index)
    for article, speaker, text, label, role in zip(frame["article_id"].astype(str), local, frame["speaker_text"], labels, roles):
        if not isinstance(speaker, str):
            hit = None
            # (not one the article left unnamed on purpose, giving only its role: "The US
            # government said" is an unnamed source, whatever entity the tagger made of it)
            if isinstance(text, str) and text[:1].isupper() and not is_kind_of_organisation(text) \
                    and not is_plural_role(text) and not isinstance(role, str):  # "MPs said": unnamed, whatever spaCy tagged
                name = normalize_name(text, "PERSON")
                # (not "The unions", whatever an entity was tagged "unions")
                hit = (written.get((article, fold(name))) or (corpus_names or {}).get(form_key(clean_name(name)))) \
                    if not is_common_word(name) else None
                if hit is not None and fold(name).endswith("s") and (
                        hit[1].startswith("NORP:") or not hit[1].startswith("PERSON:") and is_kind_of_organisation(name[:-1])):
                    # "Unions said", "Catholics said": several unions or people, whatever the
                    # tagger made of the word ("Mr Banks" is one; "Coldplay", tagged NORP, a band)
                    hit = None
            speakers.append([hit[0]] if hit else [])
            ids.append([hit[1]] if hit else [])
            continue
        found, idents = [], []
        for one in speaker.split(JOINT):
            hit = names.get((article, fold(one)))
            if hit is None and corpus_names:
                hit = corpus_names.get(form_key(clean_name(one)))
            if hit is None and surnames and label == "PERSON" and " " not in one and one[:1].isupper() \
                    and not is_title_word(one) and fold(one) not in PEERAGE_TITLES:
                hit = surnames.get(form_key(one))  # "said Idowu": the one Idowu named in full
            found.append(hit[0] if hit else one)
            idents.append(hit[1] if hit else None)
        speakers.append(found)
        ids.append(idents)
    frame["speaker"] = pd.Series([joint_name(f) if f else None for f in speakers], index=frame.index, dtype=object)
    frame["speakers"] = pd.Series([JOINT.join(f) if f else None for f in speakers], index=frame.index, dtype=object)
    frame["speaker_id"] = pd.Series([JOINT.join(i for i in found if i) or None for found in ids], index=frame.index, dtype=object)
    if "speaker_label" in frame.columns:
        frame["speaker_label"] = [_speaker_label(label, speaker, ident, text) for label, speaker, ident, text
                                  in zip(frame["speaker_label"], frame["speaker"], frame["speaker_id"], frame["speaker_text"])]
    return conform("quotes", frame)


def _speaker_label(label, speaker, ident, text) -> str | None:
    """A speaker written by its name at the cue (`text`) takes the corpus-wide entity's label
    where the article alone could not tell: a one-word name the corpus calls an organisation
    ("Yukos said", no first name) is one; a name with a known first name the corpus calls a
    person ("said Guy Mansfield") is one. A speaker read from "he", "she", "the firm" keeps the
    article's reading, which the pronoun or noun gives."""
    if not isinstance(ident, str) or not isinstance(speaker, str) or JOINT in ident:
        return label
    if is_party_name(speaker):
        return "ORG"  # "Lib Dems" tagged PERSON
    corpus_label = ident.split(":", 1)[0]
    if not isinstance(label, str):  # a speaker only the corpus knew ("Mr Dean" said, unresolved there)
        # (only a person's or an organisation's: not a song's, a law's, a people's, a place's)
        return "PERSON" if corpus_label == "PERSON" else "ORG" if corpus_label == "ORG" else label
    if label not in ("PERSON", "ORG") or not isinstance(text, str) or fold(speaker.split()[-1]) not in fold(text):
        return label
    words = speaker.split()
    if label == "PERSON" and corpus_label in ("ORG", "GPE", "NORP", "LOC", "FAC") and len(words) == 1 \
            and not is_first_name(words[0]):
        return "ORG"
    if label == "ORG" and corpus_label == "PERSON" and len(words) >= 2 and is_first_name(words[0]):
        return "PERSON"
    return label
