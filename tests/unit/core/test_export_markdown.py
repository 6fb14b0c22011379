"""Coursework Markdown: structure of each grouping, parsers, redaction, demotion."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
from markdown_it import MarkdownIt

from psw_journal.core.confidentiality import find_identifiers
from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.export_html import render_html
from psw_journal.core.export_markdown import (
    ExportOptions,
    Grouping,
    demote_headings,
    open_questions,
    render_markdown,
)
from psw_journal.core.framework import Framework, load_framework
from psw_journal.core.jsonl import parse_jsonl

ROOT = Path(__file__).resolve().parents[3]
STAMP = dt.datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


@pytest.fixture(scope="module")
def entries(framework: Framework) -> list[Entry]:
    drafts = parse_jsonl((ROOT / "tests/fixtures/entries.jsonl").read_text(encoding="utf-8"))
    first = framework.competences[0].id
    result = []
    for number, draft in enumerate(drafts, start=1):
        links = draft.links + (
            (Link(LinkKind.COMPETENCE, first, "a | note"),) if number % 2 else ()
        )
        result.append(
            Entry(
                number,
                EntryDraft(draft.title, draft.body, draft.occurred_on, draft.tags, links),
                STAMP,
                STAMP,
            )
        )
    return result


def headings(text: str) -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text.split("---\n", 2)[2])
    return [
        (int(t.tag[1]), tokens[i + 1].content)
        for i, t in enumerate(tokens)
        if t.type == "heading_open"
    ]


def test_by_principle_has_every_principle_with_its_definition(entries, framework) -> None:
    text = render_markdown(entries, framework, {"name": "Sam"}, ExportOptions())
    tree = headings(text)
    level_two = [title for level, title in tree if level == 2]
    assert level_two[:8] == [p.name for p in framework.principles]
    assert level_two[-1].startswith("Appendix")
    for principle in framework.principles:
        assert f"> {' '.join(principle.definition.split())}" in text
    assert all(level >= 4 for level, title in tree if title in {"Reflection", "Description"})
    assert text.startswith('---\ntitle: "Reflections on the principles of peer support"\n')
    assert 'author: "Sam"' in text


def test_by_competence_uses_framework_wording(entries, framework) -> None:
    text = render_markdown(entries, framework, None, ExportOptions(grouping=Grouping.COMPETENCE))
    tree = headings(text)
    competence = framework.competences[0]
    domain = framework.domain(competence.domain_id)
    assert (2, domain.name) in tree
    assert (3, " ".join(competence.statement.split())) in tree


def test_by_date_and_supervision(entries, framework) -> None:
    by_date = headings(
        render_markdown(entries, framework, None, ExportOptions(grouping=Grouping.DATE))
    )
    assert (2, "January 2026") in by_date
    agenda = render_markdown(
        entries, framework, None, ExportOptions(grouping=Grouping.SUPERVISION)
    )
    assert "## Agenda" in agenda
    assert "Ask Gary what a good week on the ward would look like for him." in agenda


def test_parses_with_python_markdown_and_markdown_it(entries, framework) -> None:
    text = render_markdown(entries, framework, None, ExportOptions())
    body = text.split("---\n", 2)[2]
    html = markdown.markdown(body, extensions=["extra"])
    assert "<table>" in html and "<h2" in html
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    assert any(t.type == "table_open" for t in tokens)
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) > len(framework.competences)
    assert "- " in text


def test_redacted_export_contains_none_of_the_findings(entries, framework) -> None:
    text = render_markdown(entries, framework, None, ExportOptions(redact=True))
    for entry in entries:
        for finding in find_identifiers(entry.body):
            if finding.kind.value != "name":
                assert finding.text not in text
            else:
                assert not re.search(rf"\b{re.escape(finding.text)}\b", text), finding
    assert "[Person A]" in text and "[NHS number]" in text


def test_demotion_ignores_fenced_code_and_caps_at_six() -> None:
    body = "# Top\n\n```\n# not a heading\n```\n\n### Deep\n\n###### Deepest"
    assert demote_headings(body, base=5) == (
        "##### Top\n\n```\n# not a heading\n```\n\n###### Deep\n\n###### Deepest"
    )


def test_open_questions() -> None:
    body = "Hello.\nWhat next?\n\n## Next time\n\n- Ask about sleep\n\n## Other\nDone."
    assert open_questions(body) == ["What next?", "Ask about sleep"]


def test_html_is_standalone(entries, framework) -> None:
    page = render_html(render_markdown(entries, framework, None, ExportOptions()))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "http://" not in page and "https://" not in page


def test_html_sections_render_like_one_pass(entries, framework) -> None:
    import markdown

    from psw_journal.core.export_html import markdown_to_html_fragment

    text = render_markdown(entries, framework, None, ExportOptions())
    text += "\n```\n\n## not a heading\n```\n\n## After\n\nText {: .note}\n"
    body = text.split("---\n", 2)[2]
    escaped = body.replace("&", "&amp;").replace("<", "&lt;")
    one_pass = markdown.markdown(escaped, extensions=["extra", "sane_lists", "toc"],
                                 output_format="html")
    assert markdown_to_html_fragment(text) == one_pass
    with_reference = text + "\nSee [the guide][g].\n\n[g]: http://example.org\n"
    escaped = with_reference.split("---\n", 2)[2].replace("&", "&amp;").replace("<", "&lt;")
    assert markdown_to_html_fragment(with_reference) == markdown.markdown(
        escaped, extensions=["extra", "sane_lists", "toc"], output_format="html"
    )
