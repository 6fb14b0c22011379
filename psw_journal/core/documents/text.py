"""What a student wrote, made ready to sit inside a larger document.

Pure text transformations shared by every export: headings demoted below the document's own,
footnote labels made unique per entry, a template's prompt kept apart from the answer under
it, and private comments (Obsidian's ``%% … %%``) left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence

_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=\s|$)")
_HEADING_ANYWHERE = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
_WHOLE_LINE_EMPHASIS = re.compile(r"^\s{0,3}(\*|_)(?!\1)(?=\S).*\S\1\s*$")
_BLOCK_START = re.compile(r"^\s{0,3}(?:[-*+]\s|\d+[.)]\s|#|>|\|)")
#: A whole-line emphasis directly followed by a line of text (a quick test before the work).
_PROMPT_THEN_TEXT = re.compile(r"^[ \t]{0,3}([*_])(?!\1)\S.*\S\1[ \t]*\n[ \t]*\S",
                               re.MULTILINE)
_PRIVATE_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]!])")
#: What :func:`escape_inline` changes: Markdown punctuation, and runs or kinds of white space.
_INLINE_SPECIAL = re.compile(r"[\\`*_{}\[\]!]|\s\s|[^\S ]|^\s|\s$")
_QUESTION_SECTION = re.compile(r"^#{1,6}\s*(next time|questions?|for supervision)\b", re.I)


def prepare_body(text: str, *, base_level: int, label: str) -> str:
    """Return an entry's (or a section's) Markdown ready to be placed in an export.

    Args:
        text: What the student wrote.
        base_level: The level the shallowest of its own headings becomes.
        label: A prefix that makes its footnote labels unique in the document.
    """
    text = strip_private_comments(text)
    text = separate_prompts(text)
    text = relabel_footnotes(text, label)
    return demote_headings(text, base_level)


def strip_private_comments(text: str) -> str:
    """Leave out ``%% … %%`` comments (private notes in Obsidian), which never leave the app."""
    if "%%" not in text:
        return text
    return _PRIVATE_COMMENT.sub("", text)


def _outside_fences(lines: Sequence[str]) -> Iterator[int]:
    """Yield the indexes of lines outside fenced code blocks."""
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if match:
            marker = match.group(1)
            if fence is None:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = None
            continue
        if fence is None:
            yield index


def _has_fence(markdown: str) -> bool:
    return "```" in markdown or "~~~" in markdown


def _may_have_heading(markdown: str) -> bool:
    """Tell quickly whether a line may be a heading (most entries have none)."""
    return "#" in markdown and _HEADING_ANYWHERE.search(markdown) is not None


def demote_headings(markdown: str, base: int) -> str:
    """Shift ATX headings so the shallowest becomes level ``base`` (capped at 6).

    Lines inside fenced code blocks are left alone.
    """
    if not _may_have_heading(markdown):
        return markdown
    if not _has_fence(markdown):  # the usual case: one pass of a regular expression
        levels = [len(hashes) for _, hashes in _HEADING_ANYWHERE.findall(markdown)]
        if not levels:
            return markdown
        shift = base - min(levels)
        return _HEADING_ANYWHERE.sub(
            lambda m: m.group(1) + "#" * min(6, max(1, len(m.group(2)) + shift)), markdown)
    lines = markdown.split("\n")
    found = [(i, m) for i in _outside_fences(lines) if (m := _HEADING.match(lines[i]))]
    if not found:
        return markdown
    shift = base - min(len(m.group(2)) for _, m in found)
    for index, match in found:
        level = min(6, max(1, len(match.group(2)) + shift))
        lines[index] = match.group(1) + "#" * level + lines[index][match.end():]
    return "\n".join(lines)


def relabel_footnotes(markdown: str, label: str) -> str:
    """Prefix footnote labels (``[^1]`` becomes ``[^e12-1]``), so two entries' notes differ."""
    if "[^" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for index in _outside_fences(lines):
        lines[index] = _FOOTNOTE.sub(lambda m: f"[^{label}-{m.group(1)}]", lines[index])
    return "\n".join(lines)


def separate_prompts(markdown: str) -> str:
    """Keep a line that is all emphasis (a template's prompt) apart from the text under it.

    A template starts an entry with ``*What happened?*`` on its own line; an answer typed on
    the next line would otherwise join it into one paragraph.
    """
    if ("*\n" not in markdown and "_\n" not in markdown) or not _PROMPT_THEN_TEXT.search(
            markdown):
        return markdown
    lines = markdown.split("\n")
    inside = set(_outside_fences(lines))
    result: list[str] = []
    for index, line in enumerate(lines):
        result.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if (index in inside and index + 1 in inside and _WHOLE_LINE_EMPHASIS.match(line)
                and following.strip() and not _BLOCK_START.match(following)):
            result.append("")
    return "\n".join(result)


def open_questions(body: str) -> list[str]:
    """Return lines ending in "?" and the items of "Next time"/"Questions" sections."""
    questions: list[str] = []
    in_section = False
    for raw in strip_private_comments(body).splitlines():
        line = raw.strip()
        if line.startswith("#"):
            in_section = bool(_QUESTION_SECTION.match(line))
            continue
        text = re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", line)
        bare = text.rstrip("*_ ")
        if text and (in_section or bare.endswith("?")) and text not in questions:
            questions.append(text)
    return questions


def escape_table_cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def escape_inline(text: str) -> str:
    """Make a plain string (a title, a tag) read literally inside Markdown."""
    if not _INLINE_SPECIAL.search(text):  # most titles and tags: nothing to change
        return text
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(text.split()))


def yaml_string(value: str) -> str:
    """Return a YAML double-quoted scalar (JSON strings are valid YAML, escapes and all)."""
    return json.dumps(value, ensure_ascii=False)


def one_line(text: str) -> str:
    """Collapse white space, for text shown on one line (statements, definitions)."""
    return " ".join(text.split())
