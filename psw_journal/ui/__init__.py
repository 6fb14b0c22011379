"""The desktop app (Qt Widgets): the only package that imports PySide6."""
