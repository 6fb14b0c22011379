"""Gap prompts: exact order, thin/stale thresholds, self-checks, dismiss/snooze, drafts."""

from __future__ import annotations

import dataclasses
import datetime as dt

from coverage_facts import coverage_from_facts

from psw_journal.core.entry import Link, LinkKind
from psw_journal.core.framework import (
    PRINCIPLE_IDS,
    Area,
    CodeOfConduct,
    Competence,
    Domain,
    Framework,
    Principle,
)
from psw_journal.core.prompts import (
    GapPrompt,
    GapReason,
    PromptKind,
    PromptSettings,
    dismiss_prompt,
    draft_for_prompt,
    duty_question,
    gap_prompts,
    lean_away_question,
    prune_prompt_state,
    restore_prompts,
    rotate,
    self_check_prompts,
    snooze_prompt,
)

D = dt.date
TODAY = D(2026, 6, 30)


def framework(lean_away: tuple[str, ...] = (), duties: tuple[str, ...] = ()) -> Framework:
    """Five competences in one area (c3 without prompts), and the eight principles."""
    comps = tuple(
        Competence(
            c,
            f"Ability to {c}",
            None,
            (),
            () if c == "c3" else (f"{c} first?", f"{c} second?"),
            (),
            "a1",
            "d1",
        )
        for c in ("c1", "c2", "c3", "c4", "c5")
    )
    return Framework(
        id="t",
        version="1",
        title="T",
        source_name="s",
        attribution="a",
        domains=(Domain("d1", "D", "", (Area("a1", "A", "", "", comps, "d1"),)),),
        principles=tuple(
            Principle(p, p.title(), f"def {p}", "", (), (f"{p}?",), ()) for p in PRINCIPLE_IDS
        ),
        lean_toward=(),
        lean_away_from=lean_away,
        code_of_conduct=CodeOfConduct(duties=duties),
    )


def every_principle_well() -> list[tuple[str, str, int, dt.date]]:
    day = D(2026, 6, 1)
    return [("principle", p, n, day) for p in PRINCIPLE_IDS for n in (100, 101)]


FACTS = [
    # c1: well evidenced and recent -> no prompt
    ("competence", "c1", 1, D(2026, 6, 1)),
    ("competence", "c1", 2, D(2026, 6, 2)),
    # c2: once -> thin
    ("competence", "c2", 3, D(2026, 5, 1)),
    # c3, c5: never
    # c4: twice but last 2026-03-01, 121 days before TODAY -> stale
    ("competence", "c4", 4, D(2026, 1, 1)),
    ("competence", "c4", 5, D(2026, 3, 1)),
]


def order(prompts: list[GapPrompt]) -> list[tuple[str, str, str]]:
    return [(str(p.kind), p.target_id, str(p.reason)) for p in prompts]


def test_order_never_then_thin_then_stale_then_principles() -> None:
    facts = FACTS + [f for f in every_principle_well() if f[1] not in ("safe", "mutual")]
    facts += [("principle", "mutual", 9, D(2026, 6, 1))]
    facts += [("principle", "safe", 9, D(2025, 1, 1)), ("principle", "safe", 10, D(2025, 2, 1))]
    fw = framework()
    prompts = gap_prompts(fw, coverage_from_facts(fw, facts), TODAY)
    assert order(prompts) == [
        ("competence", "c3", "never"),
        ("competence", "c5", "never"),
        ("competence", "c2", "thin"),
        ("competence", "c4", "stale"),
        ("principle", "mutual", "thin"),
        ("principle", "safe", "stale"),
    ]
    assert prompts[2].count == 1 and prompts[3].last_date == D(2026, 3, 1)


def test_principles_never_come_in_framework_order_after_competences() -> None:
    fw = framework()
    prompts = gap_prompts(
        fw, coverage_from_facts(fw, FACTS), TODAY, settings=PromptSettings(self_check_every=100)
    )
    assert [p.target_id for p in prompts if p.kind is PromptKind.PRINCIPLE] == list(PRINCIPLE_IDS)
    assert all(p.reason is GapReason.NEVER for p in prompts if p.kind is PromptKind.PRINCIPLE)


