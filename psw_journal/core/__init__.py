"""Pure domain core: framework, entries, coverage, prompts. No Qt, no database."""
