#!/usr/bin/env bash
# The benchmark's own set-up (make bench runs it; make test never does):
# the peers sysgrep is measured against, installed from Debian's packages
# when missing, and tracefs mounted for bpftrace's tracepoints.  A peer
# that still cannot run is not an error: run.sh lists it with the reason.
#
#   bpftrace        bpftrace one-liners
#   libbpf-tools    syscount, opensnoop, execsnoop, tcpconnect
#   linux-perf      perf trace
#   strace          strace -f -c
#   jq              the results file (tests/bench/results/*.json)
set -u

# package:command pairs; a package is installed only if its command is missing
PEERS="bpftrace:bpftrace libbpf-tools:syscount linux-perf:perf strace:strace jq:jq"

missing=
for pc in $PEERS; do
	command -v "${pc#*:}" > /dev/null 2>&1 || [ -x "/usr/sbin/${pc#*:}" ] ||
		missing="$missing ${pc%%:*}"
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null 2>&1; then
		echo "bench: setup: missing$missing (install them as root with apt-get)" >&2
	else
		echo "bench: setup: installing$missing" >&2
		# another apt may hold the lock for a while: retry, then give up
		for try in 1 2 3 4 5 6; do
			DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
				$missing > /dev/null 2>&1 && break
			[ "$try" -eq 1 ] && apt-get update > /dev/null 2>&1
			sleep 10
		done
	fi
fi

# bpftrace's tracepoints (and perf trace's) need tracefs
if [ ! -d /sys/kernel/tracing/events ] && [ "$(id -u)" -eq 0 ]; then
	mount -t tracefs nodev /sys/kernel/tracing 2> /dev/null ||
		echo "bench: setup: cannot mount tracefs on /sys/kernel/tracing" >&2
fi
exit 0
