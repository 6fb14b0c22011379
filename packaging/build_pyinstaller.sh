#!/usr/bin/env bash
# Build the one-folder app into dist/psw-journal/ and check that it starts.
#   packaging/build_pyinstaller.sh            # uses .venv/bin/python if present, else python3
#   PYTHON=/path/to/python packaging/build_pyinstaller.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}"
DIST="${DIST:-dist}"
WORK="${WORK:-build/pyinstaller}"

"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || "$PYTHON" -m pip install -q "pyinstaller>=6.5"
"$PYTHON" packaging/render_icons.py >/dev/null
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/psw-journal.spec
"$DIST/psw-journal/psw-journal" --version
echo "Built $DIST/psw-journal/ (run $DIST/psw-journal/psw-journal to start the app)."
