"""Find personal names in prose.

A capitalised word is a name when it is a known first name that is not an ordinary word, when
it is no ordinary English word, place, language, festival or brand at all (which finds names of
every origin without listing them: "Oluwaseun", "Władysława", "Kez"), when it follows an
honorific or a first name (a surname), when a cue says so ("calls him Rocky", "Will said"), or
when it repeats a name found elsewhere in the text. Words in a non-Latin script inside English
prose are names too. Cited authors ("a book by Mary O'Hagan", "Repper and Carter's review") and
the user's own names never are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from psw_journal.core.confidentiality import lexicon, public
from psw_journal.core.confidentiality.kinds import Finding, FindingKind, make_finding
from psw_journal.core.confidentiality.lexicon import NameLists, fold
from psw_journal.core.confidentiality.morphology import is_formed

# A word of letters, with inner apostrophes or hyphens ("O'Neil", "Anne-Marie", "Zoë").
# Lower-case ASCII words are skipped by the pattern itself, which keeps long texts fast.
# Starting with the letter class (the lookbehind then checks the character before it) lets
# the regex engine skip to candidate letters, about twice as fast as leading with the lookbehind.
_WORD = re.compile(r"[^\W\d_a-z](?<![^\W\d_].)[^\W\d_]*(?:['’-][^\W\d_]+)*")
_GLUED = frozenset("\\/'’.-_")
_SENTENCE_END = ".!?:;\"“”‘'*#>|(-•\n"
_HONORIFIC = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in lexicon.HONORIFICS) +
                        r")\.?\s+$")
_CUE_BEFORE = re.compile(
    r"(?:\bcall(?:s|ed)?(?:\s+(?:him|her|them|me|you))?|\bnamed|\bknown\s+as|\bnicknamed"
    r"|\bname\s+is|\bname['’]s|\bwith|\band|\btold|\basked|\bmet|\bvisited|\bsaw|\bbrought"
    r"|\bsat\s+with|\bphoned|\brang|\btexted|\bhugged|\bthanked)\s+$",
    re.IGNORECASE,
)
_NICKNAME_BEFORE = re.compile(
    r"(?:\bcall(?:s|ed)?(?:\s+(?:him|her|them|me|you))?|\bnamed|\bknown\s+as|\bnicknamed"
    r"|\bname\s+is|\bname['’]s)\s+$", re.IGNORECASE)
_CUE_AFTER = re.compile(
    r"^(?:\s+(?:said|says|told|asked|asks|came|comes|rang|rings|called|wants|wanted|laughed"
    r"|cried|smiled|shouted|agreed|replied|texted|emailed|arrived|hugged|phoned"
    r"|and\s+I|and\s+me)\b|['’]s\s+(?:mum|dad|mother|father|sister|brother|son|daughter"
    r"|wife|husband|partner|nan|gran|aunt|uncle|cousin|friend|care|review|plan|flat|room"
    r"|bed|medication|key\s?worker|social\s+worker|birthday)\b)"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|from|near|around|outside|across|visit(?:ed|ing)?"
                           r"|to|at|of|via|towards)\s+$", re.IGNORECASE)
_AUTHOR_AFTER = re.compile(
    r"^(?:\s*\(\s*\d{4}|,?\s+\(?\d{4}\b|\s+et\s+al\b|\s+and\s+colleagues\b"
    r"|\s+(?:writes|wrote|has\s+written|argues|argued|describes|described|suggests|suggested"
    r"|calls|called\s+it|says\s+in|said\s+in|puts\s+it|developed|proposed|notes\s+that"
    r"|observed|observes|defines|defined|talks\s+about\s+in|coined|explains|reminds\s+us"
    r"|in\s+(?:her|his|their)\s+(?:book|memoir|talk))\b"
    r"|['’]s?\s+(?:[\"“‘]|(?:model|cycle|framework|theory|book|books|memoir|work|stages"
    r"|reflective|questions|method|hierarchy|approach|writing|research|concept|idea|ideas"
    r"|typology|essay|essays|article|paper|podcast|talk|poem|poems|poetry|novel|quote|words"
    r"|definition|documentary|chapters?|lectures?|TED|study|studies|trial|survey"
    r"|(?:systematic\s+)?review\s+of)\b))",
    re.IGNORECASE,
)
_AUTHOR_BEFORE = re.compile(
    r"(?:according\s+to|as\s+described\s+by|developed\s+by|written\s+by|book\s+by|cycle\s+by"
    r"|author|writer|psychologist|psychiatrist|theorist|researcher|activist|comedian|novelist"
    r"|poet|quoting|quoted|citing|cited|reading|read|interview\s+with|talk\s+by|lecture\s+by"
    r"|approach\s+from|model\s+from|work\s+of|work\s+by|ideas\s+of|words\s+of|poems\s+by"
    r"|essays\s+by|documentary\s+by|film\s+by|songs?\s+by|music\s+by|singer|footballer"
    r"|presenter|broadcaster|actor|actress)\s+$",
    re.IGNORECASE,
)
# "as Mariame Kaba says": a quotation's source.
_AS_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_SAYS_AFTER = re.compile(r"^\s+(?:says|said|writes|wrote|puts\s+it|argues|argued|reminds\s+us"
                         r"|observes|notes)\b")
_PLACE_AFTER = re.compile(r"( [A-Z][\w'’-]+)( [A-Z][\w'’-]+)?")
_PLACE_BEFORE_WORD = re.compile(r"\b([A-Z][\w'’-]+) $")
_NEXT_WORD = re.compile(r" [A-Z][a-z]+(?=['’ ])")
#: Longer runs of letters (pasted links, keyboard mashing) are not names, and checking them
#: for run-together words would cost time quadratic in their length.
_LONGEST_NAME = 40
_CONTRACTION = frozenset({"d", "m", "ll", "ve", "re", "t", "s"})
_SUFFIXES = ("s", "es", "ed", "ing", "ly", "er", "ers")
_AUTHOR_TOPIC_BEFORE = re.compile(r"\b(?:about|of|by|from|like|read|reading)\s+$", re.I)
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+\.?) $")
_LANDMARK_AFTER = re.compile(r"(?:['’]s?)? ([A-Z][a-z]+)\b")
# "Michael White and David Epston": a surname that is an ordinary word may sit in the chain.
_CHAIN = re.compile(r"^(?: [A-Z][a-z]+)?(?:\s+and\s+|\s*,\s*|\s+&\s+)$")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    word: str
    folded: str
    sentence_start: bool
    after_honorific: bool = False
    is_name: bool = False
    is_author: bool = False
    in_place_phrase: bool = False
    is_public: bool = False
    needs_company: bool = False


def find_names(text: str, people: Sequence[str], own_names: Sequence[str]) -> list[Finding]:
    """Return the names in ``text``; the user's own names are never among them."""
    lists = lexicon.name_lists()
    own = {fold(part) for name in own_names for part in name.split()}
    tokens = [t for t in _tokens(text) if t.folded not in own]
    for token in tokens:
        _classify(text, token, lists)
    _mark_public(text, tokens)
    _extend_to_surnames(text, tokens, lists)
    _mark_authors(text, tokens)
    for previous, token in zip(tokens, tokens[1:], strict=False):
        if token.needs_company and not token.is_public and previous.is_name \
                and not previous.is_author and _CHAIN.match(text[previous.end:token.start]):
            token.is_name = True  # "met Ibrahim and Moses": a given name in a list of people
    strong = {t.folded for t in tokens if t.is_name and not t.is_author}
    for token in tokens:  # repeats of a name found elsewhere in the text
        if token.folded in strong and not token.is_author:
            token.is_name = True
    found = list(_people(text, people))
    found += [make_finding(text, start, end, FindingKind.NAME)
              for start, end in _merge_runs(text, [t for t in tokens
                                                   if t.is_name and not t.is_author])]
    return [f for f in found if not {fold(p) for p in f.text.split()} <= own]


