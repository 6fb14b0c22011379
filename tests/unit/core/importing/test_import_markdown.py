"""A folder of Markdown notes (an Obsidian vault): what is kept, reported, skipped and refused."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from psw_journal.core.errors import InvalidInput
from psw_journal.core.importing import KnownEntries, read_source
from psw_journal.core.importing.markdown_folder import parse_markdown_note, read_markdown_folder

TODAY = dt.date(2026, 6, 30)


def _note(text: str, name: str = "note.md"):
    return parse_markdown_note(text, name, TODAY).draft


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_front_matter_gives_title_date_time_tags_links_and_times():
    text = ("---\ntitle: After the hearing voices group\ndate: 2026-04-14 18:30\n"
            "tags: [group, voices]\nprinciples: [Non-directive, recovery focused]\n"
            "competences:\n  - crs_build_trust_rapport\nstress: 2\n"
            "created: 2026-04-14T19:00:00Z\nmodified: 2026-04-15 08:00\n---\n\nIt went well.\n")
    note = parse_markdown_note(text, "note.md", TODAY)
    draft = note.draft
    assert draft.title == "After the hearing voices group"
    assert (draft.occurred_on, draft.time_of_day) == (dt.date(2026, 4, 14), dt.time(18, 30))
    assert draft.tags == ("group", "voices")
    assert draft.principle_ids() == ("non_directive", "recovery_focused")
    assert draft.competence_ids() == ("crs_build_trust_rapport",)
    assert (draft.stress, draft.body) == (2, "It went well.")
    assert note.history.created_at == dt.datetime(2026, 4, 14, 19, 0)
    assert note.history.updated_at is not None


def test_a_yaml_timestamp_and_a_separate_time_are_read():
    assert _note("---\ndate: 2026-04-14 18:30:00\n---\nx").time_of_day == dt.time(18, 30)
    assert _note("---\ndate: 2026-04-14\ntime: '07:05'\n---\nx").time_of_day == dt.time(7, 5)
    assert _note("---\ndate: 2026-04-14\ntime: 9:30\n---\nx").time_of_day == dt.time(9, 30)


def test_inline_tags_become_tags_but_not_headings_links_code_or_numbers():
    draft = _note("# Shift #ward\n\nWith #mentor and #peer/support. Issue #42, "
                  "see https://x.org/#anchor and `#code`.\n\n```\n#block\n```\n"
                  "%% a #private comment %%")
    assert draft.title == "Shift #ward"
    assert draft.tags == ("ward", "mentor", "peer/support", "private")
    assert "%% a #private comment %%" in draft.body  # comments stay as written


def test_heading_becomes_the_title_and_a_date_in_the_name_the_date():
    draft = _note("# Team meeting\n\nNotes here.", "2026-05-06-team.md")
    assert (draft.title, draft.body, draft.occurred_on) == ("Team meeting", "Notes here.",
                                                           dt.date(2026, 5, 6))


def test_a_note_without_a_date_is_dated_on_import_and_keyed_without_it(tmp_path: Path):
    path = _write(tmp_path, "first_week.md", "Plain words.")
    first = read_markdown_folder(tmp_path, today=TODAY)
    (draft,) = first.drafts()
    assert (draft.title, draft.occurred_on) == ("first week", TODAY)
    assert any("1 note with no date" in p and "first_week.md" in p for p in first.problems)
    os.utime(path, (0, 0))  # touched later, imported another day: still the same note
    again = read_markdown_folder(tmp_path, today=TODAY + dt.timedelta(days=3))
    assert again.source_keys() == first.source_keys()
    assert again.fresh(KnownEntries(keys=frozenset(first.source_keys()))).count == 0


def test_templates_are_skipped_or_listed_never_fatal(tmp_path: Path):
    _write(tmp_path, "Templates/Daily.md", "---\ndate: {{date}}\n---\n# {{title}}")
    _write(tmp_path, "Meta/Forms/Weekly.md", "---\ndate: {{date}}\n---\n# Weekly")
    _write(tmp_path, ".obsidian/templates.json", '{"folder": "Meta/Forms"}')
    _write(tmp_path, "loose template.md", "---\ndate: <% tp.date.now() %>\n---\nx")
    _write(tmp_path, "2026-01-02 real.md", "# Real\nbody")
    preview = read_markdown_folder(tmp_path)
    assert [d.title for d in preview.drafts()] == ["Real"]
    assert "Templates folders 'Meta/Forms', 'Templates' skipped." in preview.problems
    (bad,) = preview.unreadable
    assert bad.where == "loose template.md"
    assert bad.reason.startswith("it is a template: '<% tp.date.now() %>'")


def test_a_non_utf8_note_is_listed_with_its_folder_and_the_rest_come(tmp_path: Path):
    _write(tmp_path, "2026/March/latin1.md", "caf\xe9".encode("latin-1"))
    _write(tmp_path, "2026/March/2026-03-01 fine.md", "# Fine\nok")
    preview = read_markdown_folder(tmp_path)
    assert [d.title for d in preview.drafts()] == ["Fine"]
    (bad,) = preview.unreadable
    assert bad.where == "2026/March/latin1.md"
    assert "not UTF-8 text (byte 4)" in bad.reason


def test_links_out_of_the_folder_are_not_followed(tmp_path: Path):
    secret = _write(tmp_path / "elsewhere", "secret.md", "# Secret\nnot mine to import")
    vault = tmp_path / "vault"
    _write(vault, "2026-01-02 real.md", "# Real\nbody")
    (vault / "linked.md").symlink_to(secret)
    (vault / "linked folder").symlink_to(secret.parent, target_is_directory=True)
    (vault / "inside.md").symlink_to(vault / "2026-01-02 real.md")
    preview = read_markdown_folder(vault)
    assert [d.title for d in preview.drafts()] == ["Real"]
    assert sorted(u.where for u in preview.unreadable) == ["linked folder", "linked.md"]
    assert all("not followed" in u.reason for u in preview.unreadable)


def test_attachments_and_unknown_front_matter_are_summed_up(tmp_path: Path):
    _write(tmp_path, "2026-01-02 a.md", "---\naliases: [x]\nmood: ok\n---\n![[cat.png]]\nText")
    _write(tmp_path, "2026-01-03 b.md", "---\nmood: fine\n---\nText")
    _write(tmp_path, "attachments/cat.png", b"\x89PNG")
    _write(tmp_path, "attachments/dog.jpg", b"\xff\xd8")
    _write(tmp_path, "attachments/form.pdf", b"%PDF")
    preview = read_markdown_folder(tmp_path)
    assert preview.count == 2
    assert ("3 attachments not imported (2 images, 1 PDF): the journal holds text only; notes "
            "keep their links to them as text.") in preview.problems
    assert "Front matter 'aliases' of 1 note not imported." in preview.problems
    assert "Front matter 'mood' of 2 notes not imported." in preview.problems


def test_an_over_long_first_word_becomes_a_short_title():
    url = "https://example.org/" + "x" * 400
    draft = _note(f"---\ntitle: {url}\n---\nBody")
    assert len(draft.title) <= 80 and draft.body.startswith(url)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("---\ntitle: [unclosed\n---\nx", "not valid YAML"),
        ("---\n- a\n- b\n---\nx", "front matter must be"),
        ("---\ndate: 14/04/2026\n---\nx", "'date'"),
        ("---\ndate: 2026-02-30\n---\nx", "front matter cannot be read"),
        ("---\ntags: {a: 1}\n---\nx", "'tags' must be a list"),
        ("---\nstress: 9\n---\nx", "'stress'"),
        ("---\nstress: " + "9" * 5000 + "\n---\nx", "a number in it is too long"),
        ("---\ntitle: {a: 1}\n---\nx", "'title' must be text"),
        ("---\ndate: {{date}}\n---\nx", "it is a template"),
    ],
)
def test_a_malformed_note_is_listed_with_its_reason(tmp_path: Path, text: str, fragment: str):
    _write(tmp_path, "bad.md", text)
    _write(tmp_path, "2026-01-01 good.md", "# Good")
    preview = read_markdown_folder(tmp_path)
    assert [d.title for d in preview.drafts()] == ["Good"]
    (bad,) = preview.unreadable
    assert bad.where == "bad.md" and fragment in bad.reason


def test_a_folder_with_nothing_readable_is_one_clear_error(tmp_path: Path):
    with pytest.raises(InvalidInput, match="holds no Markdown"):
        read_markdown_folder(tmp_path)
    with pytest.raises(InvalidInput, match="no such folder"):
        read_markdown_folder(tmp_path / "missing")
    _write(tmp_path, "a.md", b"\xff\xfe\x00bad")
    with pytest.raises(InvalidInput, match=r"holds no entries to import \(a.md: .*not UTF-8"):
        read_source("markdown", tmp_path)
    with pytest.raises(InvalidInput, match="not a folder"):
        read_markdown_folder(tmp_path / "a.md")


WEIRD = ("", "~", "1", "-3", "1.5", "true", ".nan", "[1, [2]]", "{a: 1}", "'x'", "[a, b]",
         "2026-01-01T10:00:00", "2026-01-01", "!!binary aGk=", "&a [*a]", "|\n  block")


@pytest.mark.parametrize("key", ["title", "date", "time", "tags", "principles", "competences",
                                 "stress", "created"])
def test_any_front_matter_value_is_read_or_refused_with_invalid_input(key: str):
    for value in WEIRD:
        try:
            draft = _note(f"---\n{key}: {value}\n---\n# Heading\nBody")
        except InvalidInput as exc:
            assert str(exc).strip(), value
        else:
            assert draft.title
