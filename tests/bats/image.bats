#!/usr/bin/env bats
# make image (an OCI image FROM scratch, buildah) and deploy/daemonset.yaml:
# the image holds only the static binary; run by podman with the DaemonSet's
# capabilities and mounts, and as the DaemonSet's own pod template through
# `podman kube play`, it prints the host's events as JSON Lines.

load helpers

REPO=$BATS_TEST_DIRNAME/../..
DS=$REPO/deploy/daemonset.yaml

setup_file() {
	command -v buildah >/dev/null && command -v podman >/dev/null || return 0
	[ "$(id -u)" -eq 0 ] || return 0
	export IMAGE=localhost/sysgrep:bats-$$
	# podman here: runc, and no default ulimits (no CAP_SYS_RESOURCE to set them)
	export CONTAINERS_CONF=$BATS_FILE_TMPDIR/containers.conf
	printf '[containers]\ndefault_ulimits = []\n' >"$CONTAINERS_CONF"
	export IMAGE_OUT=$BATS_FILE_TMPDIR/make-image.out
	make -s -C "$REPO" image IMAGE="$IMAGE" BIN="$SYSGREP" BUILD="${BUILD:-build}" >"$IMAGE_OUT" 2>&1 ||
		echo "make image failed" >>"$IMAGE_OUT"
}

teardown_file() {
	[ -n "${IMAGE:-}" ] && podman rmi -f "$IMAGE" >/dev/null 2>&1
	return 0
}

need_image() {
	command -v buildah >/dev/null || skip "buildah is not installed"
	command -v podman >/dev/null || skip "podman is not installed"
	[ "$(id -u)" -eq 0 ] || skip "buildah and podman run as root here"
	if grep -q "make image failed" "$IMAGE_OUT"; then
		cat "$IMAGE_OUT"
		return 1
	fi
}

pm() {
	podman --runtime runc "$@"
}

# the DaemonSet's container spec field $1 (a Python expression on c), one a line
ds() {
	python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
c = d["spec"]["template"]["spec"]["containers"][0]
v = eval(sys.argv[2])
print("\n".join(v) if isinstance(v, list) else v)' "$DS" "$1"
}

# a program that runs again and again on the host until the test ends
host_workload() {
	PROG=$(unique_copy /bin/true sgimg)
	bash -c "for i in \$(seq 600); do '$PROG'; sleep 0.1; done" >/dev/null 2>&1 &
	WORKLOAD=$!
}

teardown() {
	[ -n "${WORKLOAD:-}" ] && kill "$WORKLOAD" 2>/dev/null
	[ -n "${POD:-}" ] && podman --runtime runc pod rm -f "$POD" >/dev/null 2>&1
	return 0
}

@test "make image: FROM scratch, the static binary alone, /sysgrep as entrypoint" {
	need_image
	run pm image inspect "$IMAGE" --format '{{json .Config.Entrypoint}} {{len .RootFS.Layers}}'
	[ "$status" -eq 0 ]
	[ "$output" = '["/sysgrep"] 1' ]
	local ctr mnt
	ctr=$(buildah from "$IMAGE")
	mnt=$(buildah mount "$ctr")
	run bash -c "cd '$mnt' && find . -mindepth 1 | sort"
	buildah rm "$ctr" >/dev/null
	[ "$output" = ./sysgrep ]
	run pm run --rm "$IMAGE" --version
	[ "$status" -eq 0 ]
	[[ "$output" == sysgrep* ]]
}