def _tokens(text: str) -> Iterator[_Token]:
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end()
        word = match.group()
        if start and text[start - 1] in _GLUED or end < len(text) and text[end] == "@":
            continue
        if word[-2:] in ("'s", "’s", "'S"):  # a possessive is not part of the name
            word, end = word[:-2], end - 2
        if len(word) > _LONGEST_NAME or not _is_capitalised(word):
            continue
        yield _Token(start, end, word, fold(word), _is_sentence_start(text, start),
                     _is_after_honorific(text, start))


def _is_capitalised(word: str) -> bool:
    if not word[0].isupper():
        return not _is_latin(word[0])  # scripts without case (Arabic, Chinese) count
    rest = word[1:]
    if not rest:
        return False
    if rest.isupper() and len(word) > 2 or rest[:1].isupper():  # NHS, CMHT, OKAY
        return word[:2] in ("Mc", "O'", "O’")
    # "WhatsApp", "iPad": capitals inside a word make a brand, except "McDonald", "MacLeod".
    inner = [i for i, ch in enumerate(rest, 1) if ch.isupper() and word[i - 1] not in "'’-"]
    return not inner or word.startswith(("Mc", "Mac"))


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00


def _is_sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t@":
        index -= 1
    while index >= 0 and text[index] in "\"“‘'*_([":
        if text[index] in "\"“‘'":
            return True
        index -= 1
        while index >= 0 and text[index] in " \t":
            index -= 1
    return index < 0 or text[index] in _SENTENCE_END or text[index].isdigit()


