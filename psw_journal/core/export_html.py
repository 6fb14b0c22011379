"""Coursework as a standalone, print-friendly HTML document (no external resources)."""

from __future__ import annotations

import html
import re

import markdown  # type: ignore[import-untyped]  # no stubs installed (types-Markdown)

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)
#: The export's own headings: groups and areas (levels 1-3; entries' headings are demoted
#: below them) and entries ("#### 2026-05-01: title").
_SECTION_HEADING = re.compile(r"(?:#{1,3} |#### \d{4}-\d{2}-\d{2}: )")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: Footnotes, abbreviations and reference-link definitions apply to the whole document.
_CROSS_REFERENCE = re.compile(r"^ {0,3}(?:\[\^|\*\[|\[[^\]\n]*\]:)|\[\^", re.MULTILINE)
_SECTION_EXTENSIONS = ["attr_list", "def_list", "fenced_code", "tables", "md_in_html",
                       "sane_lists"]
_HEADING_ELEMENT = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")

PRINT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.5;
       color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25;
       page-break-after: avoid; }
h1 { font-size: 1.8em; } h2 { font-size: 1.45em; border-bottom: 1px solid #999; }
h3 { font-size: 1.2em; } h4 { font-size: 1.05em; } h5, h6 { font-size: 1em; }
blockquote { margin: 0.5em 0; padding: 0.2em 1em; border-left: 4px solid #6a8caf;
       color: #333; background: #f4f7fa; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #aaa; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #eee; } code, pre { font-family: monospace; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.5em; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; }
       h2 { page-break-before: auto; } tr, blockquote { page-break-inside: avoid; } }
"""


def render_entry_html(text: str, *, extensions: tuple[str, ...] = ("extra", "sane_lists")) -> str:
    """Render what a user wrote in Markdown to HTML, showing any raw HTML they typed as text.

    Escaping "<" and "&" keeps typed HTML (or a pasted script) inert in the preview and in
    exported files, while leaving ">" for Markdown quotes.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    html_text: str = markdown.markdown(escaped, extensions=list(extensions), output_format="html")
    return html_text


def markdown_to_html_fragment(text: str) -> str:
    """Render export Markdown (front matter removed) to an HTML fragment, headings with ids.

    An export repeats an entry under every principle or competence it evidences, so the
    document is rendered section by section (split at the export's own headings) and each
    distinct section once, with one reused Markdown instance: about three times quicker than
    one pass over the whole document. A document with footnotes, abbreviations or reference
    links, whose definitions reach across sections, is rendered in one pass instead.
    """
    body = _FRONT_MATTER.sub("", text, count=1)
    escaped = body.replace("&", "&amp;").replace("<", "&lt;")
    if _CROSS_REFERENCE.search(escaped):
        whole = markdown.markdown(escaped, extensions=["extra", "sane_lists"],
                                  output_format="html")
        return _with_heading_ids(str(whole))
    # "extra" without its abbreviations and footnotes, which have nothing to act on here.
    converter = markdown.Markdown(extensions=_SECTION_EXTENSIONS, output_format="html")
    rendered: dict[str, str] = {}
    pieces = []
    for section in _sections(escaped):
        if section not in rendered:
            rendered[section] = str(converter.reset().convert(section))
        pieces.append(rendered[section])
    return _with_heading_ids("\n".join(piece for piece in pieces if piece))


def _sections(text: str) -> list[str]:
    """Split Markdown before the export's headings that follow a blank line, outside fences."""
    lines = text.split("\n")
    sections: list[str] = []
    start, fence = 0, ""
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if not fence:
                fence = marker[0] * len(marker)
            elif marker.startswith(fence):
                fence = ""
        elif (not fence and index > start and not lines[index - 1].strip()
              and _SECTION_HEADING.match(line)):
            sections.append("\n".join(lines[start:index]))
            start = index
    sections.append("\n".join(lines[start:]))
    return sections


def _with_heading_ids(fragment: str) -> str:
    """Give every heading a unique id, as python-markdown's ``toc`` extension would."""
    from markdown.extensions.toc import slugify, unique  # type: ignore[import-untyped]

    used: set[str] = set()

    def add_id(match: re.Match[str]) -> str:
        plain = html.unescape(_TAGS.sub("", match.group(2)))
        ident = unique(slugify(plain, "-"), used)
        return f'<h{match.group(1)} id="{ident}">{match.group(2)}</h{match.group(1)}>'

    return _HEADING_ELEMENT.sub(add_id, fragment)


def render_html(markdown_text: str) -> str:
    """Return a complete standalone HTML document for an export's Markdown."""
    match = _TITLE.search(markdown_text[:2000])
    title = match.group(1) if match else "Reflective coursework"
    fragment = markdown_to_html_fragment(markdown_text)
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}</style>\n</head>\n"
        f"<body>\n{fragment}\n</body>\n</html>\n"
    )
