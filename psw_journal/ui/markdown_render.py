"""Markdown to HTML for the preview pane (no Qt)."""

from __future__ import annotations

import markdown

_EXTENSIONS = ["extra", "sane_lists", "nl2br"]


def render_markdown(text: str) -> str:
    """Render an entry's Markdown body to HTML, showing any raw HTML as text.

    Args:
        text: The Markdown the user wrote.

    Returns:
        An HTML fragment safe to show in a QTextBrowser.
    """
    # Escaping "<" and "&" keeps typed HTML inert while leaving ">" for Markdown quotes.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;")
    return markdown.markdown(escaped, extensions=_EXTENSIONS, output_format="html")
