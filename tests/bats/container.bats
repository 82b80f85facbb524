#!/usr/bin/env bats
# container.* and k8s.* from a real engine: podman, its REST API served by
# `podman system service` on a socket of this test's own, an image built
# from scratch with buildah (no registry needed) holding one static program
# (build/tests/sgctr), run with labels and --privileged.  Host processes
# must show 'host' / <NA>.  Needs root, BPF, podman, buildah and runc.
#
# These machines have no CAP_SYS_RESOURCE and hybrid cgroups: podman runs
# with --runtime runc and default_ulimits = [] (CONTAINERS_CONF).

load helpers

IMAGE=localhost/sgtest:v1

setup_file() {
	export CONTAINERS_CONF="$BATS_FILE_TMPDIR/containers.conf"
	printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' >"$CONTAINERS_CONF"
	export SG_PODMAN_SOCK="$BATS_FILE_TMPDIR/podman.sock"
	export SG_CTR="sgc1"
	[ "$(id -u)" -eq 0 ] || return 0
	command -v podman >/dev/null && command -v buildah >/dev/null && command -v runc >/dev/null ||
		return 0
	[ -x "$HELPERS/sgctr" ] || return 0
	podman rm -f "$SG_CTR" >/dev/null 2>&1 || true
	# a local image from scratch: the static program alone
	local c
	c=$(buildah from scratch) || return 0
	buildah copy "$c" "$HELPERS/sgctr" /sgctr >/dev/null &&
		buildah config --cmd /sgctr "$c" >/dev/null &&
		buildah commit -q "$c" "$IMAGE" >/dev/null
	buildah rm "$c" >/dev/null 2>&1 || true
	podman system service --time=0 "unix://$SG_PODMAN_SOCK" >"$BATS_FILE_TMPDIR/service.log" 2>&1 &
	echo $! >"$BATS_FILE_TMPDIR/service.pid"
	local i
	for i in $(seq 1 100); do
		[ -S "$SG_PODMAN_SOCK" ] && break
		sleep 0.1
	done
}

teardown_file() {
	podman rm -f "$SG_CTR" >/dev/null 2>&1 || true
	if [ -s "$BATS_FILE_TMPDIR/service.pid" ]; then
		kill "$(cat "$BATS_FILE_TMPDIR/service.pid")" 2>/dev/null || true
	fi
	podman rmi -f "$IMAGE" >/dev/null 2>&1 || true
}

require_podman() {
	require_bpf
	command -v podman >/dev/null || skip "podman is not installed"
	command -v buildah >/dev/null || skip "buildah is not installed"
	command -v runc >/dev/null || skip "runc is not installed"
	[ -x "$HELPERS/sgctr" ] || skip "no $HELPERS/sgctr (make builds it)"
	podman image exists "$IMAGE" || skip "buildah could not build $IMAGE"
	[ -S "$SG_PODMAN_SOCK" ] || skip "podman system service did not start: $(head -c 300 "$BATS_FILE_TMPDIR/service.log")"
}

# run_ctr N: start the test container (N opens, 50 ms apart); prints its id.
run_ctr() {
	podman rm -f "$SG_CTR" >/dev/null 2>&1 || true
	podman run -d --runtime runc --privileged --name "$SG_CTR" \
		--label io.kubernetes.pod.namespace=ns1 --label io.kubernetes.pod.name=pod1 \
		--label io.kubernetes.pod.uid=uid-42 --label tier=front \
		-v "$BATS_FILE_TMPDIR:/mnt/sg:ro" "$IMAGE" /sgctr "$1"
}

# sysgrep in the background while the container runs; OUT gets its stdout.
with_ctr() {	# OUT N SYSGREP-ARGS...
	local out=$1 n=$2
	shift 2
	"$SYSGREP" "$@" >"$out" 2>"$out.err" &
	local sg=$!
	sg_wait_attached "$sg" || true
	CID=$(run_ctr "$n" | cut -c1-12)
	SG_STATUS=0
	wait "$sg" || SG_STATUS=$?
	podman rm -f "$SG_CTR" >/dev/null 2>&1 || true
}

FIELDS='%container.id %container.name %container.image %container.image.repository %container.image.tag %container.image.id %container.type %container.privileged %container.mount.dest[0] %container.mount.rdwr[0] %k8s.ns.name %k8s.pod.name %k8s.pod.uid %k8s.pod.label[tier]'

@test "container: a podman container's events carry its image, name, privilege and k8s labels" {
	require_podman
	out="$BATS_TEST_TMPDIR/out"
	with_ctr "$out" 200 --container-socket "$SG_PODMAN_SOCK" -t 60s -n 3 -o json -p "$FIELDS" \
		'proc.name=sgctr and evt.type=openat and container.name=sgc1'
	[ "$SG_STATUS" -eq 0 ] || { cat "$out.err"; false; }
	[ "$(wc -l <"$out")" -eq 3 ]
	img_id=$(podman image inspect --format '{{.Id}}' "$IMAGE" | cut -c1-12)
	n=$(jq -c --arg cid "$CID" --arg img "$img_id" 'select(
		."container.id" == $cid and ."container.name" == "sgc1" and
		."container.image" == "localhost/sgtest:v1" and
		."container.image.repository" == "localhost/sgtest" and
		."container.image.tag" == "v1" and ."container.image.id" == $img and
		."container.type" == "podman" and ."container.privileged" == true and
		."container.mount.dest[0]" == "/mnt/sg" and ."container.mount.rdwr[0]" == "false" and
		."k8s.ns.name" == "ns1" and ."k8s.pod.name" == "pod1" and
		."k8s.pod.uid" == "uid-42" and ."k8s.pod.label[tier]" == "front")' "$out" | wc -l)
	[ "$n" -eq 3 ] || { cat "$out"; false; }
	[ ! -s "$out.err" ]
}

