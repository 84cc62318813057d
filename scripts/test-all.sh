#!/usr/bin/env bash
# The whole test suite, Rust and Python, as one command: the README's test command, and the last
# step of .ci/run.
#
# First the Python package (python/run-tests.sh: builds it into a virtual environment under
# target/ with its test tools from PyPI, then mypy --strict, stubtest and pytest), then the Rust
# workspace, whose test summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash python/run-tests.sh
cargo test --workspace
