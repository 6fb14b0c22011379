"""Coursework as a standalone, print-friendly HTML document (no external resources)."""

from __future__ import annotations

import html
import re

import markdown  # type: ignore[import-untyped]  # no stubs installed (types-Markdown)

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_TITLE = re.compile(r'^title: "(.*)"$', re.MULTILINE)

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
    """Render export Markdown (front matter removed) to an HTML fragment."""
    body = _FRONT_MATTER.sub("", text, count=1)
    return render_entry_html(body, extensions=("extra", "sane_lists", "toc"))


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
