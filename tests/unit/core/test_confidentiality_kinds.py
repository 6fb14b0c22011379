"""The detector on examples written for these tests, kind by kind (none from the corpus)."""

from __future__ import annotations

import pytest

from psw_journal.core.confidentiality import FindingKind, find_identifiers, find_in_tag


def found(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(str(f.kind), f.text) for f in find_identifiers(text, **kwargs)]  # type: ignore[arg-type]


def names(text: str, **kwargs: object) -> list[str]:
    return [t for k, t in found(text, **kwargs) if k == "name"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We walked to the shop and Adaeze talked about her nursing course.", "Adaeze"),
        ("Afterwards Oluwadamilare said he would come back.", "Oluwadamilare"),
        ("I sat with Kwabena in the garden.", "Kwabena"),
        ("Met Chukwuemeka at the drop-in.", "Chukwuemeka"),
        ("Mulugeta showed me photos of Addis.", "Mulugeta"),
        ("Rang Harbhajan about the bus pass.", "Harbhajan"),
        ("Bhavesh and his brother came.", "Bhavesh"),
        ("Later Thamizhselvi asked about the group.", "Thamizhselvi"),
        ("The form for Żaneta was wrong again.", "Żaneta"),
        ("Gwenllian wants to learn to drive.", "Gwenllian"),
        ("Talked with Caoilfhionn about her exams.", "Caoilfhionn"),
        ("A long chat with Xiadani about home.", "Xiadani"),
        ("Ruqayyah prays in the quiet room.", "Ruqayyah"),
        ("Walked with Şükrü to the park.", "Şükrü"),
        ("Ştefania rang twice.", "Ştefania"),
        ("Quoc asked what peer support is.", "Quoc"),
    ],
)
def test_names_of_many_origins_are_found(text: str, name: str) -> None:
    assert name in names(text)


def test_full_names_with_rare_surnames_and_diacritics() -> None:
    assert names("Visited Grzegorz Wąsowicz at home.") == ["Grzegorz Wąsowicz"]
    assert names("Spoke to Hamid Qaderi on the phone.") == ["Hamid Qaderi"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tobi turned up late but stayed.", "Tobi"),
        ("Everyone calls her Bex and so do I.", "Bex"),
        ("Kaz won at pool again.", "Kaz"),
        ("Saw Ifey in the corridor.", "Ifey"),
        ("The lads call him Rusty because of his hair.", "Rusty"),
    ],
)
def test_short_forms_and_nicknames(text: str, name: str) -> None:
    assert name in names(text)


def test_names_at_the_start_of_an_entry_or_sentence() -> None:
    assert names("Folasade was in good spirits.") == ["Folasade"]
    assert names("Good day. Mirela came to the group.") == ["Mirela"]


def test_hyphenated_first_names() -> None:
    assert names("Rose-Anne and Jean-Claude came to the quiz.") == ["Rose-Anne", "Jean-Claude"]


def test_non_latin_script_inside_english_prose() -> None:
    assert names("Her name is written يوسف on her door.") == ["يوسف"]
    assert names("He signed the card 张伟 and smiled.") == ["张伟"]


def test_jrnl_inline_tags_and_handles() -> None:
    assert names("Good session with @Zoë today. @placement @supervision @selfcare") == ["Zoë"]
    assert found("@wellbeing check: fine. @rapport") == []
    assert found("Her handle is @kerry_t88.") == [("other", "@kerry_t88")]


@pytest.mark.parametrize(
    "tag", ["sam", "@sam", "zoë", "oluwadamilare", "gwenllian", "kez"]
)
def test_tags_that_name_a_person(tag: str) -> None:
    finding = find_in_tag(tag)
    assert finding is not None and finding.kind is FindingKind.NAME and finding.text == tag


