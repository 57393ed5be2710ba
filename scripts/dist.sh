#!/usr/bin/env bash
# Builds what facilitators download into dist/:
#   samla-VERSION-x86_64-pc-windows-gnu.zip       samla.exe, quick starts, licences
#   samla_VERSION-1_amd64.deb                      /usr/bin/samla, man page, completions
#   samla-VERSION-x86_64-unknown-linux-musl.tar.gz a static binary for any x86_64 Linux
#   SHA256SUMS
#
# Usage: scripts/dist.sh [--profile NAME] [--no-build]
#   --profile NAME  the Cargo profile to package (release by default; CI
#                   packages the dev build its tests ran on)
#   --no-build      package what is already built for both targets
#
# Needs the Rust targets x86_64-pc-windows-gnu and x86_64-unknown-linux-musl
# (rustup target add), mingw-w64 for the Windows link, python3 for the
# licences, and cargo-deb (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
build=true
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile="$2"; shift 2 ;;
        --no-build) build=false; shift ;;
        *) echo "unknown argument: $1 (see the top of $0)" >&2; exit 2 ;;
    esac
done
# Cargo keeps the dev profile's build in a folder named debug. A build that
# is only checked, not shipped, is compressed fast.
case "$profile" in dev) folder=debug ;; *) folder="$profile" ;; esac
case "$profile" in release) deb_speed=() ;; *) deb_speed=(--fast) ;; esac

linux=x86_64-unknown-linux-musl
windows=x86_64-pc-windows-gnu
version="$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)"
assets=target/dist-assets

if $build; then
    cargo build --locked --profile "$profile" --target "$linux" --bin samla
    cargo build --locked --profile "$profile" --target "$windows" --bin samla
fi
samla="target/$linux/$folder/samla"
samla_exe="target/$windows/$folder/samla.exe"

# What samla writes about itself: the man page and the completions.
rm -rf "$assets" && mkdir -p "$assets/completions"
"$samla" man -o "$assets/samla.1" >/dev/null
"$samla" completions bash >"$assets/completions/samla.bash"
"$samla" completions zsh >"$assets/completions/_samla"
"$samla" completions fish >"$assets/completions/samla.fish"
python3 scripts/licences.py "$linux" >"$assets/THIRD-PARTY-LICENSES.txt"

rm -rf dist && mkdir -p dist/stage

# Windows: the quick starts with Windows' line ends, for Notepad.
zip_name="samla-$version-$windows"
stage="dist/stage/$zip_name"
mkdir -p "$stage"
cp "$samla_exe" LICENSE-MIT LICENSE-APACHE "$stage/"
python3 scripts/licences.py "$windows" >"$stage/THIRD-PARTY-LICENSES.txt"
for text in assets/windows/*.txt; do
    sed 's/$/\r/' "$text" >"$stage/$(basename "$text")"
done
(cd dist/stage && python3 -m zipfile -c "../$zip_name.zip" "$zip_name")

# Linux: one static binary, beside its man page and completions.
tar_name="samla-$version-$linux"
stage="dist/stage/$tar_name"
mkdir -p "$stage"
cp "$samla" "$stage/"
cp -r "$assets/samla.1" "$assets/completions" "$assets/THIRD-PARTY-LICENSES.txt" "$stage/"
cp LICENSE-MIT LICENSE-APACHE README.md "$stage/"
tar -C dist/stage -czf "dist/$tar_name.tar.gz" "$tar_name"

# Debian: the same static binary, packaged as Cargo.toml describes.
command -v cargo-deb >/dev/null \
    || cargo install --locked cargo-deb --version 3.8.0 --no-default-features
cargo deb --no-build --target "$linux" --profile "$profile" "${deb_speed[@]}" \
    --output "dist/samla_${version}-1_amd64.deb"

rm -rf dist/stage
(cd dist && sha256sum -- *.zip *.deb *.tar.gz >SHA256SUMS)
ls -l dist
