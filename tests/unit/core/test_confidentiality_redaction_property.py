"""Property: after redaction with ``Redactor``, checking the text again finds nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from psw_journal.core.confidentiality import (
    STRUCTURED_KINDS,
    FindingKind,
    Redactor,
    find_identifiers,
    find_in_tag,
)

# Names written for this test, of many origins and shapes (none from the corpus).
NAMES = [
    "Adaeze", "Kwabena Owusu", "Chukwuemeka", "Mulugeta", "Harbhajan Sandhu", "Bhavesh",
    "Żaneta Wąsowicz", "Gwenllian", "Caoilfhionn", "Ruqayyah", "Şükrü", "Quoc", "Rose-Anne",
    "Jean-Claude", "Kaz", "Tobi", "يوسف", "Kerry Tanner", "Imran", "Nguyễn Thảo", "Ilinca",
]
SENTENCES = [
    "{name} came to the group and stayed for tea.",
    "I sat with {name} while {name} waited for the doctor.",
    "Talked to {name} about {id}; we wrote it on a card.",
    "{name}'s sister rang on {id} this morning.",
    "Everyone calls him {name}. His details: {id}.",
    "Good session with @{name} today. @placement",
    "On the form {name} gave {id} and then we went to the Elm Ward.",
]


def _nhs(digits: list[int]) -> str | None:
    check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    if check == 10 or len(set(digits + [check])) == 1:
        return None
    text = "".join(map(str, digits)) + str(check)
    return f"{text[:3]} {text[3:6]} {text[6:]}"


nhs_numbers = st.lists(st.integers(0, 9), min_size=9, max_size=9).map(_nhs).filter(bool)
ni_numbers = st.builds(
    lambda a, b, digits, end, sep: sep.join([a + b, digits[:2], digits[2:4], digits[4:], end]),
    st.sampled_from("ABCEGHJKLMNPRSTWXYZ"), st.sampled_from("ABCEGHJKLMNPRSTWXYZ"),
    st.integers(0, 999_999).map(lambda n: f"{n:06d}"), st.sampled_from("ABCD"),
    st.sampled_from([" ", "", "-"]),
)
phones = st.integers(0, 999_999).map(lambda n: f"07700 9{n:06d}"[:12])
emails = st.sampled_from(["kt88@example.org", "a.nowak@example.com", "sam_p@example.net"])
postcodes = st.sampled_from(["M14 5RT", "LS8 3QT", "CF10 1AA", "B1 1AA", "SW1A 2AA"])
identifiers = st.one_of(nhs_numbers, ni_numbers, phones, emails, postcodes)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(SENTENCES), st.sampled_from(NAMES), identifiers),
             min_size=1, max_size=5),
)
def test_nothing_is_found_again_after_redaction(parts: list[tuple[str, str, str]]) -> None:
    text = " ".join(sentence.format(name=name, id=ident) for sentence, name, ident in parts)
    redacted = Redactor().redact(text, find_identifiers(text))
    again = find_identifiers(redacted)
    assert [f for f in again if f.kind in STRUCTURED_KINDS or f.kind is FindingKind.NAME] == []
    for sentence, name, ident in parts:
        if "{id}" in sentence:
            digits = re.sub(r"\D", "", ident)
            assert ident not in redacted and (len(digits) < 6 or digits not in
                                              re.sub(r"\D", "", redacted))
        assert re.search(rf"(?<!\w){re.escape(name)}(?!\w)", redacted) is None


@given(st.sampled_from(NAMES))
def test_tags_that_name_someone_share_the_person_placeholder(name: str) -> None:
    redactor = Redactor()
    body = f"{name} came to the group."
    redacted = redactor.redact(body, find_identifiers(body))
    first = name.split()[0].casefold()
    finding = find_in_tag(first)
    assert finding is not None
    assert redactor.placeholder(finding) in redacted
