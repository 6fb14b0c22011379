"""The word lists the name detector consults: shipped lists (loaded once) and small hand lists."""

from __future__ import annotations

import functools
import gzip
import unicodedata
from dataclasses import dataclass
from importlib import resources


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@functools.lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """Return ``word`` case-folded without accents ("Iași" -> "iasi"), as the lists store it."""
    folded = word.casefold()
    if folded.isascii():
        return folded
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class NameLists:
    """The shipped lists, loaded once per process."""

    first_names: frozenset[str]
    ambiguous: frozenset[str]
    ordinary: frozenset[str]
    places: frozenset[str]


@functools.cache
def name_lists() -> NameLists:
    """Load the shipped first-names, ordinary-words and places lists (cached)."""
    folder = resources.files("psw_journal.core") / "namedata"
    first = frozenset((folder / "first_names.txt").read_text(encoding="utf-8").split())
    ambiguous = frozenset((folder / "name_words.txt").read_text(encoding="utf-8").split())
    ordinary = frozenset(
        gzip.decompress((folder / "ordinary_words.txt.gz").read_bytes()).decode("utf-8").split()
    ) | EXTRA_ORDINARY
    places = set(EXTRA_PLACES) | set(
        (folder / "places.txt").read_text(encoding="utf-8").splitlines())
    return NameLists(first, ambiguous, ordinary, frozenset(places - ordinary))


#: Everyday words the (older) ordinary-words list lacks.
EXTRA_ORDINARY = _words("""
wellbeing well-being selfcare self-care covid lockdown wifi online offline emails texting
tbh omg lol btw idk imo fyi asap jollof neurodivergent neurodiverse neurotypical
mindfulness co-production coproduction nan nanna nana grandad grandma granda mam mammy
bro bruv hun babe mate pal lads lass uni telly brekkie ciggie ciggies vape vaping
whatsapp zoom app apps smartphone podcast podcasts vlog blog blogs hashtag meme memes
handover handovers co non pre re ex anti multi sub inter semi post mid self
""")
#: Regions, counties and places the generated list misses.
EXTRA_PLACES = _words("""
madeira punjab kashmir sylhet mirpur gujarat kerala bengal yorkshire lancashire cumbria
cornwall devon somerset dorset wiltshire hampshire sussex kent essex suffolk norfolk
lincolnshire northumberland durham cheshire shropshire herefordshire worcestershire
gloucestershire oxfordshire berkshire surrey hertfordshire bedfordshire cambridgeshire
derbyshire nottinghamshire leicestershire staffordshire warwickshire merseyside tyneside
teesside midlands pennines dales snowdonia gwynedd powys ceredigion pembrokeshire fife
highlands hebrides ulster munster leinster connacht caribbean africa europe asia balkans
scandinavia anatolia transylvania moldova tuscany andalusia bavaria siberia
england scotland wales britain uk great northern ireland
""")
STOP_WORDS = _words("""
monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december
god lord jesus christ allah buddha royal saint lady sir dame mr mrs ms mx dr prof st
you can will may must did does said told so but and not our we they she he his her him who
what why how when then there here yes no well okay ok sorry thanks please hello hi dear
an the of in on at to for is it as if or
""")
#: Festivals, faiths, languages, peoples, brands and organisations: capitalised, not people.
PROPER_NON_PERSON = _words("""
christmas easter eid ramadan ramadhan diwali deepavali hanukkah chanukah vaisakhi baisakhi
holi navratri durga puja onam pongal lohri passover pesach yom kippur rosh hashanah sukkot
purim shavuot kwanzaa nowruz tet lent advent pentecost whitsun halloween valentine
thanksgiving hogmanay samhain beltane yule solstice gurpurab langar muharram ashura mawlid
vesak wesak hijri iftar suhoor sabbath shabbat diwali bonfire guy fawkes pride
islam muslim muslims hindu hindus sikh sikhs sikhism christian christians jewish jew jews
judaism buddhist buddhists buddhism catholic catholics protestant anglican methodist baptist
pentecostal orthodox quaker quakers rastafari rastafarian jain jains bahai atheist humanist
quran koran bible torah gita granth sahib imam rabbi vicar pastor guru swami
english british welsh scottish irish african caribbean asian european american polish
romanian turkish somali nigerian ghanaian kenyan jamaican indian pakistani bangladeshi
chinese vietnamese portuguese brazilian arab arabic urdu punjabi gujarati bengali tamil
hindi farsi persian kurdish tigrinya amharic yoruba igbo hausa akan twi swahili cantonese
mandarin japanese korean filipino tagalog spanish french german italian greek russian
ukrainian lithuanian latvian czech slovak hungarian bulgarian albanian kosovan eritrean
ethiopian sudanese afghan iraqi syrian iranian egyptian moroccan algerian libyan yemeni
saudi roma traveller latin latino latina hispanic western eastern northern southern
tesco greggs primark asda aldi lidl sainsbury morrisons waitrose boots costa starbucks
mcdonalds kfc nandos argos ikea amazon google facebook instagram twitter tiktok youtube
whatsapp snapchat netflix spotify skype microsoft android iphone ipad bbc itv samaritans
rethink shout ted tedx headspace uber deliveroo oxfam barnardos mencap papyrus nhs
covid ofsted hmrc dwp pip esa jobcentre windrush
""")
#: Values that are also first names: a name only with a surname or an honorific.
CONCEPT_WORDS = _words("""
hope faith joy love peace trust grace charity patience unity justice recovery honesty
""")
#: Surnames of authors that reflective and peer-support coursework routinely cites.
CITED_AUTHORS = _words("""
gibbs kolb schön schon driscoll rolfe johns borton brookfield freire rogers atkins murphy
boud mezirow dewey deegan copeland repper perkins maslow egan bandura bowlby winnicott
frankl jung freud goleman yalom tuckman belbin peplau maslach hochschild
seligman linehan prochaska diclemente mead o'hagan slade leamy longden romme escher
beresford denborough ncube hooks carter hilton curtis
""")
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Nurse", "Sister",
              "Auntie", "Aunty", "Uncle", "Pan", "Pani", "Mrs.", "Mr.", "Ms.", "Dr.", "Prof.")
