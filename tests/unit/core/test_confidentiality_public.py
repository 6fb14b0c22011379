"""False alarms by kind on clean text, with examples written for these tests (none from a corpus).

Each kind is paired with a check that a person supported is still found next to it.
"""

from __future__ import annotations

import pytest

from psw_journal.core.confidentiality import find_identifiers, find_in_tag


def found(text: str) -> list[tuple[str, str]]:
    return [(str(f.kind), f.text) for f in find_identifiers(text)]


def names(text: str) -> list[str]:
    return [t for k, t in found(text) if k == "name"]


@pytest.mark.parametrize(
    "text",
    [
        "Mon: handover. Tues: group. Weds: admin. Thurs: leave. Fri: supervision.",
        "Sat was long and Sun was worse. Back in on Tue.",
        "Logged 30 hours in Sept and 28 in Oct; Nov looks lighter, Dec heavier.",
        "Essay due Jan 12th, portfolio in Feb, viva in Mar.",
        "Apr, Jun, Jul and Aug are quieter. Sep is induction.",
    ],
)
def test_day_and_month_abbreviations_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_given_name_that_is_a_month_abbreviation_is_found_with_a_cue() -> None:
    assert names("Jan said she would try the walking group.") == ["Jan"]
    assert names("Jan 14th is the deadline.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Connectedness came up in every session this week.",
        "Neurodiversity is a word the team is still learning.",
        "Destigmatising mental illness takes generations.",
        "Intersectionality was the theme of the lecture.",
        "Helplessness is not the same as hopelessness.",
        "Personhood matters more than diagnosis.",
    ],
)
def test_concept_words_formed_from_ordinary_words_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_given_name_is_not_mistaken_for_a_formed_word() -> None:
    assert names("Denise came to the group for the first time.") == ["Denise"]


@pytest.mark.parametrize(
    "text",
    [
        "Sertraline made me sleepy; Venlafaxine did not.",
        "Olanzapine and Aripiprazole were both mentioned at ward round.",
        "Zopiclone, Propranolol and Lamotrigine are on the chart.",
    ],
)
def test_medicines_are_not_names(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Gabor Maté asks what happened rather than what is wrong.",
        "Kristin Neff's self-compassion scale is used a lot.",
        "I borrowed a book by Johann Hari from the library.",
        "Bessel van der Kolk argues that trauma lives in the body.",
        "Van der Kolk also writes about yoga.",
        "Michael White and David Epston wrote about externalising problems.",
        "Jon Kabat-Zinn's course was eight weeks long.",
        "Dan Siegel's hand model of the brain is easy to explain.",
        "Larry Davidson studied peer support in the United States.",
        "Peter Levine's book on trauma uses animals as examples.",
    ],
)
def test_authors_cited_in_prose_are_not_names(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nelson Mandela was held on Robben Island for eighteen years.",
        "Kurt Cobain's death was on the news when I was a teenager.",
        "Marcus Rashford campaigned for free school meals.",
        "Princess Diana talked openly about bulimia.",
        "Greta Thunberg has spoken about being autistic.",
        "Stormzy talked about depression on the radio.",
        "Winston Churchill called his low moods the black dog.",
        "Lady Gaga has spoken about living with PTSD.",
    ],
)
def test_public_figures_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_surname_after_its_full_name_stays_public_but_others_are_found() -> None:
    assert names("Brené Brown writes about shame. Brown says it thrives in secrecy.") == []
    assert names("Kristin Neff's book helped Chidinma more than therapy.") == ["Chidinma"]


@pytest.mark.parametrize(
    "text",
    [
        "Guru Nanak taught that all people are equal.",
        "The Khalsa was founded by Guru Gobind Singh.",
        "Janmashtami celebrates the birth of Krishna, and Raksha Bandhan is in August.",
        "Imbolc and Candlemas fall at the start of February.",
        "St Brigid's Day is a new bank holiday.",
        "The Prophet Muhammad is remembered at Mawlid.",
        "Juneteenth and Kwanzaa came up in the diversity training.",
        "Pope Francis spoke about loneliness.",
    ],
)
def test_religious_figures_and_festivals_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_given_name_shared_with_a_deity_is_found_with_a_cue() -> None:
    assert names("I met Krishna at the drop-in and we talked about cricket.") == ["Krishna"]


@pytest.mark.parametrize(
    "text",
    [
        "We visited Auschwitz with the school.",
        "Walked a stretch of Hadrian's Wall in the rain.",
        "Tintern Abbey was quiet in the early morning.",
        "The Somme and Passchendaele were covered in the history module.",
        "Stonehenge is busy at the solstice.",
        "Grenfell Tower is remembered every June.",
        "Lake Windermere was freezing.",
        "Machu Picchu is on my list.",
    ],
)
def test_historic_places_and_landmarks_are_not_names(text: str) -> None:
    assert found(text) == []


def test_a_person_next_to_a_place_is_still_found() -> None:
    assert names("Walked with Olamide along Hadrian's Wall.") == ["Olamide"]


@pytest.mark.parametrize(
    "text",
    [
        "I finished An Unquiet Mind on the bus.",
        "We watched A Beautiful Mind at the film club.",
        "Wise Mind sits between Emotion Mind and Reasonable Mind.",
        "The Trussell Trust runs most of the food banks here.",
        "Andy's Man Club meets on Monday evenings.",
        "Movember, Cruse and Kooth all had leaflets out.",
    ],
)
def test_titles_and_national_organisations_are_not_services(text: str) -> None:
    assert found(text) == []


def test_local_services_are_still_found() -> None:
    assert found("She goes to Leeds Mind on Fridays.") == [("ward_or_service", "Leeds Mind")]
    assert found("Referred to the Lindisfarne Community Mental Health Team.") == [
        ("ward_or_service", "Lindisfarne Community Mental Health Team")]
    assert found("He is on Ward 4 this week.") == [("ward_or_service", "Ward 4")]


@pytest.mark.parametrize("tag", ["diwali", "sertraline", "connectedness", "tues", "stormzy"])
def test_tags_of_each_kind_are_not_names(tag: str) -> None:
    assert find_in_tag(tag) is None


def test_a_tag_naming_a_person_is_still_found() -> None:
    assert find_in_tag("oluwaseun") is not None


def test_a_literature_review_by_two_unlisted_authors_is_a_citation() -> None:
    assert found("Okafor and Lindqvist's review of peer support found mixed results.") == []
    assert names("Tunde's review is on Friday.") == ["Tunde"]


def test_a_given_name_shared_with_a_listed_term_is_found_beside_another_name() -> None:
    assert names("Met Ibrahim and Moses at the drop-in.") == ["Ibrahim", "Moses"]
