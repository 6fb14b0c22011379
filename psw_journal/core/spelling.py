"""British English spell checking of Markdown text, offline.

The word list is SCOWL's British English list (size 70) shipped in ``spelling_data/``, plus a
few words of peer support work; words the student adds are kept in their journal. Checking a
word is a set look-up, so it keeps up with typing; suggestions come from ``pyspellchecker``
(edit distance over the same list, ranked by how common a word is), built on first use.

What is never checked: code (inline and fenced or indented blocks), web and e-mail addresses,
link targets, HTML tags, footnote labels, all-capital abbreviations (NHS, WRAP), words with
capitals inside (iPhone), single letters and anything joined to a digit.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

#: One word: letters, with inner apostrophes (don't, she's) and hyphens (co-production).
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
#: Parts of a Markdown line that are not prose.
_NOT_PROSE = re.compile(
    r"(`+).*?\1"                                   # inline code
    r"|(?:https?|ftp|file)://\S+|\bwww\.\S+|\bmailto:\S+"  # addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"               # e-mail
    r"|\]\([^)]*\)|\]\[[^\]]*\]"                   # link targets
    r"|^\s{0,3}\[[^\]]+\]:\s*\S+"                  # a link reference definition
    r"|<!--.*?-->|</?[A-Za-z][^>]*>|<[^>\s]+>"     # HTML comments, tags and autolinks
    r"|\[\^[^\]]*\]"                               # footnote labels
    r"|&#?\w+;"                                    # HTML entities
)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
#: What a word may be glued to and still be a word: not digits, underscores or dots in names.
_GLUE = set("0123456789@/\\")
#: Contraction endings accepted after a known word (the list has most, not all: "Sam'll").
_CONTRACTIONS = ("'s", "'ll", "'ve", "'d", "'re", "'m")
SUGGESTION_LIMIT = 6
#: Longer words get edit-distance-1 suggestions only: distance 2 over a 10-letter word takes
#: about 0.4 s (only when no word is one edit away).
_DISTANCE_2_MAX = 10


class BlockState:
    """What a line leaves behind for the next one (Qt's block state is an int)."""

    TEXT = 0
    BLANK = 1          # blank line or start: an indented line after it is code
    FENCE_BACKTICK = 2
    FENCE_TILDE = 3
    INDENTED_CODE = 4


@dataclass(frozen=True, slots=True)
class Span:
    """A misspelt word in a line: where it starts, its length and the word itself."""

    start: int
    length: int
    word: str


@cache
def load_word_list() -> frozenset[str]:
    """Return the shipped British English words (about 133,000; ~40 ms, once per process)."""
    folder = resources.files("psw_journal.core") / "spelling_data"
    words = gzip.decompress((folder / "en_GB.txt.gz").read_bytes()).decode("utf-8").split("\n")
    extra = (folder / "extra_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in (*words, *(x.strip() for x in extra if not x.startswith("#")))
                     if w)


def prose_words(line: str) -> Iterator[tuple[int, str]]:
    """Yield each word of a Markdown line that is prose, with where it starts."""
    skipped = [m.span() for m in _NOT_PROSE.finditer(line)]
    at = 0
    for match in _WORD.finditer(line):
        start, end = match.span()
        while at < len(skipped) and skipped[at][1] <= start:
            at += 1
        if at < len(skipped) and skipped[at][0] < end:
            continue
        if _is_glued(line, start - 1, -1) or _is_glued(line, end, 1):
            continue
        word = match.group()
        if _is_checked(word):
            yield start, word


def _is_glued(line: str, at: int, away: int) -> bool:
    """Tell whether the character at ``at`` joins the word to a number or a name (a_b, A4)."""
    if not 0 <= at < len(line):
        return False
    if line[at] == "_":  # _emphasis_ is prose; snake_case is not
        beyond = at + away
        return 0 <= beyond < len(line) and line[beyond].isalnum()
    return line[at] in _GLUE


def _is_checked(word: str) -> bool:
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if len(letters) < 2 or word.isupper():
        return False
    return not any(c.isupper() for part in word.split("-") for c in part[1:])


def line_state(line: str, previous: int) -> tuple[bool, int]:
    """Tell whether a line is code, and the state it leaves for the next line.

    Args:
        line: The line's text.
        previous: The previous line's state (a :class:`BlockState` value; -1 at the start).
    """
    fence = _FENCE.match(line)
    if previous in (BlockState.FENCE_BACKTICK, BlockState.FENCE_TILDE):
        closes = fence is not None and fence.group(1)[0] == (
            "`" if previous == BlockState.FENCE_BACKTICK else "~")
        return True, BlockState.BLANK if closes else previous
    if fence is not None:
        opened = BlockState.FENCE_BACKTICK if fence.group(1)[0] == "`" else BlockState.FENCE_TILDE
        return True, opened
    if not line.strip():
        return False, BlockState.BLANK
    after_blank = previous in (-1, BlockState.BLANK, BlockState.INDENTED_CODE)
    if after_blank and (line.startswith(("    ", "\t"))) and not _LIST_MARKER.match(line):
        return True, BlockState.INDENTED_CODE
    return False, BlockState.TEXT


class Speller:
    """Check words against the British list and the student's own words; suggest corrections.

    Args:
        words: The dictionary's words (see :func:`load_word_list`).
        own_words: Words the student added ("Add to dictionary").
    """

    def __init__(self, words: frozenset[str], own_words: Iterable[str] = ()) -> None:
        self._words = words
        self._own: set[str] = set()
        self._verdicts: dict[str, bool] = {}
        self._suggester: Any = None
        self.set_own_words(own_words)

    @property
    def own_words(self) -> list[str]:
        """Return the words the student added, sorted."""
        return sorted(self._own, key=str.casefold)

    def set_own_words(self, words: Iterable[str]) -> None:
        """Use these added words (from the journal), forgetting any others."""
        before = self._own
        self._own = {normalise(w) for w in words if isinstance(w, str) and w.strip()}
        self._verdicts.clear()
        if self._suggester is not None:
            gone = {w.lower() for w in before - self._own} - {w.lower() for w in self._own}
            self._suggester.word_frequency.remove_words(
                [w for w in gone if w not in self._words])
            self._suggester.word_frequency.load_words(self._own)

    def add_own_word(self, word: str) -> None:
        """Accept a word from now on (the caller keeps it in the journal)."""
        word = normalise(word)
        self._own.add(word)
        self._verdicts.clear()
        if self._suggester is not None:
            self._suggester.word_frequency.add(word)

    def is_known(self, word: str) -> bool:
        """Tell whether a word is spelt right (a capital at the start of a sentence is fine)."""
        verdict = self._verdicts.get(word)
        if verdict is None:
            verdict = self._verdicts[word] = self._judge(normalise(word))
        return verdict

    def _has(self, word: str) -> bool:
        if word in self._words or word in self._own:
            return True
        if word[:1].isupper() and word[1:].islower():
            lower = word.lower()
            return lower in self._words or lower in self._own
        return False

    def _judge(self, word: str) -> bool:
        if self._has(word):
            return True
        for ending in _CONTRACTIONS:
            if word.endswith(ending) and len(word) > len(ending) + 1:
                return self._judge(word[: -len(ending)])
        if "-" in word:
            return all(self._judge(part) for part in word.split("-") if part)
        return False

    def misspelt(self, line: str) -> list[Span]:
        """Return the misspelt words of one line of prose (call only for non-code lines)."""
        return [Span(start, len(word), word) for start, word in prose_words(line)
                if not self.is_known(word)]

    def suggestions(self, word: str, limit: int = SUGGESTION_LIMIT) -> list[str]:
        """Return likely corrections, most likely first, in the word's own capitalisation."""
        word = normalise(word)
        if "-" in word:
            return self._hyphenated_suggestions(word, limit)
        suggester = self._suggester_ready()
        suggester.distance = 2 if len(word) <= _DISTANCE_2_MAX else 1
        found = suggester.candidates(word.lower()) or set()
        frequency: Callable[[str], int] = suggester.word_frequency.dictionary.get
        ranked = sorted((c for c in found if c != word.lower()),
                        key=lambda c: (-(frequency(c) or 0), c))
        result = []
        listed = self._as_listed(word.lower(), capital=word[:1].isupper())
        if listed is not None and listed != word:  # london: London
            result.append(listed)
        for candidate in ranked:
            spelt = self._as_listed(candidate, capital=word[:1].isupper())
            if spelt is not None and spelt not in result:
                result.append(spelt)
        return result[:limit]

    def _hyphenated_suggestions(self, word: str, limit: int) -> list[str]:
        parts = word.split("-")
        wrong = [i for i, part in enumerate(parts) if part and not self._judge(part)]
        if len(wrong) != 1:
            return []
        i = wrong[0]
        return ["-".join((*parts[:i], fix, *parts[i + 1:]))
                for fix in self.suggestions(parts[i], limit)]

    def _as_listed(self, lower: str, *, capital: bool) -> str | None:
        """Return a lower-case candidate as the list spells it (London, not london)."""
        if lower in self._words or lower in self._own:
            return lower[:1].upper() + lower[1:] if capital else lower
        for spelt in (lower.capitalize(), lower.upper()):
            if spelt in self._words or spelt in self._own:
                return spelt
        return next((w for w in self._own if w.lower() == lower), None)

    def _suggester_ready(self) -> Any:
        if self._suggester is None:
            self._suggester = build_suggester(self._words, self._own)
        return self._suggester


def normalise(word: str) -> str:
    """Return a word with typographic apostrophes made plain."""
    return word.strip().replace("’", "'")


def build_suggester(words: Iterable[str], own: Iterable[str]) -> Any:
    """Return a pyspellchecker over the British words, ranked by how common each word is.

    pyspellchecker's own English list is American, so it is used for frequencies only: a
    British spelling takes the frequency of its American twin (colour, color).
    """
    import json

    from spellchecker import SpellChecker

    resource = resources.files("spellchecker") / "resources" / "en.json.gz"
    common: dict[str, int] = json.loads(gzip.decompress(resource.read_bytes()))
    frequencies: dict[str, int] = {}
    for word in (*words, *own):
        lower = word.lower()
        if lower not in frequencies:
            frequencies[lower] = common.get(lower) or _twin_frequency(lower, common) or 1
    checker = SpellChecker(language=None, distance=1)
    checker.word_frequency.load_json(frequencies)
    return checker


_TWINS = (
    (re.compile(r"our(s|ed|ing|ite|ites|able|ably|er|ers)?$"), r"or\1"),
    (re.compile(r"is(e|es|ed|ing|er|ers|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ogue(s)?$"), r"og\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers|or|ors)$"), r"\1l\2"),
    (re.compile(r"ement(s)?$"), r"ment\1"),
    (re.compile(r"amme(s)?$"), r"am\1"),
    (re.compile(r"(a|o)e"), "e"),
)


def _twin_frequency(word: str, common: dict[str, int]) -> int:
    """Return the frequency of a British word's American spelling, if the list has one."""
    for pattern, replacement in _TWINS:
        twin, changed = pattern.subn(replacement, word, count=1)
        if changed and twin in common:
            return common[twin]
    return 0
