"""Widgets the app's windows are built from (editors, panels, delegates, trees)."""
