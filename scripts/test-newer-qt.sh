#!/usr/bin/env bash
# Runs the README's test command (scripts/test.sh) on Debian 13 (trixie: Qt 6.8, GCC 14,
# clang-format 19) in a chroot made with debootstrap, everything from Debian's packages.
# Usage (as root, or through sudo): scripts/test-newer-qt.sh [ctest arguments...]
#
# The root is kept in build/trixie-root (or $REBATESYNC_TRIXIE_ROOT) and reused by later runs:
# the first run downloads and builds everything, later ones copy the changed sources and build
# incrementally. The source tree is copied to /src inside the root (not bound), so the chroot's
# build/linux never mixes with the host's. Delete the folder to start from a fresh root.
# The mirror is the one the host's apt uses for Debian (or $REBATESYNC_DEBIAN_MIRROR).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
root=$(realpath -m "${REBATESYNC_TRIXIE_ROOT:-$src/build/trixie-root}")
if [[ "$root" == / || "$root" == "$src" ]]; then
    echo "test-newer-qt: $root cannot be the Debian 13 root" >&2
    exit 2
fi
suite=trixie

if [[ $(id -u) -ne 0 ]]; then
    exec sudo --preserve-env=REBATESYNC_TRIXIE_ROOT,REBATESYNC_DEBIAN_MIRROR \
        "$src/scripts/test-newer-qt.sh" "$@"
fi

# The Debian mirror the host's apt already uses: the first non-security Debian URI in its sources.
host_mirror() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -f "$f" ]] || continue
        awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }
             $1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/ && $i !~ /=/) { print $i; break } }' "$f"
    done | awk '!found && /^https?:\/\/.*\/debian\/?$/ { print; found = 1 }'
}
mirror=${REBATESYNC_DEBIAN_MIRROR:-$(host_mirror)}
if [[ -z "$mirror" ]]; then
    echo "test-newer-qt: no Debian mirror in /etc/apt/sources.list*; set REBATESYNC_DEBIAN_MIRROR" >&2
    exit 2
fi

host_tools=()
command -v debootstrap >/dev/null || host_tools+=(debootstrap)
command -v rsync >/dev/null || host_tools+=(rsync)
if ((${#host_tools[@]} > 0)); then
    echo "test-newer-qt: installing ${host_tools[*]} on the host"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${host_tools[@]}"
fi

# Every mount under the root, deepest first; also those a killed earlier run left behind.
unmount_all() {
    local target
    awk -v r="$root/" 'index($5, r) == 1 { print $5 }' /proc/self/mountinfo | sort -r \
        | while read -r target; do umount -l "$target" 2>/dev/null || true; done
}
unmount_all
trap unmount_all EXIT
trap 'exit 130' INT TERM HUP # through the EXIT trap, so an interrupted run unmounts too
mount_in() { # mount_in TARGET-INSIDE-ROOT MOUNT-ARGUMENTS...
    local target="$root$1"
    shift
    mkdir -p "$target"
    mount "$@" "$target"
}

# A root is complete once debootstrap has finished; a half-made one (an interrupted first run)
# is made again.
if [[ ! -f "$root/.rebatesync-root-complete" ]]; then
    rm -rf --one-file-system "$root"
    mkdir -p "$root"
    echo "test-newer-qt: creating a Debian $suite root in $root from $mirror"
    debootstrap --variant=minbase --include=ca-certificates "$suite" "$root" "$mirror"
    # Packages installed in the chroot must not start services on the host.
    printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    touch "$root/.rebatesync-root-complete"
fi
# apt inside the root resolves names as the host does.
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

mount_in /proc -t proc proc
mount_in /sys -t sysfs sysfs
# /dev is bound, then made private so the tmpfs on its /dev/shm never shows on the host's /dev.
mount_in /dev --bind /dev
mount --make-private "$root/dev"
mount_in /dev/pts --bind /dev/pts
mount_in /dev/shm -t tmpfs -o mode=1777,size=1g tmpfs
mount_in /tmp -t tmpfs -o mode=1777 tmpfs

# The sources as they are in the work tree (changes not yet committed too), without build output.
mkdir -p "$root/src"
rsync -a --delete --exclude=/build/ --exclude=/.git/ "$src/" "$root/src/"

echo "test-newer-qt: running scripts/test.sh in Debian $suite"
chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c 'cd /src && bash scripts/test.sh "$@"' test-newer-qt "$@"
