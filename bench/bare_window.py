"""The floor of the start-up benchmark: a bare PySide6 QMainWindow, shown, in its event loop."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("Bench bare window")
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