@pytest.mark.parametrize(
    "tag",
    ["placement", "supervision", "self-care", "selfcare", "wellbeing", "gibbs", "cbt",
     "leeds", "diwali", "first meeting", "boundaries", "recovery", "jrnl"],
)
def test_ordinary_tags_are_left_alone(tag: str) -> None:
    assert find_in_tag(tag) is None


def test_tags_honour_people_own_names_and_ignore() -> None:
    assert find_in_tag("bo", people=["Bo"]) is not None
    assert find_in_tag("sam", own_names=["Sam Patel"]) is None
    assert find_in_tag("sampatel", own_names=["Sam Patel"]) is None
    assert find_in_tag("kez", ignore=["Kez"]) is None


def test_own_names_are_never_findings() -> None:
    text = "Reflective log of Adaeze Okafor. Adaeze met Tunde; Okafor is my surname."
    assert names(text, own_names=["Adaeze Okafor"]) == ["Tunde"]
    assert names("@Adaeze said hi", own_names=["Adaeze"]) == []


@pytest.mark.parametrize(
    "text",
    ["Riverside Hearing Voices Group", "Abbey Road CMHT", "Northgate Recovery College",
     "Ward 7", "Elm Ward", "Larkspur Crisis Café", "Beacon Men's Shed"],
)
def test_named_services_span_their_identifying_name(text: str) -> None:
    assert found(f"On Tuesday we went to the {text} together.") == [("ward_or_service", text)]


@pytest.mark.parametrize(
    "text",
    ["the crisis team rang", "the CMHT rang", "the Community Mental Health Team rang",
     "the Recovery College prospectus", "the Hearing Voices Network", "a local Mind group"],
)
def test_generic_services_are_not_findings(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "ni", ["QQ 12 34 56 C", "QQ123456C", "QQ 123456 C", "qq 12 34 56 c", "QQ-12-34-56-C",
           "AB 65 43 21 D"]
)
def test_national_insurance_numbers_in_any_spacing(ni: str) -> None:
    assert found(f"His NI number is {ni} on the letter.") == [("ni_number", ni)]


def test_dates_of_birth_take_the_nearest_cue() -> None:
    text = "Birthday cake today! Mo was born on 4 June 1959 and told everyone."
    assert ("date_of_birth", "4 June 1959") in found(text)
    assert "date_of_birth" not in dict(found("The review is on 4 June 2027."))


def test_addresses_with_more_street_words() -> None:
    assert found("Her flat is at 12 Canal Side now.") == [("address", "12 Canal Side")]


@pytest.mark.parametrize(
    "text",
    [
        "I read a book by Mary O'Hagan about recovery.",
        "Deegan and Repper's review of peer support was on the list.",
        "As bell hooks writes, love is an action.",
        "As Audre Lorde says, caring for myself is not self-indulgence.",
        "Brené Brown writes about shame.",
        "We celebrated Diwali, Eid, Ramadan, Hanukkah, Vaisakhi and Christmas on the ward.",
        "Chinese New Year lunch was on Tuesday in February.",
        "I moved from Huddersfield to Glasgow, then to Lagos and back to Rochdale.",
        "The crisis team and the CMHT met on Monday.",
        "Using the Mutual, Reciprocal, Recovery focused and Strengths based principles.",
        "I've said I'm fine, and I'd say we'll manage.",
        "Handover was late on Wednesdays and Thursdays.",
    ],
)
def test_clean_text_raises_no_false_alarm(text: str) -> None:
    assert found(text) == []


def test_every_kind_has_a_label_and_a_placeholder() -> None:
    from psw_journal.core.confidentiality import Finding, Redactor

    for kind in FindingKind:
        assert kind.label
        assert Redactor().placeholder(Finding(0, 1, kind, "x")).startswith("[")


def test_very_long_words_take_linear_time() -> None:
    import time

    started = time.perf_counter()
    assert find_identifiers("A" + "b" * 200_000) == []
    find_in_tag("a" * 100_000)
    assert time.perf_counter() - started < 1.0
