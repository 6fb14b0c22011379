"""Tell the app's own words in an entry from the user's: template headings, guidance, prompts.

A line the app wrote into an entry (a reflective model's heading or its italic guidance, the
prompt heading of a "Write about this" draft) and that the user left as it was is never
evidence for a link. Lines are compared without Markdown marks, case or spacing, so
``## Feelings`` and ``*What happened? Keep it simple: who, where, when.*`` are recognised
however they were re-typed; a user's words after such a line on the same line are kept
("What? I met him at the café").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from psw_journal.core.framework import Framework
from psw_journal.core.prompts import every_prompt_text
from psw_journal.core.templates import TEMPLATES

_LEADING_MARKS = re.compile(r"[ \t]*(?:(?:#{1,6}|>|[-*+•]|\d{1,3}[.)])[ \t]+)*")
_INLINE_MARKS = frozenset("*_`")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_FOLD = str.maketrans({**dict.fromkeys(map(ord, _INLINE_MARKS)), **_QUOTES})
#: After a scaffolding line, the user's words may follow these on the same line.
_SEPARATORS = frozenset(":;.?!-–—)")


class Scaffolding:
    """A set of lines that are the app's wording, not the user's; blanks them out of a text."""

    def __init__(self, lines: Iterable[str] = ()) -> None:
        """Remember the lines, compared without Markdown marks, case or spacing."""
        self._lines = frozenset(filter(None, map(_fold, lines)))
        self._longest = max(map(len, self._lines), default=0)

    @classmethod
    def built_in(cls, framework: Framework) -> Scaffolding:
        """Return every template heading and guidance line and every prompt of a framework."""
        lines: list[str] = []
        for template in TEMPLATES:
            for section in template.sections:
                lines += [section.heading, section.guidance]
        return cls([*lines, *every_prompt_text(framework)])

    def with_lines(self, lines: Iterable[str]) -> Scaffolding:
        """Return a copy that also knows these lines (each split at its line breaks)."""
        extra = [part for line in lines for part in line.splitlines()]
        if not extra:
            return self
        joined = Scaffolding(extra)
        joined._lines = self._lines | joined._lines
        joined._longest = max(self._longest, joined._longest)
        return joined

    def __contains__(self, line: object) -> bool:
        """Tell whether a line is scaffolding as a whole."""
        return isinstance(line, str) and _fold(line) in self._lines

    def blank(self, text: str) -> str:
        """Return the text with its scaffolding replaced by line breaks, same length.

        Offsets into the result are offsets into the text, so what is quoted from it is
        still the user's wording at the same place.
        """
        if not self._lines:
            return text
        out = list(text)
        offset = 0
        for line in text.splitlines(keepends=True):
            cut = self._scaffold_end(line)
            if cut:
                out[offset : offset + cut] = "\n" * cut
            offset += len(line)
        return "".join(out)

    def _scaffold_end(self, line: str) -> int:
        """Return how many leading characters of a line are scaffolding (0 for none)."""
        # Marks and spaces aside, a scaffolding line is at most the longest known one.
        head = line[: 2 * self._longest + 16]
        folded = _fold(head)
        if not folded:
            return 0
        if folded in self._lines and len(head) == len(line):
            return len(line.rstrip("\r\n"))
        cut = self._known_prefix(folded)
        if not cut:
            return 0
        return _normal(head)[1][cut - 1] + 1

    def _known_prefix(self, folded: str) -> int:
        """Return the length of the longest scaffolding line a folded line starts with."""
        for index in range(min(len(folded) - 1, self._longest + 1), 0, -1):
            at_separator = folded[index - 1] in _SEPARATORS or folded[index] in _SEPARATORS
            if at_separator and folded[:index].rstrip() in self._lines:
                return len(folded[:index].rstrip())
        return 0


def _fold(line: str) -> str:
    """Return a line without Markdown marks, case folded, its spaces collapsed."""
    start = _LEADING_MARKS.match(line)
    rest = line[start.end() :] if start else line
    return " ".join(rest.translate(_FOLD).casefold().split())


def _normal(line: str) -> tuple[str, list[int]]:
    """Return a line without Markdown marks, folded, spaces collapsed, and where each came from.

    ``where[i]`` is the offset in ``line`` of the normal form's character ``i``.
    """
    start = _LEADING_MARKS.match(line)
    chars: list[str] = []
    where: list[int] = []
    for index in range(start.end() if start else 0, len(line)):
        char = line[index]
        if char in _INLINE_MARKS:
            continue
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(index)
            continue
        for folded in char.casefold().translate(_QUOTES):
            chars.append(folded)
            where.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where
