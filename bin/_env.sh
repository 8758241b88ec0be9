# Shared by bin/demo and bin/test: a virtual environment inside the project, kept in step
# with requirements/*.txt (reinstalled only when those files change).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi

ensure_venv() {  # ensure_venv base|production|test
    local wanted="requirements/$1.txt"
    if [ ! -x .venv/bin/python ]; then
        "$PYTHON" -m venv .venv
        .venv/bin/python -m pip install --quiet --upgrade pip
    fi
    local stamp=".venv/.installed-$1"
    local digest
    digest="$(cat requirements/*.txt | sha256sum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
        echo "Installing $wanted into .venv ..."
        .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$wanted"
        echo "$digest" > "$stamp"
    fi
}

answers() {  # answers HOST PORT: true when something listens there
    .venv/bin/python - "$1" "$2" <<'PY'
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1).close()
except OSError:
    sys.exit(1)
PY
}

ensure_gettext() {  # GNU gettext extracts the strings to translate (bin/translations, the suite)
    if ! command -v xgettext >/dev/null 2>&1 || ! command -v msgmerge >/dev/null 2>&1; then
        echo "Installing Debian's gettext for the translation checks ..."
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq && $SUDO apt-get install -y -qq gettext >/dev/null
    fi
}