def test_thin_and_stale_thresholds() -> None:
    fw = framework()
    cov = coverage_from_facts(fw, FACTS + every_principle_well())
    strict = gap_prompts(fw, cov, TODAY, settings=PromptSettings(well_evidenced_at=3))
    assert ("competence", "c1", "thin") in order(strict)
    assert ("competence", "c4", "thin") in order(strict)
    # exactly 90 days old is not yet stale; 91 days is
    fresh = gap_prompts(fw, cov, D(2026, 3, 1) + dt.timedelta(days=90))
    assert ("competence", "c4", "stale") not in order(fresh)
    stale = gap_prompts(fw, cov, D(2026, 3, 1) + dt.timedelta(days=91))
    assert ("competence", "c4", "stale") in order(stale)
    lenient = gap_prompts(fw, cov, TODAY, settings=PromptSettings(stale_after_days=200))
    assert ("competence", "c4", "stale") not in order(lenient)


def test_stale_ones_come_oldest_first() -> None:
    fw = framework()
    facts = [
        ("competence", c, n, day)
        for c, day in (("c1", D(2025, 5, 1)), ("c2", D(2025, 1, 1)))
        for n in (1, 2)
    ]
    prompts = gap_prompts(fw, coverage_from_facts(fw, facts), TODAY)
    assert [p.target_id for p in prompts if p.reason is GapReason.STALE] == ["c2", "c1"]


def test_prompt_text_comes_from_the_framework_and_rotates_weekly() -> None:
    fw = framework()
    cov = coverage_from_facts(fw, FACTS)
    texts = {p.target_id: p.prompt for p in gap_prompts(fw, cov, TODAY)}
    assert texts["c5"] in ("c5 first?", "c5 second?")
    assert texts["safe"] == "safe?"
    assert texts["c3"] == "When have you shown this in your work: ability to c3?"
    same_week = {p.target_id: p.prompt for p in gap_prompts(fw, cov, TODAY)}
    assert same_week == texts
    week_later = {p.target_id: p.prompt for p in gap_prompts(fw, cov, TODAY + dt.timedelta(7))}
    assert week_later["c5"] != texts["c5"]
    assert rotate(("only",), TODAY, "x") == "only"


def test_one_self_check_after_every_five_gap_prompts() -> None:
    fw = framework(
        lean_away=(
            "Trying to fix people or jumping in with solutions",
            "Making assumptions about a person's needs",
        ),
        duties=("Should keep accurate records;",),
    )
    prompts = gap_prompts(fw, coverage_from_facts(fw, FACTS), TODAY)
    kinds = [p.kind for p in prompts]
    # 4 competence gaps + 8 principles = 12 gaps -> self-checks at positions 5 and 11, one at end
    assert [i for i, k in enumerate(kinds) if k is PromptKind.SELF_CHECK] == [5, 11, 14]
    checks = [p for p in prompts if p.kind is PromptKind.SELF_CHECK]
    assert len({p.target_id for p in checks}) == 3
    assert all(p.reason is GapReason.SELF_CHECK for p in checks)


def test_self_check_start_moves_with_the_date() -> None:
    fw = framework(
        lean_away=("Trying to fix people", "Delivering therapies"),
        duties=("Should keep accurate records;",),
    )
    starts = {self_check_prompts(fw, TODAY + dt.timedelta(weeks=w))[0].target_id for w in range(3)}
    assert starts == {"lean_away:0", "lean_away:1", "duty:0"}
    assert self_check_prompts(framework(), TODAY) == []


def test_self_check_questions_are_gentle_questions() -> None:
    assert lean_away_question(
        "Trying to fix people or jumping in with solutions before exploring what people think"
    ) == (
        "Did I jump in with a solution before exploring what the person thought they could do "
        "for themselves?"
    )
    assert lean_away_question("Something new.").endswith("What was going on?")
    assert duty_question("Should keep accurate records;") == (
        "From the code of conduct: \u201cShould keep accurate records.\u201d How have I been "
        "doing with this lately?"
    )


