#!/usr/bin/env bash
# A throw-away single-node Ceph (one monitor, one memstore OSD, one radosgw) on 127.0.0.1, used by the
# tests as the S3 server that really enforces Object Lock. Nothing listens beyond loopback; all state
# lives in <workdir> and in memory, so `stop` followed by deleting <workdir> leaves nothing behind.
#
#   scripts/ceph-rgw.sh install                       install the Debian packages if they are missing (needs root + apt)
#   scripts/ceph-rgw.sh start <workdir> [rgw-port] [mon-port]
#                                                      start the cluster; writes <workdir>/rgw.env on success
#   scripts/ceph-rgw.sh stop <workdir>                stop every daemon started in <workdir>
#
# rgw.env holds KFS_CEPH_ENDPOINT, KFS_CEPH_ACCESS_KEY and KFS_CEPH_SECRET_KEY for the test fixture.
set -euo pipefail

PACKAGES=(radosgw ceph-mon ceph-osd)
ACCESS_KEY=kfs-ceph-test
SECRET_KEY=kfs-ceph-test-secret-0123456789

die() { echo "ceph-rgw: $*" >&2; exit 1; }

installed() { command -v radosgw >/dev/null && command -v ceph-mon >/dev/null && command -v ceph-osd >/dev/null; }

install() {
    if installed; then
        echo "ceph-rgw: ${PACKAGES[*]} already installed"
        return
    fi
    [ "$(id -u)" = 0 ] || die "installing ${PACKAGES[*]} needs root; run: apt-get install -y --no-install-recommends ${PACKAGES[*]}"
    command -v apt-get >/dev/null || die "no apt-get here; install ${PACKAGES[*]} with your package manager"
    echo "ceph-rgw: installing ${PACKAGES[*]} (about a minute)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}" >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}" >/dev/null; } \
        || die "apt-get could not install ${PACKAGES[*]}"
}

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

await() { # <what> <seconds> <command...>
    local what=$1 seconds=$2; shift 2
    for _ in $(seq $((seconds * 5))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.2
    done
    die "$what did not come up within ${seconds}s; logs are in $WORK/log"
}

write_config() {
    cat > "$CONF" <<CONF
[global]
fsid = $(cat /proc/sys/kernel/random/uuid)
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind msgr2 = true
# cephx everywhere: radosgw loops on error -13 when auth is none.
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $WORK/admin.keyring
run dir = $WORK/run
pid file = $WORK/run/\$name.pid
admin socket = $WORK/run/\$name.asok
log file = $WORK/log/\$name.log
mon data = $WORK/mon/\$name
osd data = $WORK/osd/\$name
osd objectstore = memstore
memstore device bytes = 2147483648
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
mon pg warn min per osd = 0

[osd]
keyring = $WORK/osd/\$name/keyring

[client.rgw.a]
keyring = $WORK/rgw.keyring
rgw frontends = beast endpoint=127.0.0.1:$RGW_PORT
rgw data = $WORK/rgw
CONF
}

start() {
    installed || die "radosgw, ceph-mon or ceph-osd is not installed; run: $0 install"
    [ -e "$WORK/run/mon.a.pid" ] && die "$WORK already holds a running cluster; stop it first"
    # A stopped cluster's state is worthless (its OSD kept everything in memory): start from scratch.
    rm -rf "$WORK"/{run,log,mon,osd,rgw} "$WORK"/{ceph.conf,monmap,rgw.env} "$WORK"/*.keyring
    mkdir -p "$WORK"/{run,log,mon/mon.a,osd,rgw}
    write_config
    local ceph=(ceph -c "$CONF" --connect-timeout 10)

    ceph-authtool --create-keyring "$WORK/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
    ceph-authtool --create-keyring "$WORK/admin.keyring" --gen-key -n client.admin \
        --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
    ceph-authtool "$WORK/mon.keyring" --import-keyring "$WORK/admin.keyring" >/dev/null
    monmaptool --create --addv a "[v2:127.0.0.1:$MON_PORT]" --fsid "$(sed -n 's/^fsid = //p' "$CONF")" \
        "$WORK/monmap" >/dev/null
    ceph-mon -c "$CONF" --mkfs -i a --monmap "$WORK/monmap" --keyring "$WORK/mon.keyring"
    ceph-mon -c "$CONF" -i a
    await "the monitor" 30 "${ceph[@]}" mon stat

    local uuid id
    uuid=$(cat /proc/sys/kernel/random/uuid)
    id=$("${ceph[@]}" osd new "$uuid")
    mkdir -p "$WORK/osd/osd.$id"
    ceph-osd -c "$CONF" -i "$id" --mkfs --mkkey --no-mon-config --osd-uuid "$uuid" 2>>"$WORK/log/osd-mkfs.log"
    "${ceph[@]}" auth add "osd.$id" osd 'allow *' mon 'allow profile osd' -i "$WORK/osd/osd.$id/keyring" 2>/dev/null
    ceph-osd -c "$CONF" -i "$id" 2>>"$WORK/log/osd-start.log"
    await "the OSD" 60 bash -c "${ceph[*]} osd stat | grep -q '1 up'"

    "${ceph[@]}" auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' -o "$WORK/rgw.keyring" 2>/dev/null
    radosgw -c "$CONF" -n client.rgw.a
    await "radosgw" 90 answers "$RGW_PORT"
    radosgw-admin -c "$CONF" user create --uid=kfs --display-name="kaf-mirror tests" \
        --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
    cat > "$WORK/rgw.env" <<ENV
KFS_CEPH_ENDPOINT=http://127.0.0.1:$RGW_PORT
KFS_CEPH_ACCESS_KEY=$ACCESS_KEY
KFS_CEPH_SECRET_KEY=$SECRET_KEY
ENV
    echo "ceph-rgw: radosgw answers at http://127.0.0.1:$RGW_PORT (state in $WORK)"
}

stop() {
    local pidfile pid
    for pidfile in "$WORK"/run/client.rgw.a.pid "$WORK"/run/osd.*.pid "$WORK"/run/mon.a.pid; do
        [ -e "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$pid" 2>/dev/null || true
        rm -f "$pidfile"
    done
    rm -f "$WORK/rgw.env"
}

command=${1:-}
case "$command" in
    install) install ;;
    start|stop)
        [ $# -ge 2 ] || die "usage: $0 $command <workdir>"
        mkdir -p "$2"
        WORK=$(cd "$2" && pwd)
        CONF=$WORK/ceph.conf
        RGW_PORT=${3:-17480}
        MON_PORT=${4:-13300}
        "$command" ;;
    *) die "usage: $0 install | start <workdir> [rgw-port] [mon-port] | stop <workdir>" ;;
esac
