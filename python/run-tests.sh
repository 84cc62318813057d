#!/usr/bin/env bash
# The Python package's checks, from a checkout: a virtual environment under target/ with the
# package built from this tree (maturin, release) and the test tools from PyPI, then
# `mypy --strict` on the package, the tests and the FastAPI example, stubtest on the extension's
# stub, then pytest (its summary line closes the output).
#
#   python/run-tests.sh [PYTEST ARGS...]
#
# PYTHON picks the interpreter (default python3, 3.9 or newer); the extension is compiled into
# target/python unless CARGO_TARGET_DIR says otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
venv=$root/target/python-venv
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target/python}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

if ! "$venv/bin/python" -c '' 2>/dev/null; then
    rm -rf "$venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi
export PATH="$venv/bin:$PATH" # maturin's build backend runs the venv's maturin
"$venv/bin/python" -m pip install --quiet -r python/requirements-dev.txt
# The package as `pip install ./python` builds it, with the pinned maturin of the venv.
"$venv/bin/python" -m pip install --quiet --no-build-isolation --force-reinstall --no-deps ./python

cd python
"$venv/bin/python" -m mypy --strict pysrc tests examples
# The stub says what the extension really has (names, signatures, positional/keyword arguments).
"$venv/bin/python" -m mypy.stubtest kyc_rules
"$venv/bin/pytest" -q -p no:cacheprovider "$@"
