"""Markdown to HTML for the preview and for documents, with nothing that reaches outside.

What people write is rendered with python-markdown after "<" and "&" are escaped, so typed or
pasted HTML shows as text. Extensions that let text set HTML attributes (``attr_list``,
``md_in_html``) are left out, so no ``style`` or ``on…`` attribute can be written; then
links keep only http, https and mailto addresses and in-document anchors, and images are
replaced by their description: no exported page fetches anything or shows a local file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

import markdown  # type: ignore[import-untyped]  # no stubs installed (types-Markdown)

from psw_journal.core.documents.model import Document

#: python-markdown's "extra" without attr_list and md_in_html (they write raw attributes and
#: HTML); a line break stays a line break, as in the editor's preview.
EXTENSIONS = ("abbr", "def_list", "fenced_code", "footnotes", "tables", "sane_lists", "nl2br")
#: The same without footnotes and abbreviations, for text that has none.
EXTENSIONS_PLAIN = ("def_list", "fenced_code", "tables", "sane_lists", "nl2br")
#: python-markdown's inline patterns that cannot match text holding none of these strings:
#: a block without them is rendered without trying them (most of a journal is plain prose).
_TRIGGERS = {
    "backtick": ("`",), "escape": ("\\",), "reference": ("[",), "link": ("[",),
    "image_link": ("![",), "image_reference": ("![",), "short_reference": ("[",),
    "short_image_ref": ("![",), "linebreak": ("  \n",), "entity": ("&",),
    "em_strong": ("*", "_"), "em_strong2": ("_",), "not_strong": ("*", "_"), "nl": ("\n",),
}
_SAFE_SCHEMES = ("http://", "https://", "mailto:", "#")
_ANCHOR = re.compile(r"<a\b([^>]*)>")
_IMAGE = re.compile(r"<img\b([^>]*)/?>")
_ATTRIBUTE = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_HEADING_ELEMENT = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")

SCREEN_CSS = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.5;
       color: #1a1a1a; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25;
       page-break-after: avoid; }
h1 { font-size: 1.9em; } h2 { font-size: 1.5em; border-bottom: 1px solid #999; }
h3 { font-size: 1.25em; } h4 { font-size: 1.1em; } h5 { font-size: 1.05em; }
h6 { font-size: 1em; font-style: italic; }
blockquote { margin: 0.5em 0; padding: 0.2em 1em; border-left: 4px solid #6a8caf;
       color: #333; background: #f4f7fa; }
table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
th, td { border: 1px solid #aaa; padding: 0.25em 0.5em; vertical-align: top; }
th { background: #eee; } code, pre { font-family: monospace; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: 0.5em; }
.details { margin-bottom: 2em; } .image-left-out { color: #555; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; }
       tr, blockquote { page-break-inside: avoid; } }
"""

