"""An entry's text as the suggester reads it: words, stems, clauses, whose clause, paragraphs.

Every token keeps where it is in the text, so what is quoted back is always the entry's own
words. Each clause is marked with whom it is about: the writer (I, me, my), the person
supported (he, she, they, her), or both or neither.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from psw_journal.core.stemming import stem


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


class Voice(enum.IntEnum):
    """Whom a clause is about."""

    SHARED = 0  # both, neither, or "we"
    WRITER = 1  # only I, me, my
    OTHER = 2  # only he, she, they, her, them


REASON_WORDS = 8

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\[\]\"“”\n]|\s[-–—]\s")
_SENTENCE_BREAK = re.compile(r"[.;!?\n]|\s[-–—]\s")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: Words a cue phrase may leave out or put differently ("why she was moving").
GLUE = _word_set("a an the is are was were be been am")
_PRONOUNS = _word_set("he she they him her them his hers their theirs himself herself themselves")
_WRITER = _word_set("i me my mine myself")
_OTHER = _PRONOUNS
_US = _word_set("we us our ours ourselves")
#: Words that start a new clause inside a sentence ("I noticed my stress rising as she talked").
_CONJUNCTIONS = _word_set("and but because so as when while whereas although though until")
#: A verb followed by one of these means something else ("walking away" is not "a walk").
_PARTICLES = _word_set("away off out up down over")
#: Set phrases whose words are not content ("in the end" is not an ending).
_IDIOMS: dict[str, tuple[tuple[str, ...], ...]] = {
    "in": (("in", "the", "end"), ("in", "fact"), ("in", "case")),
    "at": (("at", "the", "end", "of", "the", "day"), ("at", "least"), ("at", "all")),
    "of": (("of", "course"),),
    "as": (("as", "well"),),
    "on": (("on", "purpose"),),
    "what's": (("what's", "the", "point"),),
    "no": (("no", "way"),),
}
STOP = _word_set(
    """a about above after again against all almost also am an and any are aren't as at be
    because been before being below between both but by can can't cannot could couldn't did
    didn't do does doesn't doing don't down during each even ever every few for from further
    had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
    him himself his how i i'd i'll i'm i've if in into is isn't it it's its itself just let
    let's me more most much must my myself no nor not now of off on once one only or other
    ought our ours ourselves out over own quite rather really same she she'd she'll she's
    should so some still such than that that's the their theirs them themselves then there
    there's these they they'd they'll they're they've this those though through to too under
    until up upon us very was wasn't we we'd we'll we're we've were weren't what what's when
    where which while who whom why will with won't would wouldn't yet you you'd you'll you're
    you've your yours yourself able ability abilities an e.g eg etc example including away
    within whether way ways lot lots bit got get gets getting go goes going went gone make made
    say said says tell told ask asked thing things today yesterday week time times day days
    really quite maybe think thought know knew felt feel feeling like just back next first last
    psw psws peer worker workers person people someone something anything everything"""
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of an entry: its content stem ("" for a stop word), place and clause's voice."""

    term: str
    start: int
    end: int
    voice: Voice
    sentence: int


@dataclass(frozen=True, slots=True)
class EntryText:
    """An entry's text cut into tokens, with its paragraphs as token ranges."""

    text: str
    tokens: tuple[Token, ...]
    forms: tuple[str, ...]  # the phrase forms of the tokens, glue words left out
    form_tokens: tuple[int, ...]  # the token each form comes from
    parts: tuple[range, ...]
    terms: Mapping[str, frozenset[Voice]]  # each content stem and the voices it occurs in
    positions: Mapping[str, list[int]]  # each content stem's tokens

    @classmethod
    def parse(cls, text: str) -> EntryText:
        """Cut a text (title and body, scaffolding already blanked) into tokens and parts."""
        words = list(iter_words(text))
        voices, sentences = _voices(text, words)
        idioms = _idiom_words(words)
        tokens: list[Token] = []
        forms: list[str] = []
        form_tokens: list[int] = []
        for index, (word, start, end) in enumerate(words):
            following = words[index + 1][0] if index + 1 < len(words) else ""
            joined = following in _PARTICLES and _adjacent(text, end, words[index + 1][1])
            if word not in GLUE:
                forms.append(form(word))
                form_tokens.append(len(tokens))
            term = "" if index in idioms else content_term(word, following if joined else "")
            tokens.append(Token(term, start, end, voices[index], sentences[index]))
        terms, positions = _index_terms(tokens)
        return cls(
            text,
            tuple(tokens),
            tuple(forms),
            tuple(form_tokens),
            _paragraphs(text, tokens),
            terms,
            positions,
        )

    def phrase_at(self, position: int) -> str:
        """Return the clause around a token, trimmed to a few words."""
        first = last = position
        while last - first + 1 < REASON_WORDS:
            grew = False
            if last + 1 < len(self.tokens) and self._joined(last, last + 1):
                last, grew = last + 1, True
            if last - first + 1 < REASON_WORDS and first > 0 and self._joined(first - 1, first):
                first, grew = first - 1, True
            if not grew:
                break
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def _joined(self, left: int, right: int) -> bool:
        gap = self.text[self.tokens[left].end : self.tokens[right].start]
        return _CLAUSE_BREAK.search(gap) is None


