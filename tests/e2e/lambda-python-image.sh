#!/usr/bin/env bash
# Builds a local stand-in for the Lambda python3.13 base image (public.ecr.aws/lambda/python:3.13-x86_64)
# so that `sam local invoke --skip-pull-image` runs without pulling from a registry.
#
# The image is made FROM scratch out of a root file system assembled here, which takes seconds:
#   /var/lang       this machine's CPython 3.13 (pyenv's build), without its tests and static library
#   /var/runtime    awslambdaric (the runtime interface client) and boto3, as in the real image
#   /lib, /usr/lib  exactly the shared libraries those binaries need (found with ldd), libstdc++
#                   for the C++ wheels of the layer (google-re2), a shell and the few coreutils
#                   that SAM's own image build runs (`RUN mv ... && chmod ...`)
#   /var/runtime/bootstrap and /lambda-entrypoint.sh, which behave like the real image's.
# SAM CLI adds its own runtime interface emulator (/var/rapid/aws-lambda-rie) on top of this image.
#
# Rebuilt only when this script, the Python build or the pins change (a label holds their digest);
# a real base image already under TAG (one without that label) is left alone and used.
# Usage: lambda-python-image.sh [TAG]      env: PYTHON313 (a python3.13 executable, default from PATH)
set -euo pipefail

TAG=${1:-public.ecr.aws/lambda/python:3.13-x86_64}
PYTHON313=${PYTHON313:-$(command -v python3.13 || true)}
RUNTIME_PINS=(awslambdaric==4.2.2 boto3==1.44.8)
# Host programs the image carries: a shell for RUN and the bootstrap, and what SAM's Dockerfile runs.
TOOLS=(sh mv chmod cp rm mkdir ls cat env)

[ -n "$PYTHON313" ] || { echo "python3.13 is not on PATH (set PYTHON313)" >&2; exit 1; }
PREFIX=$("$PYTHON313" -c 'import sys; print(sys.base_prefix)')
VERSION=$("$PYTHON313" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
[ "$VERSION" = 3.13 ] || { echo "$PYTHON313 is Python $VERSION, not 3.13" >&2; exit 1; }

KEY=$( { cat "$0"; echo "${RUNTIME_PINS[*]}"; "$PYTHON313" -VV; } | sha256sum | cut -c1-16)
if LABEL=$(docker image inspect -f '{{ index .Config.Labels "shoal.standin" }}' "$TAG" 2>/dev/null); then
    # Up to date; or the real image, pulled by someone who can reach the registry: better still.
    [ "$LABEL" = "$KEY" ] && exit 0
    [ -z "$LABEL" ] || [ "$LABEL" = "<no value>" ] && exit 0
fi

ROOT=$(mktemp -d /tmp/shoal-lambda-rootfs.XXXXXX)
trap 'rm -rf "$ROOT"' EXIT
mkdir -p "$ROOT"/{var/task,var/runtime,opt,tmp,proc,sys,dev,etc,bin,usr/bin,lib64,root}
chmod 1777 "$ROOT/tmp"

# CPython at /var/lang, as in the real image; it finds its stdlib relative to the executable.
tar -C "$PREFIX" \
    --exclude="lib/python$VERSION/test" --exclude="lib/python$VERSION/idlelib" \
    --exclude="lib/python$VERSION/tkinter" --exclude="lib/python$VERSION/turtledemo" \
    --exclude="lib/python$VERSION/config-*" --exclude="lib/python$VERSION/site-packages/*" \
    --exclude='include' --exclude='share' --exclude='*.a' -cf - . \
    | tar -C "$ROOT" --one-top-level=var/lang -xf -

"$PYTHON313" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-compile --only-binary=:all: \
    --target "$ROOT/var/runtime" "${RUNTIME_PINS[@]}" 2>&1 | { grep -v '^WARNING: Location' || true; } >&2

copy_host_file() {  # the file at the same path in the image, following symlinks
    local path=$1
    mkdir -p "$ROOT$(dirname "$path")"
    cp -L "$path" "$ROOT$path"
}

binaries=()
for tool in "${TOOLS[@]}"; do
    path=$(command -v "$tool")
    case $tool in sh) dest=/bin/sh ;; *) dest=/bin/$tool ;; esac
    cp -L "$path" "$ROOT$dest"
    binaries+=("$path")