@test "podman run with the DaemonSet's capabilities and mounts (no privileged) prints host events as JSON Lines" {
	need_image
	require_bpf
	command -v python3 >/dev/null && python3 -c 'import yaml' || skip "no python3-yaml to read the DaemonSet"
	local caps=() c
	for c in $(ds 'c["securityContext"]["capabilities"]["add"]'); do caps+=(--cap-add "CAP_$c"); done
	[ "${#caps[@]}" -eq 8 ]
	[ "$(ds 'c["securityContext"]["privileged"]')" = False ]
	# the runtime's default seccomp profile, with bpf(2) and perf_event_open(2)
	# allowed without CAP_SYS_ADMIN: stricter than Unconfined
	local seccomp=unconfined
	if [ -r /usr/share/containers/seccomp.json ]; then
		seccomp=$BATS_TEST_TMPDIR/seccomp.json
		jq '.syscalls |= map(.names -= ["bpf", "perf_event_open"] | select(.names | length > 0))
			| .syscalls += [{"names": ["bpf", "perf_event_open"], "action": "SCMP_ACT_ALLOW", "args": []}]' \
			/usr/share/containers/seccomp.json >"$seccomp"
	fi
	host_workload
	local out=$BATS_TEST_TMPDIR/out.jsonl
	run pm run --rm --pid=host --network=host --cap-drop=all "${caps[@]}" \
		--security-opt no-new-privileges --security-opt seccomp="$seccomp" --read-only \
		-v /sys/kernel/btf:/sys/kernel/btf:ro -v /proc:/proc:ro \
		-v /etc/passwd:/etc/passwd:ro -v /etc/group:/etc/group:ro \
		"$IMAGE" -o json -n 1 -t 30s "evt.type=execve and proc.name=$(basename "$PROG")"
	echo "$output"
	[ "$status" -eq 0 ]
	# the host's process: its pid is the host's, its user resolved from the host's /etc/passwd
	jq -e -s --arg path "$PROG" 'length == 1 and (.[0] | .["proc.exepath"] == $path and .["user.uid"] == 0)' <<<"$output"
	# and without CAP_BPF it cannot load, and says so
	run pm run --rm --pid=host --cap-drop=all --cap-add CAP_PERFMON --security-opt seccomp="$seccomp" \
		-v /sys/kernel/btf:/sys/kernel/btf:ro "$IMAGE" -t 1s 'evt.type=execve'
	[ "$status" -eq 2 ]
	[[ "$output" == *CAP_BPF* ]]
}

@test "podman kube play of the DaemonSet's pod template: the host's events in the pod's log" {
	need_image
	require_bpf
	command -v python3 >/dev/null && python3 -c 'import yaml' || skip "no python3-yaml to read the DaemonSet"
	command -v catatonit >/dev/null || [ -x /usr/libexec/podman/catatonit ] || skip "no catatonit for podman's pause container"
	POD=sysgrep-bats-$$
	# a DaemonSet is not playable as is: its pod template, as a Pod, with this image
	python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
t = d["spec"]["template"]
t["metadata"]["name"] = sys.argv[2]
t["spec"]["containers"][0]["image"] = sys.argv[3]
yaml.safe_dump({"apiVersion": "v1", "kind": "Pod", "metadata": t["metadata"], "spec": t["spec"]}, sys.stdout)' \
		"$DS" "$POD" "$IMAGE" >"$BATS_TEST_TMPDIR/pod.yaml"
	host_workload
	# (kube play looks for a build context named like the image in its cwd)
	run bash -c "cd '$BATS_TEST_TMPDIR' && podman --runtime runc kube play pod.yaml"
	echo "$output"
	[ "$status" -eq 0 ]
	local ctr=$POD-sysgrep i found=0
	for i in $(seq 60); do
		if pm logs "$ctr" 2>/dev/null | grep -qF "\"proc.exepath\":\"$PROG\""; then found=1; break; fi
		sleep 1
	done
	pm logs "$ctr" 2>&1 | grep -v '^{' | head -5
	[ "$found" -eq 1 ]
	# every line of its stdout is one JSON record
	pm logs "$ctr" 2>/dev/null | head -n 50 | jq -e -s 'length > 0 and all(.[]; .["evt.type"] | type == "string")'
	# not privileged: exactly the DaemonSet's capabilities
	run pm inspect "$ctr" --format '{{json .EffectiveCaps}} {{.HostConfig.Privileged}} {{.HostConfig.ReadonlyRootfs}}'
	[ "$output" = '["CAP_BPF","CAP_DAC_READ_SEARCH","CAP_PERFMON","CAP_SYS_PTRACE"] false true' ]
}
