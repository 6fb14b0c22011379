"""Suggest which competences and principles a journal entry evidences, and say why.

Stdlib only; build one ``Suggester`` per loaded framework and reuse it. The parts:
``text`` (an entry's words, clauses and whom they are about), ``scaffolding`` (the app's
own wording in an entry, never evidence), ``targets`` (competences and principles as
weighted pieces), ``ranking`` (the ``Suggester``) and ``feedback`` (what the user linked or
dismissed before).
"""

from __future__ import annotations

from psw_journal.core.suggest.feedback import Feedback, FeedbackItem, feedback_terms
from psw_journal.core.suggest.ranking import Suggester, Suggestion, Suggestions
from psw_journal.core.suggest.scaffolding import Scaffolding
from psw_journal.core.suggest.targets import Kind

__all__ = [
    "Feedback",
    "FeedbackItem",
    "Kind",
    "Scaffolding",
    "Suggester",
    "Suggestion",
    "Suggestions",
    "feedback_terms",
]
