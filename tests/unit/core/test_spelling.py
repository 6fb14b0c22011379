"""British spelling of Markdown prose: what is checked, what is skipped, what is suggested."""

from __future__ import annotations

import pytest

from psw_journal.core.spelling import BlockState, Speller, line_state, load_word_list, prose_words


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller(load_word_list(), ["Amira"])


def misspelt(speller: Speller, line: str) -> list[str]:
    return [span.word for span in speller.misspelt(line)]


def test_british_spellings_pass_and_american_ones_are_flagged(speller):
    assert misspelt(speller, "The colour of our behaviour; we organise and recognise.") == []
    assert misspelt(speller, "The color of our behavior; we organize.") == [
        "color", "behavior", "organize"]


def test_sentence_capitals_contractions_possessives_and_hyphens(speller):
    line = "Wellbeing matters. She’s sure it's Amira's co-production, not London's."
    assert misspelt(speller, line) == []
    assert misspelt(speller, "we met amira in london") == ["amira", "london"]


def test_code_addresses_markup_and_abbreviations_are_never_checked(speller):
    line = ("Use `qwzx` at https://exmaple.org/zzqq or mail me@exmaple.org; see [the notes]"
            "(notes/zzqq.md)[^zzfn] <span class=\"qqz\">fine</span> NHS WRAP iPhone 2nd A4 x "
            "zzq_wrd")
    assert misspelt(speller, line) == []


def test_a_typo_is_found_where_it_stands(speller):
    (span,) = speller.misspelt("## Feelings: I recieve support")
    assert (span.start, span.length, span.word) == (15, 7, "recieve")


def test_fenced_and_indented_code_blocks_are_skipped():
    lines = ["Some text", "```python", "zzqq wrng", "```", "", "    indented zzqq", "After"]
    state, kinds = -1, []
    for line in lines:
        is_code, state = line_state(line, state)
        kinds.append(is_code)
    assert kinds == [False, True, True, True, False, True, False]
    assert line_state("    - a nested item", BlockState.BLANK) == (False, BlockState.TEXT)
    assert line_state("    continued paragraph", BlockState.TEXT)[0] is False


def test_suggestions_are_british_and_ranked_by_how_common(speller):
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("color")[0] == "colour"
    assert speller.suggestions("Teh")[0] == "The"
    assert speller.suggestions("london") == ["London"]
    assert speller.suggestions("co-prodution") == ["co-production"]


def test_own_words_are_accepted_and_forgotten(speller):
    own = Speller(load_word_list(), [])
    assert not own.is_known("Zorbington")
    own.add_own_word("Zorbington")
    assert own.is_known("Zorbington") and own.is_known("Zorbington's")
    own.set_own_words([])
    assert not own.is_known("Zorbington")


def test_prose_words_positions():
    assert list(prose_words("**bold** and _it_")) == [(2, "bold"), (9, "and"), (14, "it")]
