"""Benchmarks of the journal and the app, on generated journals (``python -m bench``)."""
