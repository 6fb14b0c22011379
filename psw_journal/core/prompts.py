"""Gap prompts: gentle suggestions of what to reflect on next, from a journal's coverage.

Order: competences never evidenced, then thinly evidenced (fewer entries than the
"well evidenced" threshold), then stale ones (nothing for more than ``stale_after_days``),
then principles in the same three groups. Within a group the framework's order is kept
(stale ones oldest first). One self-check question, drawn from the framework's "lean away
from" list and the code of conduct, follows every ``self_check_every`` gap prompts (or ends
a shorter list). Prompt texts rotate weekly so the suggestions vary but stay put for a week.

Dismissing and snoozing are recorded in a plain JSON-able dict that the journal stores
(setting ``prompt_state``); the functions here take it and return a new one.
"""

from __future__ import annotations

import datetime as dt
import enum
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from psw_journal.core.coverage import WELL_EVIDENCED_DEFAULT, Coverage
from psw_journal.core.entry import EntryDraft, Link, LinkKind
from psw_journal.core.framework import Competence, Framework, Principle

#: Evidence older than this many days (before the reference date) is "stale".
STALE_AFTER_DAYS = 90
#: One self-check question follows this many gap prompts.
SELF_CHECK_EVERY = 5
#: The setting under which a journal keeps its prompt state.
PROMPT_STATE_SETTING = "prompt_state"

# Hand-written gentle questions for the framework's "lean away from" items, matched by the
# start of the item's text so that small wording changes in the framework do not break them.
_LEAN_AWAY_QUESTIONS: tuple[tuple[str, str], ...] = (
    ("trying to fix people",
     "Did I jump in with a solution before exploring what the person thought they could do "
     "for themselves?"),
    ("delivering therapies",
     "Did I slip into offering therapy or treatment, rather than peer support from my own "
     "experience?"),
    ("assessing or evaluating",
     "Did I find myself assessing or judging someone, rather than walking alongside them?"),
    ("undertaking the routine duties",
     "Did I take on routine tasks for the team? Did that strengthen the peer relationship, or "
     "shift the balance of power?"),
    ("making assumptions",
     "Did I assume I knew what someone was going through because it sounded like my own "
     "story?"),
    ("sharing anything you don",
     "Did I share something about myself that I wasn't comfortable sharing? How am I with "
     "that now?"),
    ("creating further separation",
     "Did anything I did widen the gap between services and the people who use them?"),
    ("giving out medications",
     "Was I asked to help with medication? How did that sit with the balance of power between "
     "us?"),
)


class PromptKind(enum.StrEnum):
    """What a prompt invites reflection on."""

    COMPETENCE = "competence"
    PRINCIPLE = "principle"
    SELF_CHECK = "self_check"


class GapReason(enum.StrEnum):
    """Why a prompt is suggested."""

    NEVER = "never"
    THIN = "thin"
    STALE = "stale"
    SELF_CHECK = "self_check"


@dataclass(frozen=True, slots=True)
class GapPrompt:
    """One suggestion: what to write about, why, and a question to start from."""

    kind: PromptKind
    target_id: str
    reason: GapReason
    prompt: str
    label: str = ""
    count: int = 0
    last_date: dt.date | None = None

    @property
    def key(self) -> str:
        """Return the key under which the prompt is dismissed or snoozed."""
        return prompt_key(self.kind, self.target_id)


@dataclass(frozen=True, slots=True)
class PromptSettings:
    """Thresholds for choosing gap prompts."""

    well_evidenced_at: int = WELL_EVIDENCED_DEFAULT
    stale_after_days: int = STALE_AFTER_DAYS
    self_check_every: int = SELF_CHECK_EVERY


def gap_prompts(
    framework: Framework,
    coverage: Coverage,
    today: dt.date,
    state: Mapping[str, Any] | None = None,
    settings: PromptSettings = PromptSettings(),
) -> list[GapPrompt]:
    """Return the gap prompts in order, leaving out dismissed and snoozed ones.

    Args:
        framework: The framework the coverage was computed for (for prompt texts).
        coverage: The journal's coverage, normally over all time.
        today: The reference date for staleness, snoozes and prompt rotation.
        state: The journal's prompt state (see ``dismiss_prompt``); None for none.
        settings: Thresholds; the defaults suit most people.

    Returns:
        Gap prompts with self-check questions interleaved.
    """
    gaps = [p for p in _gaps(framework, coverage, today, settings) if is_visible(state, p, today)]
    checks = [p for p in self_check_prompts(framework, today) if is_visible(state, p, today)]
    return _interleave(gaps, checks, max(1, settings.self_check_every))


