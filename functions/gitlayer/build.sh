#!/usr/bin/env bash
# Builds the git layer into $1 for the architecture $2 (x86_64, the default, or arm64) from Debian 12
# (bookworm) packages that apt-get downloads into a private apt root: the build machine's own git,
# libraries and release play no part, so the layer is the same on any machine with apt-get and
# dpkg-deb (Debian, Ubuntu, or a Debian container on macOS):
#
#   bin/git                       a sh wrapper (Lambda puts /opt/bin on PATH): puts lib/git first on
#                                 LD_LIBRARY_PATH, then runs libexec/git-core/git
#   libexec/git-core/git          the real git (multi-call: every builtin, pack-objects, index-pack...)
#   libexec/git-core/git-remote-https   fetch over https (curl + gnutls)
#   libexec/git-core/git-upload-pack    fetch from a local repository (file://), which git starts
#                                 through sh by this name: a wrapper for `git upload-pack`
#   lib/git/                      every shared library those two ELF files need, glibc's excepted
#   share/git-layer/packages.txt  the Debian packages and versions it was built from
#
# Why lib/git and a wrapper rather than /opt/lib: Lambda's LD_LIBRARY_PATH is
# /var/lang/lib:/lib64:/usr/lib64:...:/opt/lib, so a library Amazon Linux also has (libz, libcrypto,
# libunistring...) would be taken from /lib64 in its own version, not the one git was built with;
# and libraries under /opt/lib would be seen by the Python process too. The wrapper scopes them to git.
# glibc's own libraries are never shipped: the runtime's glibc (2.34) is used, so every ELF file
# here must need no GLIBC_ symbol version newer than 2.34; the build fails if one does.
#
# The downloaded packages and the built layer are cached under $SHOAL_GITLAYER_CACHE (default
# ~/.cache/shoal/gitlayer), keyed by this script's hash and the architecture: a rebuild copies.
set -euo pipefail

OUT=${1:?usage: build.sh ARTIFACTS_DIR [x86_64|arm64]}
ARCH=${2:-x86_64}
MAX_GLIBC=2.34
SUITE=bookworm
MIRROR=${SHOAL_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SHOAL_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

fail() { echo "git layer: $*" >&2; exit 1; }
case "$ARCH" in
    x86_64) DEB_ARCH=amd64; TRIPLET=x86_64-linux-gnu; LOADER=ld-linux-x86-64 ;;
    arm64) DEB_ARCH=arm64; TRIPLET=aarch64-linux-gnu; LOADER=ld-linux-aarch64 ;;
    *) fail "unknown architecture '$ARCH': give x86_64 or arm64 (Lambda's names)" ;;
esac
# glibc's libraries (and the loader): the runtime provides them, and must.
GLIBC_LIBS="^(libc|libm|libpthread|libdl|libresolv|librt|libutil|libanl|libnss_[a-z]+|libBrokenLocale|libmvec|$LOADER|linux-vdso)\.so"

for tool in apt-get apt-cache dpkg-deb readelf sha256sum; do
    command -v "$tool" >/dev/null || fail "$tool is missing: build on Debian or Ubuntu (apt-get install apt dpkg binutils), or in a Debian container"
done
[ -r "$KEYRING" ] || fail "$KEYRING is missing: apt-get install debian-archive-keyring (it verifies the packages)"

HERE=$(cd "$(dirname "$0")" && pwd)
KEY=$(cat "$HERE/build.sh" | sha256sum | cut -c1-16)-$ARCH
CACHE=${SHOAL_GITLAYER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shoal/gitlayer}
BUILT=$CACHE/layer-$KEY

copy_out() {
    rm -rf "$OUT/bin" "$OUT/libexec" "$OUT/lib" "$OUT/share"
    mkdir -p "$OUT"
    cp -a "$BUILT/." "$OUT/"
}
if [ -f "$BUILT/share/git-layer/packages.txt" ]; then
    copy_out
    exit 0
fi

# A private apt root: this machine's sources, state and architecture are neither used nor changed.
APT=$CACHE/apt-$DEB_ARCH
mkdir -p "$APT/etc/apt/apt.conf.d" "$APT/etc/apt/preferences.d" "$APT/etc/apt/sources.list.d" \
    "$APT/var/lib/apt/lists/partial" "$APT/var/cache/apt/archives/partial" "$APT/var/lib/dpkg" "$APT/debs"