@test "container: until the engine answers a field is <NA>, never another container's; host processes say host" {
	require_podman
	out="$BATS_TEST_TMPDIR/out"
	host=$(unique_copy "$HELPERS/sgtest" sgh)
	# a host process doing the same calls alongside
	"$host" -l -d 50 open /etc/hostname >/dev/null 2>&1 &
	hp=$!
	with_ctr "$out" 60 --container-socket "$SG_PODMAN_SOCK" -t 60s -o json \
		-p "*%proc.name $FIELDS" "(proc.name=sgctr or proc.name=$(basename "$host")) and evt.type in (open, openat)"
	kill "$hp" 2>/dev/null || true
	wait "$hp" 2>/dev/null || true
	[ "$SG_STATUS" -eq 0 ]
	# the container's events: its values or null, nothing else
	bad=$(jq -c 'select(."proc.name" == "sgctr" and
		((."container.name" != "sgc1" and ."container.name" != null) or
		 (."k8s.ns.name" != "ns1" and ."k8s.ns.name" != null) or
		 (."container.image.tag" != "v1" and ."container.image.tag" != null)))' "$out" | wc -l)
	[ "$bad" -eq 0 ] || { cat "$out"; false; }
	known=$(jq -c 'select(."proc.name" == "sgctr" and ."container.name" == "sgc1" and ."k8s.pod.name" == "pod1")' "$out" | wc -l)
	[ "$known" -ge 1 ] || { cat "$out"; false; }
	# the host's: 'host' where libs says so, absent for the rest
	hosts=$(jq -c 'select(."proc.name" != "sgctr")' "$out" | wc -l)
	[ "$hosts" -ge 1 ] || skip "the host helper's opens were not seen (busy machine)"
	badh=$(jq -c 'select(."proc.name" != "sgctr" and (."container.id" != "host" or
		."container.name" != "host" or ."container.type" != "host" or
		."container.image" != null or ."container.privileged" != null or
		."k8s.ns.name" != null or ."k8s.pod.name" != null))' "$out" | wc -l)
	[ "$badh" -eq 0 ] || { cat "$out"; false; }
}

@test "container: no engine to ask: <NA> at once, nothing on stderr, events keep flowing" {
	require_podman
	out="$BATS_TEST_TMPDIR/out"
	with_ctr "$out" 200 --container-socket "$BATS_TEST_TMPDIR/no-engine.sock" -t 60s -n 20 \
		-o json -p '*%container.id %container.name %container.image %k8s.ns.name' \
		'proc.name=sgctr and evt.type=openat'
	[ "$SG_STATUS" -eq 0 ]
	[ "$(wc -l <"$out")" -eq 20 ]
	n=$(jq -c --arg cid "$CID" 'select(."container.id" == $cid and ."container.name" == null and
		."container.image" == null and ."k8s.ns.name" == null)' "$out" | wc -l)
	[ "$n" -eq 20 ] || { cat "$out"; false; }
	[ ! -s "$out.err" ] || { cat "$out.err"; false; }
	# and a filter on a field that cannot be known selects nothing, quietly
	run -1 "$SYSGREP" --container-socket "$BATS_TEST_TMPDIR/no-engine.sock" -t 1s \
		'container.name=sgc1'
	[ -z "$output" ]
}

@test "container: --container-socket checks its value; --list-fields marks the engine's fields" {
	run -2 "$SYSGREP" --container-socket '' --dump-filter 'evt.type=open'
	[[ "$output" == *"--container-socket"* ]]
	run -2 "$SYSGREP" --container-socket "/$(printf 'x%.0s' $(seq 1 120))" --dump-filter 'evt.type=open'
	[[ "$output" == *"unix socket path"* ]]
	run -0 "$SYSGREP" --list-fields
	[[ "$output" == *"k8s.ns.name"*"[engine]"* ]]
	run -0 "$SYSGREP" --list-fields -o json
	echo "$output" | jq -e -s 'map(select(.needs == "engine") | .name) |
		index("container.image.repository") != null and index("k8s.pod.name") != null and
		index("container.id") == null'
	echo "$output" | jq -e -s 'map(select(.name == "container.id"))[0].needs == ""'
	# argument forms libs has
	run -0 "$SYSGREP" --dump-filter 'container.mount.dest[/lib/modules] = /host and k8s.pod.label[app.kubernetes.io/name] = web and k8s.pod.label.tier = x and container.mount[0] exists'
	run -2 "$SYSGREP" --dump-filter 'container.mount.dest = x'
	[[ "$output" == *"needs an argument"* ]]
}
