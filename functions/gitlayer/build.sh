#!/usr/bin/env bash
# Builds the git layer into $1 from this machine's Debian git (the build image is the same Debian
# release as CI, so the result is pinned by that release):
#
#   bin/git                       a sh wrapper (Lambda puts /opt/bin on PATH): puts lib/git first on
#                                 LD_LIBRARY_PATH, then runs libexec/git-core/git
#   libexec/git-core/git          the real git (multi-call: every builtin, pack-objects, index-pack...)
#   libexec/git-core/git-remote-https   fetch over https (curl + gnutls)
#   libexec/git-core/git-upload-pack    fetch from a local repository (file://), which git starts
#                                 through sh by this name: a wrapper for `git upload-pack`
#   lib/git/                      every shared library those two ELF files need, glibc's excepted
#
# Why lib/git and a wrapper rather than /opt/lib: Lambda's LD_LIBRARY_PATH is
# /var/lang/lib:/lib64:/usr/lib64:...:/opt/lib, so a library Amazon Linux also has (libz, libcrypto,
# libunistring...) would be taken from /lib64 in its own version, not the one git was built with;
# and libraries under /opt/lib would be seen by the Python process too. The wrapper scopes them to git.
# glibc's own libraries are never shipped: the runtime's glibc (2.34) is used, so every ELF file
# here must need no GLIBC_ symbol version newer than 2.34; the build fails if one does.
set -euo pipefail

OUT=${1:?usage: build.sh ARTIFACTS_DIR}
MAX_GLIBC=2.34
# glibc's libraries (and the loader): the runtime provides them, and must.
GLIBC_LIBS='^(libc|libm|libpthread|libdl|libresolv|librt|libutil|libanl|libnss_[a-z]+|libBrokenLocale|libmvec|ld-linux-x86-64|linux-vdso)\.so'

fail() { echo "git layer: $*" >&2; exit 1; }
command -v git >/dev/null || fail "git is not installed on the build machine (apt-get install git)"
command -v objdump >/dev/null || fail "objdump is not installed on the build machine (apt-get install binutils)"
EXEC_PATH=$(git --exec-path)
[ -x "$EXEC_PATH/git-remote-https" ] || fail "$EXEC_PATH/git-remote-https is missing: this git cannot fetch over https"

rm -rf "$OUT/bin" "$OUT/libexec" "$OUT/lib"
mkdir -p "$OUT/bin" "$OUT/libexec/git-core" "$OUT/lib/git"
cp -L "$EXEC_PATH/git" "$EXEC_PATH/git-remote-https" "$OUT/libexec/git-core/"

cat >"$OUT/bin/git" <<'SH'
#!/bin/sh
# git from the Shoal git layer: its own libraries first, its own helpers (see build.sh).
layer=${0%/bin/*}
LD_LIBRARY_PATH="$layer/lib/git${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
GIT_EXEC_PATH="${GIT_EXEC_PATH:-$layer/libexec/git-core}" \
    exec "$layer/libexec/git-core/git" "$@"
SH
cat >"$OUT/libexec/git-core/git-upload-pack" <<'SH'
#!/bin/sh
exec "${0%/*}/git" upload-pack "$@"
SH
chmod 755 "$OUT/bin/git" "$OUT/libexec/git-core/git-upload-pack"

# Every library the two ELF files load (ldd resolves the whole tree), glibc's excepted.
ldd "$OUT/libexec/git-core/git" "$OUT/libexec/git-core/git-remote-https" | awk '
    /not found/ { print "MISSING " $1; next }
    $2 == "=>" && $3 ~ /^\// { print $1, $3 }' | sort -u | while read -r soname path; do
    [ "$soname" != MISSING ] || fail "a library git needs is not installed: $path"
    [[ $soname =~ $GLIBC_LIBS ]] && continue
    cp -L "$path" "$OUT/lib/git/$soname"
done

# Nothing may need a newer glibc than Amazon Linux 2023's.
for elf in "$OUT"/libexec/git-core/git "$OUT"/libexec/git-core/git-remote-https "$OUT"/lib/git/*; do
    newest=$(objdump -T "$elf" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n1)
    if [ -n "$newest" ] && [ "$(printf '%s\n%s\n' "$newest" "$MAX_GLIBC" | sort -V | tail -n1)" != "$MAX_GLIBC" ]; then
        fail "${elf#"$OUT"/} needs GLIBC_$newest; the Lambda runtime has glibc $MAX_GLIBC"
    fi
done