def _is_after_honorific(text: str, start: int) -> bool:
    window = text[max(0, start - 12):start]
    return window.rstrip().endswith(lexicon.HONORIFICS) and _HONORIFIC.search(window) is not None


def _classify(text: str, token: _Token, lists: NameLists) -> None:
    token.is_name = _is_name(text, token, lists)


def _is_name(text: str, token: _Token, lists: NameLists) -> bool:
    word = token.folded
    if not _is_latin(token.word[0]):
        return True
    if token.after_honorific:
        return True
    if word in lexicon.STOP_WORDS or len(word) < 2 or _is_contraction(word):
        return False
    parts = word.split("-")
    first = word in lists.first_names or all(p in lists.first_names for p in parts)
    before = text[max(0, token.start - 24):token.start]
    person_cue = _CUE_AFTER.match(text[token.end:token.end + 16]) is not None
    cued = person_cue or _CUE_BEFORE.search(before) is not None
    if word in lexicon.CITED_AUTHORS:
        # "Carter" and "Curtis" are first names too: "Curtis said" is a person.
        token.is_author = not (first and person_cue)
        return True
    if word in public.DATE_ABBREVIATIONS or word in public.public_lists().single:
        # "Jan said" and "I met Krishna" are people; "Jan 14th" and "Krishna's birth" are not;
        # "Ibrahim and Moses" is decided by its neighbour (see find_names).
        strong_before = _CUE_BEFORE.search(before) is not None and not before.endswith(" and ")
        token.needs_company = first
        return first and (person_cue or strong_before)
    if not first and public.is_medicine(word):
        return False
    ordinary = word in lists.ordinary or all(p in lists.ordinary for p in parts) \
        or _is_derived(word, lists) or (not first and is_formed(word, lists.ordinary))
    proper = word in lexicon.PROPER_NON_PERSON or word.removesuffix("s") in lexicon.STOP_WORDS \
        or _is_place(text, token, lists)
    if proper and not first:
        return False
    if proper:
        return cued and _PLACE_BEFORE.search(before) is None
    if first and word not in lists.ambiguous and not ordinary:
        return True
    if first:
        if word in lexicon.CONCEPT_WORDS:
            return False
        return not token.sentence_start or cued
    if ordinary:
        return not token.sentence_start and _NICKNAME_BEFORE.search(before) is not None
    return True  # no ordinary word, place or known term: a name of any origin


def _is_place(text: str, token: _Token, lists: NameLists) -> bool:
    """Tell whether a word is a place, alone or in a phrase ("Hebden Bridge", "Milton Keynes")."""
    after = _PLACE_AFTER.match(text, token.end)
    if after:
        one = f"{token.folded}{fold(after.group(1))}"
        if one in lists.places or f"{one}{fold(after.group(2) or '')}" in lists.places:
            token.in_place_phrase = True
    before = _PLACE_BEFORE_WORD.search(text[max(0, token.start - 30):token.start])
    if before and f"{fold(before.group(1))} {token.folded}" in lists.places:
        token.in_place_phrase = True
    return token.in_place_phrase or token.folded in lists.places


def _is_contraction(word: str) -> bool:
    head, apostrophe, tail = word.replace("’", "'").rpartition("'")
    return bool(apostrophe) and tail in _CONTRACTION and len(head) <= 5


def _is_derived(word: str, lists: NameLists) -> bool:
    """Tell whether an unlisted word is an ordinary word inflected or run together."""
    if any(word.endswith(s) and word[:-len(s)] in lists.ordinary for s in _SUFFIXES
           if len(word) > len(s) + 3):
        return True
    # "Handover", "Windmill": two ordinary words of three letters or more.
    return any(word[:i] in lists.ordinary and word[i:] in lists.ordinary
               for i in range(3, len(word) - 2))


def _mark_public(text: str, tokens: list[_Token]) -> None:
    """Mark listed public figures and terms, and names after a public title or near a landmark."""
    surnames: set[str] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        phrase = public.match_phrase(text, token.start, token.end, token.folded)
        if phrase is not None:
            end, is_person = phrase
            while index < len(tokens) and tokens[index].start < end:
                tokens[index].is_public = True
                index += 1
            if is_person:
                surnames |= public.last_words([text[token.start:end]])
            continue
        window = max(0, token.start - 12)
        title = _TITLE_BEFORE.search(text, window, token.start)
        title_word = fold(title.group(1)) if title else ""
        after = _LANDMARK_AFTER.match(text, token.end)
        if title_word in public.PUBLIC_TITLES or title_word in public.LANDMARK_BEFORE \
                or after and fold(after.group(1)) in public.LANDMARK_AFTER:
            token.is_public = True
            for other in tokens[max(0, index - 1):index + 2]:
                # The title or landmark word itself: "Prince", "Abbey".
                if title and other.start == title.start(1) \
                        or after and other.start == after.start(1):
                    other.is_public = True
        index += 1
    for previous, token in zip(tokens, tokens[1:], strict=False):
        title = _TITLE_BEFORE.search(text, max(0, previous.start - 12), previous.start)
        if previous.is_public and text[previous.end:token.start] == " " and title \
                and fold(title.group(1)) in public.PUBLIC_TITLES:
            token.is_public = True  # "Guru Gobind Singh": the whole name after the title
    for token in tokens:
        if token.folded in surnames and not token.after_honorific:
            token.is_public = True
    for token in tokens:
        if token.is_public:
            token.is_name = False


