"""Coverage counts, last dates, roll-ups, windows and unknown ids on a hand-built framework."""

from __future__ import annotations

import datetime as dt

import pytest
from coverage_facts import coverage_from_facts, tally_links

from psw_journal.core.coverage import (
    CoverageWindow,
    TargetTally,
    build_coverage,
    subtract_months,
)
from psw_journal.core.framework import (
    PRINCIPLE_IDS,
    Area,
    CodeOfConduct,
    Competence,
    Domain,
    Framework,
    Principle,
)

D = dt.date


def _competence(cid: str, area: str, domain: str) -> Competence:
    return Competence(cid, f"Ability {cid}", None, (), (f"Prompt for {cid}?",), (), area, domain)


def small_framework() -> Framework:
    """Two domains (one empty), three areas, six competences, the eight principles."""
    areas = (
        Area(
            "a1",
            "Area one",
            "",
            "",
            tuple(_competence(c, "a1", "d1") for c in ("c1", "c2", "c3")),
            "d1",
        ),
        Area(
            "a2", "Area two", "", "", tuple(_competence(c, "a2", "d1") for c in ("c4", "c5")), "d1"
        ),
        Area("a3", "Area three", "", "", (_competence("c6", "a3", "d2"),), "d2"),
    )
    return Framework(
        id="test",
        version="1",
        title="Test",
        source_name="s",
        attribution="a",
        domains=(
            Domain("d1", "Domain one", "", areas[:2]),
            Domain("d2", "Domain two", "", areas[2:]),
            Domain("d3", "Empty domain", "", ()),
        ),
        principles=tuple(
            Principle(p, p.title(), f"def {p}", "", (), (f"Principle {p}?",), ())
            for p in PRINCIPLE_IDS
        ),
        lean_toward=(),
        lean_away_from=(),
        code_of_conduct=CodeOfConduct(),
    )


FACTS = [
    ("competence", "c1", 1, D(2026, 1, 5)),
    ("competence", "c1", 2, D(2026, 3, 1)),
    ("competence", "c1", 2, D(2026, 3, 1)),  # the same entry twice counts once
    ("competence", "c2", 3, D(2025, 6, 1)),
    ("competence", "c4", 3, D(2025, 6, 1)),
    ("competence", "c4", 4, D(2026, 2, 10)),
    ("competence", "c4", 5, D(2026, 4, 20)),
    ("principle", "safe", 1, D(2026, 1, 5)),
    ("principle", "safe", 2, D(2026, 3, 1)),
    ("principle", "mutual", 5, D(2026, 4, 20)),
    ("competence", "gone_competence", 6, D(2026, 4, 1)),
    ("principle", "gone_principle", 6, D(2026, 4, 1)),
]


def test_counts_distinct_entries_and_last_dates_for_every_competence() -> None:
    cov = coverage_from_facts(small_framework(), FACTS)
    got = {c.id: (c.count, c.last_date) for c in cov.competences}
    assert got == {
        "c1": (2, D(2026, 3, 1)),
        "c2": (1, D(2025, 6, 1)),
        "c3": (0, None),
        "c4": (3, D(2026, 4, 20)),
        "c5": (0, None),
        "c6": (0, None),
    }
    assert [c.id for c in cov.competences] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert cov.evidenced_count == 3


def test_principles_all_eight_with_counts() -> None:
    cov = coverage_from_facts(small_framework(), FACTS)
    assert [p.id for p in cov.principles] == list(PRINCIPLE_IDS)
    assert cov.principle("safe").count == 2
    assert cov.principle("safe").last_date == D(2026, 3, 1)
    assert cov.principle("mutual").count == 1
    assert cov.principle("inclusive").count == 0