touch "$APT/var/lib/dpkg/status"
cat >"$APT/etc/apt/sources.list" <<EOF
deb [arch=$DEB_ARCH signed-by=$KEYRING] $MIRROR $SUITE main
deb [arch=$DEB_ARCH signed-by=$KEYRING] $MIRROR $SUITE-updates main
deb [arch=$DEB_ARCH signed-by=$KEYRING] $SECURITY_MIRROR $SUITE-security main
EOF
APT_OPTS=(-o "Dir=$APT" -o "Dir::State::status=$APT/var/lib/dpkg/status" -o "Dir::Etc=$APT/etc/apt"
          -o "Dir::Etc::Parts=$APT/etc/apt/apt.conf.d" -o "APT::Architecture=$DEB_ARCH"
          -o "APT::Architectures::=$DEB_ARCH" -o "Debug::NoLocking=1" -o "Acquire::Languages=none"
          -o "APT::Sandbox::User=root")
apt-get "${APT_OPTS[@]}" -qq update || fail "apt-get update failed: is $MIRROR reachable?"

# git and the library packages it depends on, recursively (perl, tar and the like are not needed).
PACKAGES=$(apt-cache "${APT_OPTS[@]}" depends --recurse --no-recommends --no-suggests --no-conflicts \
    --no-breaks --no-replaces --no-enhances git | grep -v '^ ' | grep -v '^<' | sed 's/:.*//' \
    | grep -E '^(git|zlib1g|lib.*)$' | grep -v -E '^(libc6|libperl.*|liberror-perl)$' | sort -u)
(cd "$APT/debs" && apt-get "${APT_OPTS[@]}" -qq download $PACKAGES) || fail "apt-get download failed"

ROOT=$(mktemp -d)
STAGE=$(mktemp -d)
trap 'rm -rf "$ROOT" "$STAGE"' EXIT
: >"$STAGE/packages.txt"
for name in $PACKAGES; do
    deb=$(find "$APT/debs" -maxdepth 1 \( -name "${name}_*_$DEB_ARCH.deb" -o -name "${name}_*_all.deb" \) \
        | sort -V | tail -n1)
    [ -n "$deb" ] || fail "package $name was not downloaded"
    dpkg-deb -x "$deb" "$ROOT"
    dpkg-deb -W --showformat='${Package} ${Version} ${Architecture}\n' "$deb" >>"$STAGE/packages.txt"
done
sort -o "$STAGE/packages.txt" "$STAGE/packages.txt"

mkdir -p "$STAGE/bin" "$STAGE/libexec/git-core" "$STAGE/lib/git" "$STAGE/share/git-layer"
mv "$STAGE/packages.txt" "$STAGE/share/git-layer/"
cp -L "$ROOT/usr/lib/git-core/git" "$ROOT/usr/lib/git-core/git-remote-https" "$STAGE/libexec/git-core/"
cat >"$STAGE/bin/git" <<'SH'
#!/bin/sh
# git from the Shoal git layer: its own libraries first, its own helpers (see build.sh).
layer=${0%/bin/*}
LD_LIBRARY_PATH="$layer/lib/git${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
GIT_EXEC_PATH="${GIT_EXEC_PATH:-$layer/libexec/git-core}" \
    exec "$layer/libexec/git-core/git" "$@"
SH
cat >"$STAGE/libexec/git-core/git-upload-pack" <<'SH'
#!/bin/sh
exec "${0%/*}/git" upload-pack "$@"
SH
chmod 755 "$STAGE/bin/git" "$STAGE/libexec/git-core/git-upload-pack"

# Every library the two ELF files load, followed through the libraries' own NEEDED entries, found
# in the unpacked packages (readelf reads any architecture's ELF; ldd would run the loader).
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
queue=$(needed "$STAGE/libexec/git-core/git"; needed "$STAGE/libexec/git-core/git-remote-https")
while [ -n "$queue" ]; do
    next=""
    for soname in $queue; do
        [[ $soname =~ $GLIBC_LIBS ]] && continue
        [ -e "$STAGE/lib/git/$soname" ] && continue
        path=""
        for dir in "$ROOT/lib/$TRIPLET" "$ROOT/usr/lib/$TRIPLET"; do
            [ -e "$dir/$soname" ] && path="$dir/$soname" && break
        done
        [ -n "$path" ] || fail "no package git depends on provides $soname"
        cp -L "$path" "$STAGE/lib/git/$soname"
        next="$next $(needed "$STAGE/lib/git/$soname")"
    done
    queue=$next
done

# Nothing may need a newer glibc than Amazon Linux 2023's.
for elf in "$STAGE"/libexec/git-core/git "$STAGE"/libexec/git-core/git-remote-https "$STAGE"/lib/git/*; do
    newest=$(readelf -V -W "$elf" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n1)
    if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$MAX_GLIBC" | sort -V | tail -n1)" != "$MAX_GLIBC" ]; then
        fail "${elf#"$STAGE"/} needs GLIBC_$newest; the Lambda runtime has glibc $MAX_GLIBC"
    fi
done

rm -rf "$BUILT"
mkdir -p "$CACHE"
cp -a "$STAGE" "$BUILT.tmp" && mv "$BUILT.tmp" "$BUILT"
copy_out