def _gaps(
    framework: Framework, coverage: Coverage, today: dt.date, settings: PromptSettings
) -> list[GapPrompt]:
    stale_before = today - dt.timedelta(days=settings.stale_after_days)
    groups: list[GapPrompt] = []
    competence_rows = [
        (PromptKind.COMPETENCE, c.id, c.count, c.last_date) for c in coverage.competences
    ]
    principle_rows = [
        (PromptKind.PRINCIPLE, p.id, p.count, p.last_date) for p in coverage.principles
    ]
    for rows in (competence_rows, principle_rows):
        buckets: dict[GapReason, list[GapPrompt]] = {r: [] for r in GapReason}
        for kind, target_id, count, last in rows:
            reason = _reason(count, last, settings.well_evidenced_at, stale_before)
            if reason is not None:
                label, text = _wording(framework, kind, target_id, today)
                buckets[reason].append(
                    GapPrompt(kind, target_id, reason, text, label, count, last))
        buckets[GapReason.STALE].sort(key=lambda p: p.last_date or dt.date.min)
        groups += buckets[GapReason.NEVER] + buckets[GapReason.THIN] + buckets[GapReason.STALE]
    return groups


def _reason(
    count: int, last: dt.date | None, well_at: int, stale_before: dt.date
) -> GapReason | None:
    if count == 0:
        return GapReason.NEVER
    if count < well_at:
        return GapReason.THIN
    if last is not None and last < stale_before:
        return GapReason.STALE
    return None


def _wording(
    framework: Framework, kind: PromptKind, target_id: str, today: dt.date
) -> tuple[str, str]:
    """Return a target's label and today's prompt text for it."""
    if kind is PromptKind.COMPETENCE:
        competence = framework.competence(target_id)
        label = competence.heading or competence.statement
        texts = competence.prompts or (_competence_fallback(competence),)
    else:
        principle = framework.principle(target_id)
        label = principle.name
        texts = principle.prompts or (_principle_fallback(principle),)
    return label, rotate(texts, today, target_id)


def _competence_fallback(competence: Competence) -> str:
    return f"When have you shown this in your work: {_lower_first(competence.statement)}?"


def _principle_fallback(principle: Principle) -> str:
    return f"When did your work feel {principle.name.lower()}: {principle.definition}?"


def every_prompt_text(framework: Framework) -> list[str]:
    """Return every text a gap or self-check prompt can show for a framework.

    "Write about this" starts an entry with one of these as its heading; the link
    suggester uses the list to tell the prompt apart from what the user wrote.
    """
    texts: list[str] = []
    for competence in framework.competences:
        texts += competence.prompts or (_competence_fallback(competence),)
    for principle in framework.principles:
        texts += principle.prompts or (_principle_fallback(principle),)
    texts += [lean_away_question(item) for item in framework.lean_away_from]
    texts += [duty_question(duty) for duty in framework.code_of_conduct.duties]
    return texts


def rotate(texts: Sequence[str], today: dt.date, salt: str = "") -> str:
    """Pick one text, changing weekly and differing between targets, deterministically.

    Args:
        texts: The candidates (at least one).
        today: The date that chooses the week.
        salt: Spreads the choice across targets (usually the target id).
    """
    week = today.toordinal() // 7
    return texts[(week + zlib.crc32(salt.encode("utf-8"))) % len(texts)]