done
while IFS= read -r -d '' lib; do binaries+=("$lib"); done \
    < <(find "$ROOT/var/lang" "$ROOT/var/runtime" -name '*.so*' -type f -print0)
binaries+=("$ROOT/var/lang/bin/python$VERSION")

# Every shared library those binaries load (but their own: LD_LIBRARY_PATH finds /var/lang/lib).
LD_LIBRARY_PATH="$ROOT/var/lang/lib" ldd "${binaries[@]}" 2>/dev/null \
    | awk '/=> \// {print $3} /^\s*\/lib64\// {print $1}' | sort -u \
    | { grep -v "^$ROOT" || true; } | while read -r lib; do copy_host_file "$lib"; done
# The layer's C++ wheels (google-re2) need the C++ runtime, which ldd of python cannot see.
for lib in libstdc++.so.6 libgcc_s.so.1; do
    copy_host_file "$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')"
done
[ -e "$ROOT/lib64/ld-linux-x86-64.so.2" ] || copy_host_file /lib64/ld-linux-x86-64.so.2

cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ca-certificates.crt" 2>/dev/null || true
printf 'root:x:0:0:root:/root:/bin/sh\nsbx_user1051:x:993:990::/home/sbx_user1051:/sbin/nologin\n' >"$ROOT/etc/passwd"
printf 'root:x:0:\n' >"$ROOT/etc/group"
ln -s /usr/share/zoneinfo/UTC "$ROOT/etc/localtime"

# Like the real image: the runtime reads the handler from _HANDLER (the RIE sets it, from
# AWS_LAMBDA_FUNCTION_HANDLER), and the module path puts the task, then layers, then the runtime.
cat >"$ROOT/var/runtime/bootstrap" <<EOF
#!/bin/sh
export AWS_EXECUTION_ENV=AWS_Lambda_python$VERSION
export PYTHONPATH="/var/task:/opt/python/lib/python$VERSION/site-packages:/opt/python:/var/runtime\${PYTHONPATH:+:\$PYTHONPATH}"
exec /var/lang/bin/python$VERSION -m awslambdaric "\${_HANDLER:-\$AWS_LAMBDA_FUNCTION_HANDLER}"
EOF
cat >"$ROOT/lambda-entrypoint.sh" <<'EOF'
#!/bin/sh
# `docker run IMAGE app.handler`: under Lambda (AWS_LAMBDA_RUNTIME_API set) start the runtime,
# elsewhere start it behind the runtime interface emulator that SAM CLI adds at /var/rapid.
if [ $# -ne 1 ]; then
    echo "entrypoint requires the handler name to be the first argument" >&2
    exit 142
fi
export _HANDLER="$1"
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
    exec /var/rapid/aws-lambda-rie /var/runtime/bootstrap
fi
exec /var/runtime/bootstrap
EOF
chmod 755 "$ROOT/var/runtime/bootstrap" "$ROOT/lambda-entrypoint.sh"

tar -C "$ROOT" -cf - . | docker import \
    --change "ENV LANG=en_US.UTF-8" \
    --change "ENV TZ=:/etc/localtime" \
    --change "ENV PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin" \
    --change "ENV LD_LIBRARY_PATH=/var/lang/lib:/lib64:/usr/lib64:/var/runtime:/var/runtime/lib:/var/task:/var/task/lib:/opt/lib" \
    --change "ENV LAMBDA_TASK_ROOT=/var/task" \
    --change "ENV LAMBDA_RUNTIME_DIR=/var/runtime" \
    --change "ENV SSL_CERT_FILE=/etc/ca-certificates.crt" \
    --change "WORKDIR /var/task" \
    --change 'ENTRYPOINT ["/lambda-entrypoint.sh"]' \
    --change "LABEL shoal.standin=$KEY" \
    - "$TAG" >/dev/null
