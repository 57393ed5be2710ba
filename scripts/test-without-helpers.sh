#!/usr/bin/env bash
# The tests that need a helper program (Xvfb, xclip, Chromium, chromedriver,
# pdftotext, groff, mingw-w64 for samla.exe under wine), run as on a fresh
# machine with only a Rust toolchain: those programs out of PATH and CI unset. Each must pass by skipping itself
# and saying why; the skips are printed. Runs in place on the build `cargo
# test` already made, and only those tests, so nothing runs twice.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The tests that ask for a helper: `common::programs::available` is their one door.
needs_helpers=(clipboard_x11:: print_pdf:: browser:: exe_on_wine::
    cli::man_writes_the_manual_page_that_groff_renders)

# A test file that asks for a helper and is not named above would go untested here.
for file in $(grep -l 'available(' tests/integration/*.rs); do
    module="$(basename "$file" .rs)"
    [[ " ${needs_helpers[*]} " == *" $module::"* ]] || {
        echo "$file asks for a helper program: name its tests in $0" >&2
        exit 1
    }
done

# A PATH of links to everything on it but the helpers.
mkdir "$work/bin"
hidden=" Xvfb xclip chromium chromedriver pdftotext pdfinfo groff x86_64-w64-mingw32-gcc "
IFS=: read -r -a folders <<<"$PATH"
for folder in "${folders[@]}"; do
    [ -d "$folder" ] || continue
    for program in "$folder"/*; do
        name="$(basename "$program")"
        [[ "$hidden" == *" $name "* ]] && continue
        [ -e "$work/bin/$name" ] || ln -s "$program" "$work/bin/$name"
    done
done

cd "$here"
output="$work/test.log"
if ! env -u CI PATH="$work/bin" cargo test --test integration -- --show-output \
    "${needs_helpers[@]}" >"$output" 2>&1; then
    tail -n 60 "$output"
    echo "cargo test failed without the helper programs" >&2
    exit 1
fi
ran="$(grep -o '[0-9]* passed' "$output" | tail -1 | cut -d' ' -f1)"
skips="$(grep -c '^skipped: ' "$output" || true)"
grep '^skipped: ' "$output" | sort | uniq -c
if [ "$skips" -eq 0 ] || [ "${ran:-0}" -eq 0 ]; then
    echo "no test said it was skipped, though its programs were hidden" >&2
    exit 1
fi
echo "$ran tests that need helper programs passed without them ($skips skips reported)"
