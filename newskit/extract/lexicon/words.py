"""Word lists newskit's rules use, kept in one place so they can be read and extended."""
from __future__ import annotations

# Site chrome: navigation and boilerplate lines that news sites and exports put around a story.
# Matched case-insensitively against whole lines at the start or end of an article.
CHROME_LINES = frozenset(
    line.lower()
    for line in (
        "All news",
        "All News",
        "News",
        "Latest news",
        "Top stories",
        "Home",
        "Menu",
        "Skip to content",
        "Skip to main content",
        "Advertisement",
        "Share",
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Tweet",
        "Print",
        "Read more",
        "Read also",
        "Related articles",
        "Related stories",
        "More news",
        "Subscribe",
        "Sign in",
        "Log in",
        "Comments",
        "Back to top",
        "Close",
    )
)

# Characters that end a sentence-like line; a short body line without one is a subheading.
FINAL_PUNCTUATION = tuple(".!?:;,\"'”’»…)")

# Reporting verbs (lemmas) that introduce speech: direct, reported or mixed. Beliefs and
# intentions ("think", "want") are not speech and stay out.
REPORTING_VERBS = frozenset("""
say tell add note stress warn announce declare state explain claim insist argue assert
report reply respond answer ask comment confirm deny admit acknowledge conclude continue
emphasize emphasise point suggest predict promise pledge vow urge write tweet post recall
reiterate underline underscore mention observe remark complain caution estimate maintain
contend testify allege reveal disclose indicate describe quip joke shout cry exclaim
whisper murmur boast concede counter retort propose recommend advise
agree disagree call criticize criticise question attack praise mention talk speak dismiss reject
blast slam tout charge echo repeat order wonder allege demand decry lament yell imply hint signal
rebut protest accuse
""".split())

# Reporting verbs whose object is the audience, kept in the cue: "told journalists".
AUDIENCE_VERBS = frozenset({"tell", "ask", "assure", "inform", "remind", "warn", "brief"})

# Nouns of unnamed sources: "a source", "experts", "officials said" keep speaker_text only.
UNNAMED_SOURCE_NOUNS = frozenset("""
source sources expert experts official officials analyst analysts observer observers witness
witnesses insider insiders diplomat diplomats people person resident residents someone
critic critics supporter supporters activist activists aide aides lawmakers
""".split())

# Role nouns: titles before a name ("Defense Minister Sergei Shoigu") and role speakers
# ("the minister said") that resolve to the person holding the role earlier in the article.
ROLE_NOUNS = frozenset("""
minister president vice-president secretary spokesman spokeswoman spokesperson senator sen.
governor gov. representative rep. congressman congresswoman chairman chairwoman chair chairperson
director ambassador envoy diplomat chief head leader candidate nominee frontrunner mayor judge
justice attorney general commander officer adviser advisor aide analyst expert professor
economist ceo founder executive manager deputy chancellor king queen prince princess premier
speaker lawmaker lawyer prosecutor sheriff official mp pope cardinal bishop coach captain
editor correspondent reporter columnist author researcher scientist president-elect strategist
pollster negotiator spokesmen leader chancellor administrator commissioner councilman
councilwoman councillor councilor delegate emissary general colonel lieutenant sergeant admiral marshal curator organiser organizer
founder president owner partner principal dean rector physician doctor dr. prof. coach manager master
""".split())

# Nouns of organisations: "the ministry said" is an organisation speaking.
ORGANISATION_NOUNS = frozenset("""
ministry department government kremlin administration agency office committee commission
council campaign party court police army military navy company firm group organization
organisation bank embassy parliament senate congress house union authority authorities
service bureau cabinet foundation institute university newspaper network station board
""".split())

# Personal pronouns a speaker may be written as, with the gender they agree with.
SPEAKER_PRONOUNS = {
    "he": "male", "him": "male", "she": "female", "her": "female",
    "they": "plural", "it": "neuter", "i": "first", "we": "first",
}

# Courtesy titles and gendered role nouns: the gender of the person they name.
GENDERED_WORDS = {
    "mr": "male", "mr.": "male", "sir": "male", "lord": "male", "king": "male", "prince": "male",
    "spokesman": "male", "congressman": "male", "chairman": "male", "councilman": "male",
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
    "madam": "female", "lady": "female", "dame": "female", "queen": "female", "princess": "female",
    "spokeswoman": "female", "congresswoman": "female", "chairwoman": "female", "councilwoman": "female",
}

# --- Entities (issue 5) ---------------------------------------------------------------------

# Head nouns that make a capitalized phrase an organisation name ("International Committee of ...").
ORG_HEADS = frozenset("""
committee commission council organization organisation association federation foundation institute
agency ministry office authority bureau corporation company party front movement fund bank university
college court parliament assembly congress senate army navy police department service society union
club group inc corp ltd llc plc airlines airways trust alliance coalition network program programme
""".split())
# Closing words of organisation names without a head noun ("Doctors Without Borders", "Human Rights Watch").
ORG_SUFFIXES = ("Without Borders", "Sans Frontières", "Sans Frontieres", "Watch", "International")
# Lowercase words allowed inside a capitalized name ("Committee of the Red Cross", "Staffan de Mistura").
NAME_CONNECTORS = frozenset({"of", "the", "for", "and", "on", "de", "&", "du", "des", "del", "der", "van", "von", "la", "al"})
# Lowercase particles inside person names.
NAME_PARTICLES = frozenset({"de", "da", "del", "della", "der", "van", "von", "la", "le", "al", "bin", "ibn", "du", "dos", "di"})

