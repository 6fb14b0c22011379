"""Reflective writing templates: the reflective models a new entry can start from.

Each template is a list of sections; a section becomes a ``## Heading`` followed by one line of
italic guidance written in plain, warm UK English. The link suggester knows these lines, so a
heading or guidance the user left as it was is never taken as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of a template with a line of guidance under it."""

    heading: str
    guidance: str


@dataclass(frozen=True, slots=True)
class Template:
    """A reflective model the user can start an entry from."""

    id: str
    name: str
    summary: str
    sections: tuple[Section, ...] = ()

    def body(self) -> str:
        """Return the Markdown the template starts an entry with."""
        parts = [f"## {s.heading}\n\n*{s.guidance}*\n\n" for s in self.sections]
        return "".join(parts)


TEMPLATES: tuple[Template, ...] = (
    Template("free", "Free writing", "A blank page: write whatever is on your mind."),
    Template(
        "gibbs", "Gibbs' reflective cycle", "Six steps from what happened to what you'll do next.",
        (
            Section("Description", "What happened? Keep it simple: who, where, when."),
            Section("Feelings", "What were you thinking and feeling at the time, and now?"),
            Section("Evaluation", "What went well, and what was harder than you hoped?"),
            Section("Analysis", "Why do you think it went the way it did?"),
            Section("Conclusion", "What else could you have done? What have you learned?"),
            Section("Action plan", "If it happened again, what would you do? What will you try?"),
        ),
    ),
    Template(
        "driscoll", "Driscoll (What? So what? Now what?)", "Three gentle questions.",
        (
            Section("What?", "Describe what happened, as if telling a trusted colleague."),
            Section("So what?", "What did it mean to you, and to the person you supported?"),
            Section("Now what?", "What will you take forward, or do differently next time?"),
        ),
    ),
    Template(
        "kolb", "Kolb's learning cycle", "From an experience to something new to try.",
        (
            Section("Concrete experience", "What did you do, see or hear?"),
            Section("Reflective observation", "Looking back, what do you notice now?"),
            Section("Abstract conceptualisation",
                    "What sense do you make of it? Does anything you've learned help explain it?"),
            Section("Active experimentation", "What would you like to try next time?"),
        ),
    ),
    Template(
        "johns", "Johns' model for structured reflection", "A closer look at one experience.",
        (
            Section("Description", "Write down the experience and what feels most important."),
            Section("Reflection", "What were you trying to do, and how did it feel?"),
            Section("Influencing factors",
                    "What affected how you acted: inside you, around you, or your knowledge?"),
            Section("Alternative strategies",
                    "What else could you have done, and what might have followed?"),
            Section("Learning", "How do you feel about it now, and what has it taught you?"),
        ),
    ),
    Template(
        "rolfe", "Rolfe et al. (What? So what? Now what?)",
        "Rolfe, Freshwater and Jasper's (2001) framework for reflexive practice.",
        (
            Section("What?", "What happened, what was your part in it, and what was the result?"),
            Section("So what?", "What does this tell you about you, the person, and the "
                    "relationship? What were you thinking and feeling?"),
            Section("Now what?", "What do you need to do to make things better, or to look "
                    "after yourself? What might happen if you do?"),
        ),
    ),
    Template(
        "supervision", "Supervision (co-reflection) preparation",
        "Notes to bring to your next supervision.",
        (
            Section("What I want to bring", "The one or two things you most want to talk about."),
            Section("What went well", "Moments you're glad about, however small."),
            Section("What I found hard", "It's fine to be honest here: this is for you."),
            Section("Questions for my supervisor",
                    "Anything you're unsure about or would like a view on."),
            Section("Support I need", "What would help you feel supported right now?"),
        ),
    ),
)


def template_by_id(template_id: str) -> Template:
    """Return the template with this id, or free writing when it is unknown."""
    return next((t for t in TEMPLATES if t.id == template_id), TEMPLATES[0])
