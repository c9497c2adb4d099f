#!/usr/bin/env bash
# Installs what the project needs, and only what is missing:
#   the system libraries and TeX that manim needs, the house text face (fonts-cmu) and pdffonts
#   (poppler-utils, for the font tests) (Debian/Ubuntu, apt, root or sudo),
#   a virtual environment in .venv, and the project with its dev extra.
# A second run with nothing missing checks a few stamps and returns in well under a second.
#
#   scripts/bootstrap.sh           what rendering needs
#   scripts/bootstrap.sh --decks   also what lecture decks and their tests need: Chromium, Node.js
#                                  and npm from Debian, and reveal.js from npm into .venv/node
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libcairo2-dev libpango1.0-dev pkg-config texlive-latex-base texlive-latex-extra dvisvgm
              fonts-cmu poppler-utils)
REVEALJS_VERSION=6.0.2
DECKS=0
for arg in "$@"; do
    case "$arg" in
        --decks) DECKS=1 ;;
        *) echo "bootstrap: unknown option $arg (known: --decks)" >&2; exit 2 ;;
    esac
done
if [ "$DECKS" -eq 1 ]; then
    APT_PACKAGES+=(chromium)
    command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
fi
VENV=.venv
STAMP="$VENV/.installed"

die() { echo "bootstrap: $*" >&2; exit 1; }

missing_apt=()
if command -v dpkg-query >/dev/null 2>&1; then
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_apt+=("$p")
    done
else
    # Not a Debian-like system: check for the tools themselves instead of packages.
    command -v pkg-config >/dev/null 2>&1 && pkg-config --exists cairo pangocairo 2>/dev/null \
        && command -v latex >/dev/null 2>&1 && command -v dvisvgm >/dev/null 2>&1 \
        || die "this is not a Debian-like system. Install cairo and pango (with headers), pkg-config, \
a LaTeX distribution with the standalone/preview packages and dvisvgm (macOS: 'brew install cairo pango \
pkg-config' and MacTeX or BasicTeX), then run this command again."
fi

if [ ${#missing_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo); else
        die "missing system packages: ${missing_apt[*]}. As root, run: apt-get install --no-install-recommends ${missing_apt[*]}"
    fi
    echo "bootstrap: installing ${missing_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
    command -v "$PY" >/dev/null 2>&1 || die "no $PY found: install Python 3.10 or newer."
    "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || die "Python 3.10 or newer is needed ($PY is older)."
    echo "bootstrap: creating $VENV"
    "$PY" -m venv "$VENV" || die "could not create a virtual environment: install python3-venv (apt-get install python3-venv)."
fi

# Reinstall only when pyproject.toml changed since the last successful install.
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$want" ]; then
    echo "bootstrap: installing the project into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    echo "$want" > "$STAMP"
fi

# reveal.js for the offline HTML decks, from its npm package (kept out of the repository).
if [ "$DECKS" -eq 1 ]; then
    REVEAL=$VENV/node/node_modules/reveal.js
    if [ ! -f "$REVEAL/package.json" ] || ! grep -q "\"version\": \"$REVEALJS_VERSION\"" "$REVEAL/package.json"; then
        command -v npm >/dev/null 2>&1 || die "npm is missing: apt-get install nodejs npm"
        echo "bootstrap: installing reveal.js $REVEALJS_VERSION into $VENV/node"
        npm install --prefix "$VENV/node" --no-audit --no-fund --silent "reveal.js@$REVEALJS_VERSION" \
            || die "npm could not install reveal.js (is the npm registry reachable?)"
    fi
fi
