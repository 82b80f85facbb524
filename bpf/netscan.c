/*
 * The sockets of this network namespace from /proc/net (tcp, tcp6, udp,
 * udp6, raw, raw6, unix, netlink), keyed by inode, so a scanned fd link
 * "socket:[ino]" gets its tuple and name.  Read once per scan.
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "bpf/state_int.h"

#define TCP_LISTEN_STATE 10

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	return x;
}

static struct sg_sockent *find_slot(struct sg_sockent *v, size_t cap, uint64_t ino)
{
	size_t i = mix(ino) & (cap - 1);
	while (v[i].ino && v[i].ino != ino)
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static bool ensure_room(struct sg_sockmap *m)
{
	if (m->cap && (m->n + 1) * 2 <= m->cap)
		return true;
	size_t cap = m->cap ? m->cap * 2 : 256;
	struct sg_sockent *v = calloc(cap, sizeof(*v));
	if (!v)
		return false;
	for (size_t i = 0; i < m->cap; i++)
		if (m->v[i].ino)
			*find_slot(v, cap, m->v[i].ino) = m->v[i];
	free(m->v);
	m->v = v;
	m->cap = cap;
	return true;
}

static struct sg_sockent *add(struct sg_sockmap *m, uint64_t ino)
{
	if (!ino || !ensure_room(m))
		return NULL;
	struct sg_sockent *s = find_slot(m->v, m->cap, ino);
	if (s->ino)
		return NULL; /* listed twice: keep the first */
	s->ino = ino;
	m->n++;
	return s;
}

const struct sg_sockent *sg_sockmap_get(const struct sg_sockmap *m, uint64_t ino)
{
	if (!m->cap || !ino)
		return NULL;
	const struct sg_sockent *s = find_slot(m->v, m->cap, ino);
	return s->ino ? s : NULL;
}

void sg_sockmap_free(struct sg_sockmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].path);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* "0100007F:0016": the kernel prints each 32-bit word of the address as it
 * sits in memory, read as a host-order number. */
static bool parse_endpoint(const char *s, int v6, uint8_t addr[16], uint16_t *port)
{
	int words = v6 ? 4 : 1;
	for (int w = 0; w < words; w++) {
		char hex[9];
		memcpy(hex, s + w * 8, 8);
		hex[8] = 0;
		char *end;
		uint32_t x = (uint32_t)strtoul(hex, &end, 16);
		if (end != hex + 8)
			return false;
		memcpy(addr + w * 4, &x, 4);
	}
	const char *colon = s + words * 8;
	if (*colon != ':')
		return false;
	*port = (uint16_t)strtoul(colon + 1, NULL, 16);
	return true;
}

static void load_inet(struct sg_sockmap *m, const char *file, int family, int proto)
{
	FILE *f = fopen(file, "re");
	if (!f)
		return;
	char line[512], local[64], remote[64];
	unsigned st;
	unsigned long long ino;
	int v6 = family == AF_INET6;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, " %*d: %63s %63s %x %*s %*s %*s %*u %*u %llu", local, remote,
			   &st, &ino) != 4)
			continue;
		struct sg_tuple t = {.family = (uint8_t)family, .l4proto = (uint8_t)proto};
		if (!parse_endpoint(local, v6, t.laddr, &t.lport) ||
		    !parse_endpoint(remote, v6, t.raddr, &t.rport))
			continue;
		t.state = (uint8_t)st;
		t.type = proto == IPPROTO_TCP ? SOCK_STREAM
			 : proto == IPPROTO_UDP ? SOCK_DGRAM : SOCK_RAW;
		struct sg_sockent *s = add(m, ino);
		if (!s)
			continue;
		s->t = t;
		/* a UDP socket bound but not connected serves whoever sends */
		s->listening = proto == IPPROTO_TCP ? st == TCP_LISTEN_STATE
						    : t.rport == 0 && t.lport != 0;
	}
	fclose(f);
}

static void load_unix(struct sg_sockmap *m)
{
	FILE *f = fopen("/proc/net/unix", "re");
	if (!f)
		return;
	char line[PATH_MAX + 128];
	unsigned type, st;
	unsigned long long ino;
	int off;
	while (fgets(line, sizeof(line), f)) {
		unsigned flags;
		if (sscanf(line, "%*s %*s %*s %x %x %x %llu%n", &flags, &type, &st, &ino,
			   &off) != 4)
			continue;
		struct sg_sockent *s = add(m, ino);
		if (!s)
			continue;
		s->t.family = AF_UNIX;
		s->t.type = (uint8_t)type;
		s->t.state = (uint8_t)st;
		char *path = line + off;
		path += strspn(path, " ");
		path[strcspn(path, "\n")] = 0;
		if (*path)
			s->path = strdup(path);
		/* __SO_ACCEPTCON in Flags marks a listening socket */
		s->listening = (flags & 0x10000) != 0;
	}
	fclose(f);
}

static void load_netlink(struct sg_sockmap *m)
{
	FILE *f = fopen("/proc/net/netlink", "re");
	if (!f)
		return;
	char line[512];
	unsigned proto;
	unsigned long long ino;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*s %u %*s %*s %*s %*s %*s %*s %*s %llu", &proto, &ino) != 2)
			continue;
		struct sg_sockent *s = add(m, ino);
		if (s) {
			s->t.family = AF_NETLINK;
			s->t.l4proto = (uint8_t)proto;
		}
	}
	fclose(f);
}

/* Mark the connected TCP sockets whose local port is listening: they were
 * accepted, so this end is the server (sysdig guesses roles the same way). */
static void guess_servers(struct sg_sockmap *m)
{
	uint8_t *ports = calloc(65536 / 8, 1);
	if (!ports)
		return;
	for (size_t i = 0; i < m->cap; i++) {
		const struct sg_sockent *l = &m->v[i];
		if (l->ino && l->listening && l->t.l4proto == IPPROTO_TCP)
			ports[l->t.lport / 8] |= (uint8_t)(1u << (l->t.lport % 8));
	}
	for (size_t i = 0; i < m->cap; i++) {
		struct sg_sockent *c = &m->v[i];
		if (c->ino && c->t.l4proto == IPPROTO_TCP && c->t.rport &&
		    (ports[c->t.lport / 8] & (1u << (c->t.lport % 8))))
			c->server = true;
	}
	free(ports);
}

int sg_sockmap_load(struct sg_sockmap *m)
{
	sg_sockmap_free(m);
	load_inet(m, "/proc/net/tcp", AF_INET, IPPROTO_TCP);
	load_inet(m, "/proc/net/tcp6", AF_INET6, IPPROTO_TCP);
	load_inet(m, "/proc/net/udp", AF_INET, IPPROTO_UDP);
	load_inet(m, "/proc/net/udp6", AF_INET6, IPPROTO_UDP);
	load_inet(m, "/proc/net/raw", AF_INET, IPPROTO_RAW);
	load_inet(m, "/proc/net/raw6", AF_INET6, IPPROTO_RAW);
	load_unix(m);
	load_netlink(m);
	guess_servers(m);
	return 0;
}