def content_term(word: str, particle: str = "") -> str:
    """Return a word's content stem, "" for a stop word; a particle makes it a phrasal verb."""
    if word in STOP or len(word) <= 2:
        return ""
    return f"{stem_word(word)}_{particle}" if particle else stem_word(word)


def terms_of(text: str) -> list[str]:
    """Return the content stems of a text in order, phrasal verbs joined ("walk_away")."""
    return terms_and_phrase(text)[0]


def terms_and_phrase(text: str) -> tuple[list[str], tuple[str, ...]]:
    """Return a text's content stems in order and its phrase forms (glue words left out)."""
    words = list(iter_words(text))
    terms = []
    for index, (word, _, end) in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        particle = ""
        if following and following[0] in _PARTICLES and _adjacent(text, end, following[1]):
            particle = following[0]
        term = content_term(word, particle)
        if term:
            terms.append(term)
    return terms, tuple(form(w) for w, _, _ in words if w not in GLUE)


def iter_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield each lower-case word of a text with where it starts and ends."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    for match in _TOKEN.finditer(lowered):
        yield match.group(), match.start(), match.end()


def form(word: str) -> str:
    """Return a word's form for phrase matching: stemmed, with third persons made one."""
    return "3p" if word.split("'")[0] in _PRONOUNS else stem_word(word)


@functools.lru_cache(maxsize=20_000)
def stem_word(word: str) -> str:
    """Return the stem of a lower-case word, possessives and apostrophes left out."""
    return stem(word.removesuffix("'s").replace("'", ""))


def _adjacent(text: str, end: int, start: int) -> bool:
    return text[end:start].strip() == ""


def _idiom_words(words: Sequence[tuple[str, int, int]]) -> set[int]:
    """Return the indexes of words in set phrases that carry no content ("in the end")."""
    found: set[int] = set()
    for index, (word, _, _) in enumerate(words):
        for idiom in _IDIOMS.get(word, ()):
            if tuple(w for w, _, _ in words[index : index + len(idiom)]) == idiom:
                found.update(range(index, index + len(idiom)))
    return found


def _voices(text: str, words: Sequence[tuple[str, int, int]]) -> tuple[list[Voice], list[int]]:
    """Return each word's clause voice and sentence number.

    A clause naming nobody takes the voice of the clause before it in the sentence
    ("I was exhausted and stressed").
    """
    voices: list[Voice] = []
    sentences: list[int] = []
    clause: list[str] = []
    sentence_voice = Voice.SHARED
    sentence = 0

    def close() -> None:
        nonlocal sentence_voice
        if clause:
            voice = _clause_voice(clause, sentence_voice)
            voices.extend([voice] * len(clause))
            sentence_voice = voice
            clause.clear()

    previous_end = 0
    for word, start, end in words:
        gap = text[previous_end:start]
        if _SENTENCE_BREAK.search(gap):
            close()
            sentence_voice = Voice.SHARED
            sentence += 1
        elif _CLAUSE_BREAK.search(gap) or word in _CONJUNCTIONS:
            close()
        clause.append(word)
        sentences.append(sentence)
        previous_end = end
    close()
    return voices, sentences


def _clause_voice(words: Sequence[str], inherited: Voice) -> Voice:
    heads = {w.split("'")[0] for w in words}
    writer, other, us = bool(heads & _WRITER), bool(heads & _OTHER), bool(heads & _US)
    if us or (writer and other):
        return Voice.SHARED
    if writer:
        return Voice.WRITER
    if other:
        return Voice.OTHER
    return inherited


def _index_terms(
    tokens: Sequence[Token],
) -> tuple[dict[str, frozenset[Voice]], dict[str, list[int]]]:
    """Return each content stem's voices and token positions."""
    voiced: dict[str, set[Voice]] = {}
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        if token.term:
            voiced.setdefault(token.term, set()).add(token.voice)
            positions.setdefault(token.term, []).append(index)
    return {term: frozenset(voices) for term, voices in voiced.items()}, positions


def _paragraphs(text: str, tokens: Sequence[Token]) -> tuple[range, ...]:
    """Return token ranges of the paragraphs, a heading joined to the paragraph after it."""
    bounds = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    parts: list[range] = []
    first = 0
    for bound in [*bounds, len(text) + 1]:
        last = first
        while last < len(tokens) and tokens[last].start < bound:
            last += 1
        if last - first >= 12 or last == len(tokens):
            if last > first:
                parts.append(range(first, last))
            first = last
    return tuple(parts)