def test_shipped_framework_lean_away_items_all_have_hand_written_questions() -> None:
    from psw_journal.core.framework import load_framework

    for item in load_framework().lean_away_from:
        assert lean_away_question(item).startswith(("Did ", "Was ")), item


def test_dismiss_hides_a_prompt_for_good() -> None:
    fw = framework()
    cov = coverage_from_facts(fw, FACTS)
    state = dismiss_prompt({}, "competence:c3")
    assert state == {"dismissed": ["competence:c3"], "snoozed": {}}
    assert "c3" not in [p.target_id for p in gap_prompts(fw, cov, TODAY, state)]
    assert "c3" not in [p.target_id for p in gap_prompts(fw, cov, D(2030, 1, 1), state)]
    assert dismiss_prompt(state, "competence:c3") == state
    assert "c3" in [p.target_id for p in gap_prompts(fw, cov, TODAY, restore_prompts(state))]


def test_snooze_hides_until_the_date_inclusive() -> None:
    fw = framework()
    cov = coverage_from_facts(fw, FACTS)
    original: dict[str, object] = {"other": 1}
    state = snooze_prompt(original, "principle:safe", D(2026, 7, 7))
    assert original == {"other": 1}
    assert state["snoozed"] == {"principle:safe": "2026-07-07"} and state["other"] == 1

    def ids(day: dt.date) -> list[str]:
        return [p.target_id for p in gap_prompts(fw, cov, day, state)]

    assert "safe" not in ids(D(2026, 7, 7))
    assert "safe" in ids(D(2026, 7, 8))
    assert prune_prompt_state(state, D(2026, 7, 8))["snoozed"] == {}
    assert prune_prompt_state(state, D(2026, 7, 7))["snoozed"] == {"principle:safe": "2026-07-07"}


def test_malformed_state_is_tolerated() -> None:
    fw = framework()
    cov = coverage_from_facts(fw, FACTS)
    bad = {"dismissed": "nope", "snoozed": {"competence:c3": "not a date"}}
    assert len(gap_prompts(fw, cov, TODAY, bad)) == len(gap_prompts(fw, cov, TODAY))
    assert dismiss_prompt(bad, "competence:c5") == {
        "dismissed": ["competence:c5"],
        "snoozed": {"competence:c3": "not a date"},
    }


def test_draft_for_a_competence_prompt_is_linked_and_opens_with_the_prompt() -> None:
    prompt = GapPrompt(PromptKind.COMPETENCE, "c3", GapReason.NEVER, "What did you\nnotice?")
    draft = draft_for_prompt(prompt, TODAY)
    assert draft.links == (Link(LinkKind.COMPETENCE, "c3"),)
    assert draft.body == "## What did you notice?\n\n"
    assert draft.occurred_on == TODAY
    assert draft.validated() == draft


def test_draft_for_principle_and_self_check_prompts() -> None:
    principle = GapPrompt(PromptKind.PRINCIPLE, "safe", GapReason.THIN, "Safe?")
    assert draft_for_prompt(principle, TODAY).links == (Link(LinkKind.PRINCIPLE, "safe"),)
    check = dataclasses.replace(
        principle, kind=PromptKind.SELF_CHECK, target_id="duty:0", reason=GapReason.SELF_CHECK
    )
    assert draft_for_prompt(check, TODAY).links == ()


def test_no_gap_prompt_asks_the_worker_about_the_employers_competences() -> None:
    from psw_journal.core.framework import load_framework

    framework = load_framework()
    prompts = gap_prompts(framework, coverage_from_facts(framework, []), TODAY,
                          settings=PromptSettings(self_check_every=1000))
    asked = {p.target_id for p in prompts if p.kind == "competence"}
    assert asked == {c.id for c in framework.psw_competences}
    assert not asked & {c.id for c in framework.organisational_competences}
