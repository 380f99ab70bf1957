#!/usr/bin/env bash
# The HTML report in a real browser: checks the report of the shipped claims (`claims/`) in
# headless Chromium, driven over the DevTools Protocol by drive.mjs (plain Node, no packages).
#
# Needs: cargo, Node 20 or later (its WebSocket, behind --experimental-websocket on Node 20),
# and Chromium, installed with apt-get when missing (as root, on Debian).
# Leaves a screenshot of the filtered report, one claim open, in target/browser/report.png.
#
# Usage: bash tests/browser/run.sh    (from anywhere; runs in the crate root)
set -euo pipefail

cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null; then
    echo "chromium is missing: installing it" >&2
    apt-get update && apt-get install -y chromium
fi
if ! command -v node >/dev/null; then
    echo "run.sh: node is missing (Node 20 or later is needed)" >&2
    exit 2
fi

# The debug binary: `cargo test` has just built it in CI, so nothing is compiled twice.
cargo build --quiet --bin attest

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A check that finds conflicting claims exits 1; that is a report, not a failure of this test.
attest() {
    local status=0
    target/debug/attest "$@" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "run.sh: attest $* exited with $status" >&2
        exit 1
    fi
}
attest check claims/ --html "$work/html" >/dev/null
attest check claims/ --format json >"$work/report.json"

mkdir -p target/browser
timeout 180 node --experimental-websocket --no-warnings tests/browser/drive.mjs \
    --report "$work/html/report.html" \
    --expect "$work/report.json" \
    --screenshot target/browser/report.png \
    --profile "$work/profile"
