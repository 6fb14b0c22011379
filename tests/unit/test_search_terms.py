"""What a user types into search becomes a safe, bounded full-text expression."""

from __future__ import annotations

import pytest

from psw_journal.persistence.search import MAX_TERMS, parse_search


@pytest.mark.parametrize(
    ("typed", "expression", "ignored"),
    [
        ("support", '"support"', ()),
        ("s* s* s*", "", ("s*",)),
        ("su* su* SU*", '"su"*', ()),
        ("su* support", '"support"', ()),
        ('li* "lived experience"', '"lived experience"', ()),
        ("st* support", '"st"* "support"', ()),
        ("AND OR NOT NEAR(", '"AND" "OR" "NOT" "NEAR("', ()),
        ('say "hi', '"say" """hi"', ()),
        ("*", "", ()),
    ],
)
def test_search_terms(typed: str, expression: str, ignored: tuple[str, ...]):
    terms = parse_search(typed)
    assert (terms.expression, terms.ignored) == (expression, ignored)


def test_a_search_takes_a_bounded_number_of_terms():
    words = [f"word{number}" for number in range(5000)]
    terms = parse_search(" ".join(words) + " " + "s* " * 5000)
    assert terms.expression.count('"') == 2 * MAX_TERMS
    assert len(terms.ignored) == 5000 - MAX_TERMS + 1
