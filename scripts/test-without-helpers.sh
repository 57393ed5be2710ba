#!/usr/bin/env bash
# `cargo test` as on a fresh machine with only a Rust toolchain: a clone of the
# repository in a temporary folder, with Xvfb, xclip, Chromium, chromedriver,
# pdftotext and groff out of PATH and CI unset. Every test must pass, the ones
# that need those programs skipped with a reason; the skips are printed.
# Reuses this checkout's target folder so nothing is built twice.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

git clone -q "$here" "$work/samla"
# A PATH of links to everything on it but the helpers.
mkdir "$work/bin"
hidden=" Xvfb xclip chromium chromedriver pdftotext pdfinfo groff "
IFS=: read -r -a folders <<<"$PATH"
for folder in "${folders[@]}"; do
    [ -d "$folder" ] || continue
    for program in "$folder"/*; do
        name="$(basename "$program")"
        [[ "$hidden" == *" $name "* ]] && continue
        [ -e "$work/bin/$name" ] || ln -s "$program" "$work/bin/$name"
    done
done

cd "$work/samla"
output="$work/test.log"
if ! env -u CI PATH="$work/bin" CARGO_TARGET_DIR="$here/target" \
    cargo test -- --show-output >"$output" 2>&1; then
    tail -n 60 "$output"
    echo "cargo test failed without the helper programs" >&2
    exit 1
fi
skips="$(grep -c '^skipped: ' "$output" || true)"
grep '^skipped: ' "$output" | sort | uniq -c
if [ "$skips" -eq 0 ]; then
    echo "no test said it was skipped, though its programs were hidden" >&2
    exit 1
fi
echo "cargo test passed without Xvfb, xclip, Chromium, chromedriver, pdftotext and groff ($skips skips reported)"
