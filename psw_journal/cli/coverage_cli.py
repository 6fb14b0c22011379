"""The ``coverage`` and ``prompts`` subcommands: what the journal evidences, and what next."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any, TextIO

from psw_journal.core.coverage import Coverage, CoverageWindow, build_coverage
from psw_journal.core.framework import Domain, Framework, load_framework
from psw_journal.core.prompts import PROMPT_STATE_SETTING, GapPrompt, GapReason, gap_prompts

_REASON_WORDS = {
    GapReason.NEVER: "not yet written about",
    GapReason.THIN: "only a little so far",
    GapReason.STALE: "nothing recent",
    GapReason.SELF_CHECK: "self-check",
}


def cmd_coverage(args: argparse.Namespace, out: TextIO) -> int:
    """Print which competences and principles the journal evidences."""
    from psw_journal.cli.commands import open_store_while

    store, framework = open_store_while(args, load_framework, write=False)
    window = CoverageWindow(args.date_from, args.date_to)
    with store:
        tallies = store.link_tallies(window.date_from, window.date_to)
    coverage = build_coverage(framework, tallies, window)
    if args.json:
        json.dump(coverage_json(coverage), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_coverage(framework, coverage, out)
    return 0


def cmd_prompts(args: argparse.Namespace, out: TextIO) -> int:
    """Print suggestions of what to reflect on next."""
    from psw_journal.cli.commands import open_store_while

    store, framework = open_store_while(args, load_framework, write=False)
    today = dt.date.today()
    with store:
        tallies = store.link_tallies()
        state = store.setting(PROMPT_STATE_SETTING, {})
    coverage = build_coverage(framework, tallies)
    prompts = gap_prompts(framework, coverage, today, state)[: args.limit]
    if args.json:
        json.dump([prompt_json(p) for p in prompts], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not prompts:
        print("Nothing to suggest: every competence and principle is well evidenced.", file=out)
    for number, prompt in enumerate(prompts, start=1):
        label = f" {_short(prompt.label, 60)}" if prompt.kind != "self_check" else ""
        print(f"{number:>2}. [{prompt.kind} {prompt.target_id}, "
              f"{_REASON_WORDS[prompt.reason]}]{label}", file=out)
        print(f"    {prompt.prompt}", file=out)
    return 0


def coverage_json(coverage: Coverage) -> dict[str, Any]:
    """Return the JSON shape ``coverage --json`` prints."""
    def day(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "window": {"from": day(coverage.window.date_from), "to": day(coverage.window.date_to)},
        "well_evidenced_at": coverage.well_evidenced_at,
        "competences": [
            {"id": c.id, "count": c.count, "last_date": day(c.last_date), "area": c.area_id,
             "domain": c.domain_id}
            for c in coverage.competences
        ],
        "principles": [
            {"id": p.id, "count": p.count, "last_date": day(p.last_date)}
            for p in coverage.principles
        ],
        "organisational_competences": [
            {"id": c.id, "count": c.count, "last_date": day(c.last_date), "area": c.area_id,
             "domain": c.domain_id}
            for c in coverage.organisational
        ],
        "areas": [_group_json(g) for g in coverage.areas],
        "domains": [_group_json(g) for g in coverage.domains],
        "not_in_framework": [
            {"kind": u.kind, "id": u.target_id, "count": u.count, "last_date": day(u.last_date)}
            for u in coverage.unknown
        ],
    }


def prompt_json(prompt: GapPrompt) -> dict[str, Any]:
    """Return the JSON shape of one prompt as ``prompts --json`` prints it."""
    return {
        "target_id": prompt.target_id,
        "kind": str(prompt.kind),
        "reason": str(prompt.reason),
        "prompt": prompt.prompt,
        "label": prompt.label,
        "count": prompt.count,
        "last_date": prompt.last_date.isoformat() if prompt.last_date else None,
    }


def _group_json(group: Any) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "evidenced": group.evidenced,
            "well_evidenced": group.well_evidenced, "total": group.total}


def _print_coverage(framework: Framework, coverage: Coverage, out: TextIO) -> None:
    """Print coverage by domain and area, each competence and principle with its id for ``add``."""
    window = coverage.window
    if not window.is_all_time:
        start = window.date_from.isoformat() if window.date_from else "the start"
        end = window.date_to.isoformat() if window.date_to else "today"
        print(f"Entries from {start} to {end}", file=out)
    print(f"Competences evidenced: {coverage.evidenced_count} of {coverage.total}", file=out)
    print("Link an entry with: psw-journal add --competence ID --principle ID ...\n", file=out)
    width = max(len(c.id) for c in framework.competences)
    own = [d for d in framework.domains if not d.is_organisational]
    employer = [d for d in framework.domains if d.is_organisational]
    _print_domains(own, coverage, width, out)
    print("\nPrinciples", file=out)
    for principle in coverage.principles:
        last = principle.last_date.isoformat() if principle.last_date else "-"
        print(f"  {principle.count:>4}  {last:<10}  {principle.id:<{width}}  {principle.name}",
              file=out)
    if employer:
        print("\nYour employer's competences (not counted in your total)", file=out)
        _print_domains(employer, coverage, width, out)
    if coverage.unknown:
        print("\nNot in this framework", file=out)
        for unknown in coverage.unknown:
            print(f"  {unknown.count:>4}  {unknown.kind} {unknown.target_id}", file=out)


def _print_domains(domains: list[Domain], coverage: Coverage, width: int, out: TextIO) -> None:
    for domain in domains:
        print(f"{domain.name}  ({coverage.group(domain.id).describe()})", file=out)
        for area in domain.areas:
            print(f"  {area.name}  ({coverage.group(area.id).describe()})", file=out)
            for comp in area.competences:
                row = coverage.competence(comp.id)
                last = row.last_date.isoformat() if row.last_date else "-"
                print(f"    {row.count:>4}  {last:<10}  {comp.id:<{width}}  "
                      f"{_short(comp.statement, 60)}", file=out)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