# Job titles that make the words before a name a role ("Deputy Defense Minister Anatoly Antonov").
CORE_TITLES = frozenset("""
minister president premier chancellor secretary envoy ambassador spokesman spokeswoman spokesperson
chairman chairwoman chair chief director head commander general admiral colonel major captain lieutenant
sergeant senator governor mayor king queen prince princess pope cardinal bishop judge justice prosecutor
attorney leader representative rep sen gov coach manager editor ceo founder official officer lawmaker
mp deputy undersecretary commissioner adviser advisor negotiator diplomat analyst economist
""".split())
# Words that may precede or qualify a title inside a role ("Special", "Foreign", "U.N.").
TITLE_MODIFIERS = frozenset("""
deputy vice prime first acting former special foreign defense defence interior finance economy economic
state energy health justice trade education security national general executive senior assistant
chief top u.n. un eu nato white house federal regional local supreme high lead
""".split())
# Courtesy titles trimmed off a person mention but not kept as a role.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "mme", "m."})

# City names that are also ordinary words or first names: a gazetteer match needs them tagged as
# proper nouns and not sentence-initial.
AMBIGUOUS_PLACE_NAMES = frozenset({
    "nice", "split", "reading", "mobile", "bath", "of", "van", "most", "mary", "march", "may", "ede",
    "sale", "hove", "deal", "bury", "buy", "wels", "hat", "orange", "independence", "victoria", "florence",
    "lincoln", "jackson", "houston", "austin", "eugene",
    "aurora", "concord", "temple", "surprise", "bend", "kent", "warren", "clinton", "lafayette", "monroe",
})
# Demonyms not derivable from the country name by suffix rules ("French" -> France).
IRREGULAR_DEMONYMS = {
    "French": "France", "British": "United Kingdom", "English": "United Kingdom", "Scottish": "United Kingdom",
    "Welsh": "United Kingdom", "Dutch": "Netherlands", "Swiss": "Switzerland", "Greek": "Greece",
    "Turkish": "Turkey", "Spanish": "Spain", "Polish": "Poland", "Danish": "Denmark", "Swedish": "Sweden",
    "Finnish": "Finland", "Irish": "Ireland", "Thai": "Thailand", "Filipino": "Philippines",
    "American": "United States", "Americans": "United States", "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates",
    "Czech": "Czechia", "Slovak": "Slovakia", "Afghan": "Afghanistan", "Kyrgyz": "Kyrgyzstan", "Uzbek": "Uzbekistan",
    "Kazakh": "Kazakhstan", "Tajik": "Tajikistan", "Turkmen": "Turkmenistan", "Lebanese": "Lebanon",
    "Sudanese": "Sudan", "Vietnamese": "Vietnam", "Icelandic": "Iceland", "Portuguese": "Portugal",
    "Norwegian": "Norway", "Belgian": "Belgium", "Kiwi": "New Zealand", "Briton": "United Kingdom",
    "Britons": "United Kingdom", "Israeli": "Israel", "Israelis": "Israel", "Cypriot": "Cyprus",
}

# Verbs of speech acts that take a quoted fragment rather than a clause: `called the plan
# "a disgrace"`, `blasted Disney for its "outrageous practices"`.
SPEECH_ACT_VERBS = frozenset("""
call describe blast praise criticize criticise accuse dub label slam attack mock condemn hail
term brand decry denounce lambaste ridicule thank applaud
""".split())

# Reporting verbs whose noun-phrase object is what was reported: "announced his resignation".
OBJECT_REPORTING_VERBS = frozenset("""
announce confirm deny reveal report propose promise predict acknowledge admit claim disclose
pledge vow recommend call criticize criticise question attack praise mention dismiss reject blast
slam tout charge echo repeat demand decry lament accuse describe stress emphasize emphasise explain
reiterate estimate rebut signal suggest underscore
""".split())

# Prepositions whose object completes a claim after a reporting verb's object: "accused him of
# lying", "praised her for ...", "described it as ...".
CLAIM_PREPOSITIONS = frozenset({"of", "for", "as"})

# Reporting verbs whose prepositional object is what was reported: "called for a recount",
# "talked about health care", "warned of a crisis".
PREPOSITION_REPORTING = {
    "call": ("for", "on"), "talk": ("about",), "speak": ("about", "of", "against", "on"),
    "ask": ("about", "for"), "comment": ("on",), "point": ("to",), "respond": ("to",),
    "reply": ("to",), "complain": ("about", "of"), "warn": ("about", "of", "against"),
    "argue": ("for", "against"), "joke": ("about",), "boast": ("about", "of"), "write": ("about",),
    "tweet": ("about",), "hint": ("at",), "insist": ("on",), "testify": ("about",),
    "agree": ("on",), "disagree": ("on", "about", "over"), "question": ("about",),
}