#: Qt's rich text understands a subset of CSS: sizes in points, no max-width or borders on
#: blocks. Headings step down from 20 pt to the 11 pt body, never below it.
PRINT_CSS = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; color: #1a1a1a; }
h1 { font-family: Arial, sans-serif; font-size: 20pt; font-weight: bold; margin-bottom: 6pt; }
h2 { font-family: Arial, sans-serif; font-size: 16pt; font-weight: bold; margin-top: 18pt; }
h3 { font-family: Arial, sans-serif; font-size: 13.5pt; font-weight: bold; margin-top: 14pt; }
h4 { font-family: Arial, sans-serif; font-size: 12pt; font-weight: bold; margin-top: 12pt; }
h5 { font-family: Arial, sans-serif; font-size: 11pt; font-weight: bold; margin-top: 10pt; }
h6 { font-family: Arial, sans-serif; font-size: 11pt; font-style: italic; margin-top: 10pt; }
p, li { font-size: 11pt; }
blockquote { margin-left: 18pt; margin-right: 12pt; color: #333333; font-style: italic; }
th { background-color: #eeeeee; font-weight: bold; }
td, th { font-size: 10pt; }
pre, code { font-family: monospace; font-size: 9.5pt; }
.image-left-out { color: #555555; }
"""


def render_fragment(text: str) -> str:
    """Render what a user wrote in Markdown to safe HTML (raw HTML they typed shows as text)."""
    return render_blocks([text])


def render_blocks(blocks: Iterable[str]) -> str:
    """Render Markdown blocks (entries, sections) one by one, safely.

    Footnotes and link references stay within their block, which is where they were written.
    A block without footnotes or abbreviations is rendered without those extensions, and no
    converter looks for raw HTML or ``<…>`` links, which the escaping has made plain text, nor
    for inline patterns whose characters the block lacks: fewer patterns tried on every run of
    text (python-markdown's main cost on long exports).
    """
    converters: dict[tuple[bool, frozenset[str]], markdown.Markdown] = {}
    pieces = []
    for block in blocks:
        escaped = block.replace("&", "&amp;").replace("<", "&lt;")
        full = "[^" in escaped or "*[" in escaped
        unused = frozenset(name for name, marks in _TRIGGERS.items()
                           if not any(mark in escaped for mark in marks))
        converter = converters.get((full, unused))
        if converter is None:
            converter = converters[full, unused] = _converter(
                EXTENSIONS if full else EXTENSIONS_PLAIN, unused
            )
        pieces.append(str(converter.reset().convert(escaped)))
    return sanitise("\n".join(piece for piece in pieces if piece))


def _converter(extensions: tuple[str, ...], unused: Iterable[str] = ()) -> markdown.Markdown:
    converter = markdown.Markdown(extensions=list(extensions), output_format="html")
    for never_matches in ("html", "autolink", "automail", *unused):  # "<" is escaped before
        converter.inlinePatterns.deregister(never_matches, strict=False)
    return converter


def sanitise(fragment: str) -> str:
    """Drop links to anything but the web, mail and the page itself; describe images.

    The fragment comes from python-markdown over escaped text, so its only elements and
    attributes are those Markdown makes; this removes what a browser or Qt would fetch or run.
    """
    fragment = _IMAGE.sub(_image_description, fragment)
    return _ANCHOR.sub(_safe_anchor, fragment)


def _image_description(match: re.Match[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    alt = attributes.get("alt", "").strip()
    label = f"[Image left out: {alt}]" if alt else "[Image left out]"
    return f'<span class="image-left-out">{label}</span>'


def _safe_anchor(match: re.Match[str]) -> str:
    attributes = dict(_ATTRIBUTE.findall(match.group(1)))
    href = _CONTROL.sub("", html.unescape(attributes.get("href", ""))).casefold()
    kept = [f'{name}="{attributes[name]}"' for name in ("class", "href", "title")
            if name in attributes and (name != "href" or href.startswith(_SAFE_SCHEMES))]
    return "<a" + "".join(" " + item for item in kept) + ">"


def with_heading_ids(fragment: str) -> str:
    """Give every heading a unique id, as python-markdown's ``toc`` extension would."""
    from markdown.extensions.toc import slugify, unique  # type: ignore[import-untyped]

    used: set[str] = set()

    def add_id(match: re.Match[str]) -> str:
        plain = html.unescape(_TAGS.sub("", match.group(2)))
        ident = unique(slugify(plain, "-"), used)
        return f'<h{match.group(1)} id="{ident}">{match.group(2)}</h{match.group(1)}>'

    return _HEADING_ELEMENT.sub(add_id, fragment)


def document_fragment(document: Document, *, with_title: bool = True) -> str:
    """Render a document's title page (optionally) and body to one safe HTML fragment."""
    parts = []
    if with_title:
        parts.append(f"<h1>{html.escape(document.info.title)}</h1>")
    details = "".join(f"<b>{html.escape(label)}:</b> {html.escape(value)}<br>"
                      for label, value in document.info.details())
    if details:
        parts.append(f'<p class="details">{details}</p>')
    parts.append(render_blocks(document.blocks))
    return with_heading_ids("\n".join(parts))


def standalone_html(document: Document, *, for_print: bool = False) -> str:
    """Return a complete HTML page for a document (no external resources).

    Args:
        document: The composed document.
        for_print: Style it for Qt's PDF printer (points, full-width tables).
    """
    fragment = document_fragment(document)
    if for_print:  # Qt's rich text takes a table's width and borders from attributes only
        fragment = fragment.replace(
            "<table>", '<table width="100%" border="1" cellspacing="0" cellpadding="4">')
    css = PRINT_CSS if for_print else SCREEN_CSS
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(document.info.title)}</title>\n"
        f"<meta name=\"author\" content=\"{html.escape(document.info.profile.name)}\">\n"
        f"<style>{css}</style>\n</head>\n<body>\n{fragment}\n</body>\n</html>\n"
    )