def _extend_to_surnames(text: str, tokens: list[_Token], lists: NameLists) -> None:
    for token, following in zip(tokens, tokens[1:], strict=False):
        if text[token.end:following.start] != " " or following.folded in lexicon.STOP_WORDS:
            continue
        # A first name that is also a place or a word ("Linh", "Will") starts a full name when
        # a surname that is no ordinary word follows it: "Linh Lê", "Will Okafor".
        if not token.is_name and not (token.folded in lists.first_names
                                      and token.folded not in lexicon.STOP_WORDS):
            continue
        if token.folded in lexicon.CONCEPT_WORDS and following.folded in lists.ordinary:
            continue
        if (following.folded in lists.ordinary or is_formed(following.folded, lists.ordinary)
                and following.folded not in lists.first_names) and not following.is_name:
            continue
        if following.folded in lexicon.PROPER_NON_PERSON or token.in_place_phrase \
                or token.is_public or following.is_public:
            continue
        token.is_name = following.is_name = True


def _mark_authors(text: str, tokens: list[_Token]) -> None:
    runs: list[list[_Token]] = []
    for token in (t for t in tokens if t.is_name or t.is_author or t.is_public):
        if runs and text[runs[-1][-1].end:token.start] == " ":
            runs[-1].append(token)
        else:
            runs.append([token])
    cited = [all(t.is_public for t in run) or _is_cited(text, run) for run in runs]
    # "Repper and Carter's review", "Mead, Hilton and Curtis 2001": a chain shares its cue.
    for index in range(len(runs) - 1):
        linked = _CHAIN.match(text[runs[index][-1].end:runs[index + 1][0].start])
        if linked and (cited[index] or cited[index + 1]):
            cited[index] = cited[index + 1] = True
    for index in range(len(runs) - 1, 0, -1):
        linked = _CHAIN.match(text[runs[index - 1][-1].end:runs[index][0].start])
        if linked and cited[index]:
            cited[index - 1] = True
    for run, is_cited in zip(runs, cited, strict=True):
        for token in run:
            token.is_author = is_cited or token.is_public


def _is_cited(text: str, run: list[_Token]) -> bool:
    if any(t.after_honorific for t in run) or not any(t.is_name or t.is_author for t in run):
        return False
    start, end = run[0].start, run[-1].end
    known = any(t.is_author for t in run)
    # "Brené Brown writes": a surname that is also an ordinary word is not in the run.
    skip = _NEXT_WORD.match(text, end)
    after = text[end:end + 40]
    if skip and _AUTHOR_AFTER.match(text[skip.end():skip.end() + 40]):
        after = text[skip.end():skip.end() + 40]
    return bool((len(run) <= 2 and run[-1].is_author)
                or (known and _AUTHOR_TOPIC_BEFORE.search(text[max(0, start - 12):start]))
                or (_AS_BEFORE.search(text[max(0, start - 4):start])
                    and _SAYS_AFTER.match(text[end:end + 20]))
                or _AUTHOR_AFTER.match(after)
                or _AUTHOR_BEFORE.search(text[max(0, start - 30):start]))


def _merge_runs(text: str, tokens: Iterable[_Token]) -> Iterator[tuple[int, int]]:
    current: tuple[int, int] | None = None
    for token in tokens:
        if current and text[current[1]:token.start] == " ":
            current = (current[0], token.end)
            continue
        if current:
            yield current
        current = (token.start, token.end)
    if current:
        yield current


def _people(text: str, people: Sequence[str]) -> Iterator[Finding]:
    names = sorted({name.strip() for name in people if name.strip()}, key=len, reverse=True)
    parts = sorted({part for name in names for part in name.split() if len(part) > 2}
                   - set(names), key=len, reverse=True)
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w'’])(?:" + "|".join(re.escape(n) for n in (*names, *parts)) + r")(?![\w])",
        re.IGNORECASE,
    )
    for match in pattern.finditer(text):
        if match.group()[0].isupper() or not _is_latin(match.group()[0]):
            yield make_finding(text, match.start(), match.end(), FindingKind.NAME)
