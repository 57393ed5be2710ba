#!/usr/bin/env bash
# Checks what scripts/dist.sh made, as a user meets it: the checksums hold;
# the .deb installs, its samla runs, its manual page and bash completion are
# found where Debian looks, and it removes cleanly; the tarball's binary has
# no shared libraries; the zip holds samla.exe, its quick starts and licences.
# Needs root for dpkg.
set -euo pipefail
cd "$(dirname "$0")/../dist"

sha256sum --check --quiet SHA256SUMS

deb="$(ls samla_*_amd64.deb)"
dpkg -i "$deb" >/dev/null
trap 'dpkg -r samla >/dev/null 2>&1 || true' EXIT
/usr/bin/samla --version | grep -q '^samla '
man -w samla | grep -q '/usr/share/man/man1/samla.1'
completed="$(bash -c 'source /usr/share/bash-completion/completions/samla
    COMP_WORDS=(samla exp); COMP_CWORD=1
    _samla samla exp samla
    printf "%s\n" "${COMPREPLY[@]}"')"
[ "$completed" = export ] || { echo "bash completed 'samla exp' as: $completed" >&2; exit 1; }
dpkg -r samla >/dev/null
! [ -e /usr/bin/samla ] || { echo "dpkg -r left /usr/bin/samla" >&2; exit 1; }
trap - EXIT

stage="$(mktemp -d)"
tar -xzf samla-*-x86_64-unknown-linux-musl.tar.gz -C "$stage"
static="$(ls "$stage"/samla-*/samla)"
"$static" --version | grep -q '^samla '
ldd "$static" 2>&1 | grep -Eq 'not a dynamic executable|statically linked' \
    || { echo "the tarball's samla links shared libraries:" >&2; ldd "$static" >&2; exit 1; }

listing="$(python3 -m zipfile -l samla-*-x86_64-pc-windows-gnu.zip)"
for file in samla.exe LASMIG.txt README.txt LICENSE-MIT LICENSE-APACHE THIRD-PARTY-LICENSES.txt; do
    grep -q "/$file " <<<"$listing" || { echo "the zip lacks $file" >&2; exit 1; }
done
rm -rf "$stage"
echo "dist/: checksums hold, the .deb installs and removes, the binary is static, the zip is whole"
