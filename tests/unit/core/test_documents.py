"""Entry exports as documents: every entry once, valid Markdown, nothing that reaches out."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from psw_journal.core.documents import html as html_module
from psw_journal.core.documents.entries import Selection, Shape, compose_entries
from psw_journal.core.documents.html import render_fragment, standalone_html
from psw_journal.core.documents.model import Byline, Profile
from psw_journal.core.documents.text import (
    demote_headings,
    open_questions,
    prepare_body,
    separate_prompts,
)
from psw_journal.core.entry import Entry, EntryDraft, Link, LinkKind
from psw_journal.core.framework import Framework, load_framework
from psw_journal.core.jsonl import parse_jsonl

ROOT = Path(__file__).resolve().parents[3]
STAMP = dt.datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def framework() -> Framework:
    return load_framework()


def _entry(number: int, title: str, body: str, *links: Link, day: int = 1,
           tags: tuple[str, ...] = ()) -> Entry:
    draft = EntryDraft(title, body, dt.date(2026, 3, day), tags, links)
    return Entry(number, draft, STAMP, STAMP)


def _principle(pid: str) -> Link:
    return Link(LinkKind.PRINCIPLE, pid)


@pytest.fixture(scope="module")
def samples(framework: Framework) -> list[Entry]:
    drafts = parse_jsonl((ROOT / "tests/fixtures/entries.jsonl").read_text(encoding="utf-8"))
    first = framework.competences[0].id
    return [Entry(number, EntryDraft(d.title, d.body, d.occurred_on, d.tags, d.links + (
        (Link(LinkKind.COMPETENCE, first, "a | note"),) if number % 2 else ())), STAMP, STAMP)
        for number, d in enumerate(drafts, start=1)]


def _body_of(text: str) -> str:
    return text.split("---\n", 2)[2]


def _headings(text: str) -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").enable("table").parse(_body_of(text))
    return [(int(t.tag[1]), tokens[i + 1].content)
            for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_by_principle_prints_each_entry_once_and_leaves_none_out(framework):
    three = _entry(1, "Three principles", "UNIQUE-ONE body.", _principle("mutual"),
                   _principle("safe"), _principle("inclusive"))
    none = _entry(2, "No principle", "UNIQUE-TWO body.", day=2)
    text = compose_entries([three, none], framework, Shape.PRINCIPLE).to_markdown()
    assert text.count("UNIQUE-ONE") == 1 and text.count("UNIQUE-TWO") == 1
    assert "2 entries." in text
    tree = [title for level, title in _headings(text) if level == 2]
    assert tree[:8] == [p.name for p in framework.principles]
    assert "Not linked to a principle" in tree
    assert text.count("(in full under Mutual)") == 2  # referenced under Inclusive and Safe
    assert "| **Total (each entry once)** | **4** |" in text


def test_by_competence_groups_unlinked_entries_and_uses_framework_wording(framework):
    competence = framework.competences[0]
    linked = _entry(1, "Linked", "Body.", Link(LinkKind.COMPETENCE, competence.id, "a note"))
    text = compose_entries([linked, _entry(2, "Loose", "Body two.", day=2)], framework,
                           Shape.COMPETENCE).to_markdown()
    headings = [title for _, title in _headings(text)]
    assert " ".join(competence.statement.split()) in headings
    assert "Not linked to a competence" in headings
    assert "a note" in text


def test_appendix_counts_what_is_evidenced_without_rows_of_zeros(samples, framework):
    text = compose_entries(samples, framework, Shape.PRINCIPLE).to_markdown()
    appendix = text.split("## Appendix")[1]
    assert "| 0 |" not in appendix.split("### Principles")[0]
    assert "competences of the framework" in appendix
    assert appendix.count("\n| ") < 40  # not the 78-row table


def test_footnotes_stay_with_their_own_entry(framework):
    first = _entry(1, "One", "First[^1].\n\n[^1]: Note of the first.", _principle("mutual"))
    second = _entry(2, "Two", "Second[^1].\n\n[^1]: Note of the second.", _principle("mutual"),
                    day=2)
    document = compose_entries([first, second], framework, Shape.DATE)
    page = render_fragment(document.body)
    assert "Note of the first." in page and "Note of the second." in page
    assert page.count('class="footnote-ref"') == 2


def test_a_prompt_and_its_answer_are_separate_paragraphs():
    body = "## Description\n\n*What happened?*\nI met someone at the café.\n"
    html = render_fragment(prepare_body(body, base_level=4, label="e1"))
    assert "<p><em>What happened?</em></p>" in html
    assert "<p>I met someone at the café.</p>" in html
    assert separate_prompts("*a list follows*\n- one\n") == "*a list follows*\n- one\n"


def test_private_comments_never_leave():
    body = "Shared part.\n%% private: talk to Kerry %%\nMore.\n%%\nlong private\n%%"
    prepared = prepare_body(body, base_level=4, label="e1")
    assert "private" not in prepared and "Kerry" not in prepared
    assert "Shared part." in prepared and "More." in prepared


def test_markdown_is_valid_for_two_parsers_and_yaml(samples, framework):
    document = compose_entries(samples, framework, Shape.PRINCIPLE,
                               byline=Byline(Profile(name="Sam", course="PSW Cert")))
    text = document.to_markdown()
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Reflections on the principles of peer support"
    assert front["author"] == "Sam" and front["words"] == document.info.words
    assert text.count("# Reflections on the principles of peer support\n") == 1
    python_markdown = markdown.markdown(_body_of(text), extensions=["extra"])
    commonmark = MarkdownIt("commonmark").enable("table").render(_body_of(text))
    for rendered in (python_markdown, commonmark):
        assert "<h2>Mutual</h2>" in rendered and "<table>" in rendered


def test_headings_never_print_smaller_than_the_text_in_pdf_styles():
    from psw_journal.core.documents.html import PRINT_CSS

    sizes = {tag: float(PRINT_CSS.split(f"{tag} {{")[1].split("font-size:")[1].split("pt")[0])
             for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "body")}
    assert sizes["h1"] > sizes["h2"] > sizes["h3"] > sizes["h4"] >= sizes["body"]
    assert min(sizes[h] for h in ("h5", "h6")) >= sizes["body"]


@pytest.mark.parametrize(
    ("typed", "absent"),
    [
        ("[x](javascript:alert(1))", "javascript:"),
        ("[x](JaVaScRiPt:alert(1))", "avascript"),
        ("[x]( data:text/html,<b>hi</b> )", "data:"),
        ("[x][r]\n\n[r]: javascript:alert(1)", "javascript:"),
        ("![photo](http://127.0.0.1:9/p.png)", "127.0.0.1"),
        ("![](/home/me/secret.png)", "secret.png"),
        ("![x][img]\n\n[img]: http://example.org/x.png", "example.org"),
        ("Paragraph {: style=\"background:url(http://x)\" onclick=\"y\"}\n", "style="),
        ("<img src=x onerror=alert(1)>", "<img"),
    ],
)
def test_html_has_nothing_that_reaches_out_or_runs(typed: str, absent: str):
    tags = " ".join(re.findall(r"<[^>]+>", render_fragment(typed))).casefold()
    assert absent.casefold() not in tags
    assert "<img" not in tags and " on" not in tags and "style=" not in tags


def test_safe_links_and_anchors_are_kept():
    html = render_fragment("[site](https://example.org) [mail](mailto:a@b.c) and a note[^1]"
                           "\n\n[^1]: here")
    assert 'href="https://example.org"' in html and 'href="mailto:a@b.c"' in html
    assert 'href="#fn:1"' in html


def test_standalone_html_loads_nothing(samples, framework):
    page = standalone_html(compose_entries(samples, framework, Shape.DATE))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "src=" not in page and "@import" not in page


def test_demotion_ignores_fenced_code_and_caps_at_six():
    body = "# Top\n\n```\n# not a heading\n```\n\n### Deep\n\n###### Deepest"
    assert demote_headings(body, base=5) == (
        "##### Top\n\n```\n# not a heading\n```\n\n###### Deep\n\n###### Deepest"
    )


def test_open_questions():
    body = "Hello.\nWhat next?\n\n## Next time\n\n- Ask about sleep\n\n## Other\nDone."
    assert open_questions(body) == ["What next?", "Ask about sleep"]


def test_selection_filters(samples):
    chosen = Selection(principle_ids=frozenset({"safe"})).choose(samples)
    assert chosen and all("safe" in e.draft.principle_ids() for e in chosen)
    assert Selection(entry_ids=frozenset({1, 2})).choose(samples) == samples[:2]


_MARKDOWN_TEXT = st.lists(
    st.sampled_from([*"ab Z1.-#>|:*_`\\[]()!^&<\n", "  \n", "http://x", "\n\n", "&amp;"]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(blocks=st.lists(_MARKDOWN_TEXT, min_size=1, max_size=3))
def test_skipping_patterns_a_block_cannot_use_renders_the_same_html(blocks: list[str]):
    """The fast path leaves out inline patterns by the characters a block lacks: same output."""
    converters = {extensions: html_module._converter(extensions)
                  for extensions in (html_module.EXTENSIONS, html_module.EXTENSIONS_PLAIN)}
    reference = []
    for block in blocks:
        escaped = block.replace("&", "&amp;").replace("<", "&lt;")
        full = "[^" in escaped or "*[" in escaped
        converter = converters[html_module.EXTENSIONS if full else html_module.EXTENSIONS_PLAIN]
        reference.append(str(converter.reset().convert(escaped)))
    expected = html_module.sanitise("\n".join(piece for piece in reference if piece))
    assert html_module.render_blocks(blocks) == expected
