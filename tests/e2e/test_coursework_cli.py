"""The ``coursework`` command's contract, on a real encrypted journal, documents read back."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import docx
import markdown
import pypdf
import pytest
import yaml
from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_runner import assert_one_line_error, run_cli

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse"
PRINCIPLES = ["mutual", "reciprocal", "non_directive", "recovery_focused", "strengths_based",
              "inclusive", "progressive", "safe"]
PASSAGE = "It's for a woman I'm due to meet next week"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 15 sample entries and a principles piece with text and two examples (made once)."""
    journal = tmp_path_factory.mktemp("coursework") / "journal.db"
    assert run_cli("init", "--journal", journal).code == 0
    assert run_cli("import", "--format", "jsonl", ROOT / "tests/fixtures/entries.jsonl",
                   "--journal", journal).code == 0
    created = run_cli("coursework", "new", "--title", "What the principles mean to me",
                      "--json", "--journal", journal)
    assert json.loads(created.out) == {"id": 1}
    for section, text in (("mutual", "To me, *mutual* means we both bring something.\n\n"
                                     "## A turning point\n\nKerry Tanner taught me that."),
                          ("safe", "Safety is trust, kept in small ways.")):
        assert run_cli("coursework", "write", "1", section, "--journal", journal,
                       stdin=text).code == 0
    assert run_cli("coursework", "quote", "1", "safe", "--entry", "3", "--text", PASSAGE,
                   "--journal", journal).code == 0
    return journal


@pytest.fixture
def journal(made: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "journal.db"
    shutil.copy(made, copy)
    return copy


def _show(journal: Path) -> dict:  # type: ignore[type-arg]
    result = run_cli("coursework", "show", "1", "--json", "--journal", journal)
    assert result.code == 0, result
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_show_json_is_the_contract(journal):
    shown = _show(journal)
    assert set(shown) == {"id", "title", "words", "target_words", "sections"}
    assert [s["id"] for s in shown["sections"]] == PRINCIPLES
    safe = shown["sections"][-1]
    assert set(safe) == {"id", "heading", "words", "target_words", "text", "examples",
                         "evidences"}
    assert safe["examples"] == [{"entry_id": 3, "quote": PASSAGE}]
    assert safe["evidences"] == {"principles": ["safe"], "competences": []}
    assert safe["words"] == 7 and shown["words"] == sum(s["words"] for s in shown["sections"])


def test_a_passage_not_in_the_entry_is_refused_and_changes_nothing(journal):
    before = _show(journal)
    result = run_cli("coursework", "quote", "1", "mutual", "--entry", "3", "--text",
                     "words that were never written", "--journal", journal)
    assert_one_line_error(result, "not in entry 3", "nothing was added")
    assert _show(journal) == before


def test_an_unknown_section_names_the_real_ones(journal):
    result = run_cli("coursework", "write", "1", "courage", "--journal", journal, stdin="x")
    assert_one_line_error(result, "no section 'courage'", "mutual")


def test_list_new_from_a_brief_file_and_the_trash(journal):
    made = run_cli("coursework", "new", "--title", "Essay", "--brief",
                   ROOT / "data/example-brief.yaml", "--journal", journal)
    assert made.code == 0 and made.out.strip() == "2"
    listed = json.loads(run_cli("coursework", "list", "--json", "--journal", journal).out)
    essay = next(piece for piece in listed if piece["id"] == 2)
    assert essay["target_words"] == 3000 and essay["sections"] == 4
    assert run_cli("coursework", "delete", "2", "--journal", journal).code == 0
    trash = json.loads(run_cli("coursework", "list", "--trash", "--json", "--journal",
                               journal).out)
    assert [p["id"] for p in trash] == [2]
    assert run_cli("coursework", "restore", "2", "--journal", journal).code == 0


def test_word_document_has_heading_styles_properties_and_every_word(journal, tmp_path):
    out = tmp_path / "piece.docx"
    result = run_cli("coursework", "export", "1", "--out", out, "--format", "docx",
                     "--journal", journal)
    assert result.code == 0, result
    document = docx.Document(str(out))
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.text.strip()]
    assert styles[0] == ("Title", "What the principles mean to me")
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings[:8] == ["Mutual", "Reciprocal", "Non-directive", "Recovery focused",
                            "Strengths based", "Inclusive", "Progressive", "Safe"]
    assert ("Heading 2", "A turning point") in styles
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kerry Tanner taught me that." in text and PASSAGE in text
    assert document.core_properties.title == "What the principles mean to me"
    assert "words" in document.core_properties.comments
    assert out.stat().st_mode & 0o777 == 0o600


def test_pdf_has_metadata_and_a_page_count_that_follows_the_content(journal, tmp_path):
    out = tmp_path / "piece.pdf"
    result = run_cli("coursework", "export", "1", "--out", out, "--format", "pdf",
                     "--appendix", "none", "--journal", journal)
    assert result.code == 0, result
    reader = pypdf.PdfReader(str(out))
    assert reader.metadata is not None and reader.metadata.title == (
        "What the principles mean to me")
    assert 1 <= len(reader.pages) <= 3
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Safety is trust" in text and "Appendix" not in text
    assert out.stat().st_mode & 0o777 == 0o600


def test_markdown_reads_in_two_parsers_and_redaction_leaves_no_identifier(journal, tmp_path):
    out = tmp_path / "piece.md"
    result = run_cli("coursework", "export", "1", "--out", out, "--format", "markdown",
                     "--redact", "--journal", journal)
    assert result.code == 0, result
    text = out.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "What the principles mean to me"
    body = text.split("---\n", 2)[2]
    for rendered in (markdown.markdown(body, extensions=["extra"]),
                     MarkdownIt("commonmark").render(body)):
        assert "<blockquote>" in rendered and "<h2>Safe</h2>" in rendered
    for identifier in ("Kerry Tanner", "931 283 7079", "WF4 2LS", "Precious Mhlanga",
                       "30/06/1985", "9 Kiln Lane"):
        assert identifier not in text
    assert "[Person A] taught me that." in text  # the piece's first person is Person A


def test_export_of_a_trashed_piece_is_refused(journal, tmp_path):
    assert run_cli("coursework", "delete", "1", "--journal", journal).code == 0
    result = run_cli("coursework", "export", "1", "--out", tmp_path / "x.md", "--format",
                     "markdown", "--journal", journal)
    assert_one_line_error(result, "in the trash")
    assert not (tmp_path / "x.md").exists()