def self_check_prompts(framework: Framework, today: dt.date) -> list[GapPrompt]:
    """Return every self-check question, in an order that starts at a point set by the date.

    The pool is the "lean away from" items (as hand-written questions) followed by the code
    of conduct duties; the starting point moves on each week.
    """
    pool = [
        GapPrompt(PromptKind.SELF_CHECK, f"lean_away:{i}", GapReason.SELF_CHECK,
                  lean_away_question(item), item)
        for i, item in enumerate(framework.lean_away_from)
    ] + [
        GapPrompt(PromptKind.SELF_CHECK, f"duty:{i}", GapReason.SELF_CHECK,
                  duty_question(duty), duty)
        for i, duty in enumerate(framework.code_of_conduct.duties)
    ]
    if not pool:
        return []
    start = (today.toordinal() // 7) % len(pool)
    return pool[start:] + pool[:start]


def lean_away_question(item: str) -> str:
    """Turn a "lean away from" item into a gentle question about one's own practice."""
    folded = item.casefold().replace("\u2019", "'")
    for start, question in _LEAN_AWAY_QUESTIONS:
        if folded.startswith(start.replace("\u2019", "'")):
            return question
    quoted = item.rstrip(". ")
    return f"Have I drifted towards this lately: \u201c{quoted}\u201d? What was going on?"


def duty_question(duty: str) -> str:
    """Turn a code of conduct duty into a gentle question about one's own practice."""
    text = duty.strip().rstrip(";.").strip()
    return f"From the code of conduct: \u201c{text}.\u201d How have I been doing with this lately?"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _interleave(gaps: list[GapPrompt], checks: list[GapPrompt], every: int) -> list[GapPrompt]:
    """Put one self-check after every ``every`` gaps, and one at the end of a short run."""
    result: list[GapPrompt] = []
    pending = iter(checks)
    for index, prompt in enumerate(gaps, start=1):
        result.append(prompt)
        if index % every == 0:
            result.extend(_take_one(pending))
    if len(gaps) % every:
        result.extend(_take_one(pending))
    return result


def _take_one(pending: Any) -> list[GapPrompt]:
    nxt: GapPrompt | None = next(pending, None)
    return [] if nxt is None else [nxt]


# ------------------------------------------------------------------- dismiss and snooze


def prompt_key(kind: str, target_id: str) -> str:
    """Return the state key of a prompt ("competence:crs_build_trust_rapport")."""
    return f"{kind}:{target_id}"


def dismiss_prompt(state: Mapping[str, Any] | None, key: str) -> dict[str, Any]:
    """Return a new state in which the prompt with this key is never suggested again."""
    new = _copy_state(state)
    if key not in new["dismissed"]:
        new["dismissed"].append(key)
    new["snoozed"].pop(key, None)
    return new


def snooze_prompt(state: Mapping[str, Any] | None, key: str, until: dt.date) -> dict[str, Any]:
    """Return a new state in which the prompt is hidden up to and including ``until``."""
    new = _copy_state(state)
    new["snoozed"][key] = until.isoformat()
    return new


def restore_prompts(state: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return a state with no dismissed or snoozed prompts (keeping any other keys)."""
    new = _copy_state(state)
    new["dismissed"], new["snoozed"] = [], {}
    return new


def prune_prompt_state(state: Mapping[str, Any] | None, today: dt.date) -> dict[str, Any]:
    """Return the state without snoozes that have run out by ``today``."""
    new = _copy_state(state)
    kept: dict[str, Any] = {}
    for key, value in new["snoozed"].items():
        until = _snoozed_until(value)
        if until is not None and until >= today:
            kept[key] = value
    new["snoozed"] = kept
    return new


def is_visible(state: Mapping[str, Any] | None, prompt: GapPrompt, today: dt.date) -> bool:
    """Tell whether a prompt is neither dismissed nor snoozed on ``today``."""
    if not state:
        return True
    key = prompt.key
    if key in (state.get("dismissed") or ()):
        return False
    snoozed = state.get("snoozed") or {}
    until = _snoozed_until(snoozed.get(key)) if isinstance(snoozed, Mapping) else None
    return until is None or today > until


def _snoozed_until(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _copy_state(state: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return a deep enough copy, repairing missing or malformed parts."""
    new: dict[str, Any] = dict(state or {})
    dismissed = new.get("dismissed")
    snoozed = new.get("snoozed")
    new["dismissed"] = [k for k in dismissed if isinstance(k, str)] if isinstance(
        dismissed, list) else []
    new["snoozed"] = dict(snoozed) if isinstance(snoozed, Mapping) else {}
    return new


# ---------------------------------------------------------------------------- drafts


def draft_for_prompt(prompt: GapPrompt, today: dt.date | None = None) -> EntryDraft:
    """Return a new entry draft that answers a prompt.

    The draft is linked to the prompt's competence or principle (self-check prompts link
    nothing) and its body opens with the prompt as a heading.

    Args:
        prompt: The prompt being written about.
        today: The entry's date; today when None.
    """
    links: tuple[Link, ...] = ()
    if prompt.kind is PromptKind.COMPETENCE:
        links = (Link(LinkKind.COMPETENCE, prompt.target_id),)
    elif prompt.kind is PromptKind.PRINCIPLE:
        links = (Link(LinkKind.PRINCIPLE, prompt.target_id),)
    heading = " ".join(prompt.prompt.split())
    return EntryDraft(
        title="",
        body=f"## {heading}\n\n",
        occurred_on=today or dt.date.today(),
        links=links,
    )