def test_roll_ups_on_areas_and_domains() -> None:
    cov = coverage_from_facts(small_framework(), FACTS)
    a1, a2, a3 = (cov.group(a) for a in ("a1", "a2", "a3"))
    assert (a1.evidenced, a1.well_evidenced, a1.total) == (2, 1, 3)
    assert (a2.evidenced, a2.well_evidenced, a2.total) == (1, 1, 2)
    assert (a3.evidenced, a3.total) == (0, 1)
    d1 = cov.group("d1")
    assert (d1.evidenced, d1.well_evidenced, d1.total) == (3, 2, 5)
    assert d1.describe() == "3 of 5 evidenced"
    assert d1.share_evidenced == pytest.approx(0.6)
    assert d1.share_well_evidenced == pytest.approx(0.4)
    empty = cov.group("d3")
    assert (empty.total, empty.share_evidenced) == (0, 0.0)
    assert empty.describe() == "no competences listed yet"


def test_well_evidenced_threshold_is_configurable() -> None:
    cov = coverage_from_facts(small_framework(), FACTS, well_evidenced_at=3)
    assert cov.group("d1").well_evidenced == 1
    assert cov.well_evidenced_at == 3


def test_unknown_ids_are_listed_apart_never_dropped() -> None:
    cov = coverage_from_facts(small_framework(), FACTS)
    assert [(u.kind, u.target_id, u.count, u.last_date) for u in cov.unknown] == [
        ("competence", "gone_competence", 1, D(2026, 4, 1)),
        ("principle", "gone_principle", 1, D(2026, 4, 1)),
    ]


def test_window_limits_counts_and_last_dates() -> None:
    window = CoverageWindow(D(2026, 1, 1), D(2026, 3, 1))
    cov = coverage_from_facts(small_framework(), FACTS, window)
    assert cov.competence("c1").count == 2
    assert cov.competence("c2").count == 0
    assert cov.competence("c4").count == 1
    assert cov.competence("c4").last_date == D(2026, 2, 10)
    assert cov.principle("mutual").count == 0
    assert cov.unknown == ()
    assert cov.window == window


def test_last_three_months_window() -> None:
    window = CoverageWindow.last_months(3, D(2026, 5, 31))
    assert window == CoverageWindow(D(2026, 2, 28), D(2026, 5, 31))
    assert window.contains(D(2026, 2, 28)) and window.contains(D(2026, 5, 31))
    assert not window.contains(D(2026, 2, 27)) and not window.contains(D(2026, 6, 1))
    assert CoverageWindow.all_time().is_all_time
    assert subtract_months(D(2026, 1, 15), 3) == D(2025, 10, 15)
    assert subtract_months(D(2024, 5, 31), 3) == D(2024, 2, 29)


def test_sql_style_tallies_give_the_same_coverage_as_facts() -> None:
    framework = small_framework()
    tallies = tally_links(FACTS)
    assert TargetTally("competence", "c1", 2, D(2026, 3, 1)) in tallies
    assert build_coverage(framework, tallies) == coverage_from_facts(framework, FACTS)


def test_empty_journal_has_zeros_everywhere() -> None:
    cov = coverage_from_facts(small_framework(), [])
    assert all(c.count == 0 and c.last_date is None for c in cov.competences)
    assert all(p.count == 0 for p in cov.principles)
    assert cov.group("d1").describe() == "0 of 5 evidenced"


def test_shipped_framework_coverage_lists_every_competence() -> None:
    from psw_journal.core.framework import load_framework

    framework = load_framework()
    first = framework.competences[0].id
    cov = coverage_from_facts(framework, [("competence", first, 1, D(2026, 1, 1))])
    assert len(cov.competences) + len(cov.organisational) == len(framework.competences)
    assert cov.competence(first).count == 1
    assert len(cov.principles) == 8


def test_the_employers_competences_are_counted_apart() -> None:
    from psw_journal.core.framework import load_framework

    framework = load_framework()
    employer = framework.domain("organisational_competences")
    assert employer.is_organisational
    (theirs,) = framework.organisational_competences
    own = framework.psw_competences[0].id
    cov = coverage_from_facts(framework, [("competence", theirs.id, 1, D(2026, 1, 1)),
                                          ("competence", own, 2, D(2026, 1, 2))])
    assert [c.id for c in cov.organisational] == [theirs.id]
    assert theirs.id not in {c.id for c in cov.competences}
    assert cov.competence(theirs.id).count == 1
    assert (cov.evidenced_count, cov.total) == (1, len(framework.competences) - 1)
    assert cov.group(employer.id).evidenced == 1
