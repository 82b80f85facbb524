/*
 * The sockets of this network namespace from /proc/net (tcp, tcp6, udp,
 * udp6, raw, raw6, unix, netlink), keyed by inode, so a scanned fd link
 * "socket:[ino]" gets its tuple and name.  Read once per scan.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "state/state_int.h"

#define TCP_LISTEN_STATE 10
#define UNIX_FILE_MAX (64u * 1024 * 1024)

/* The entry of a new inode.  An inode listed twice is ambiguous (a
 * socket path with a newline can forge a line for another socket's
 * inode): it is kept, marked, so a third listing is caught too, and names
 * nothing. */
static struct sg_sockent *add(struct sg_sockmap *m, uint64_t ino)
{
	bool added;
	struct sg_sockent *s = sg_idmap_put(&m->map, sizeof(*s), ino, &added);
	if (!s || added)
		return s;
	free(s->path);
	memset(s, 0, sizeof(*s));
	s->ino = ino;
	s->ambiguous = true;
	return NULL;
}

const struct sg_sockent *sg_sockmap_get(const struct sg_sockmap *m, uint64_t ino)
{
	const struct sg_sockent *s = sg_idmap_get(&m->map, ino);
	return s && !s->ambiguous ? s : NULL;
}

void sg_sockmap_free(struct sg_sockmap *m)
{
	for (size_t i = 0; i < m->map.cap; i++) {
		struct sg_sockent *s = sg_idmap_at(&m->map, i);
		if (s)
			free(s->path);
	}
	sg_idmap_free(&m->map);
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
		/* a UDP socket bound but not connected serves whoever sends,
		 * unless its port is an ephemeral one (a client the kernel or a
		 * bind to port 0 gave a port): that one is left to the guess */
		s->listening = proto == IPPROTO_TCP ? st == TCP_LISTEN_STATE
						    : t.rport == 0 && t.lport != 0 &&
							      t.lport < SG_EPHEMERAL_PORT_MIN;
	}
	fclose(f);
}

/* Exactly n hex digits (n 0: one to 16), advancing *s past them. */
static bool hex_field(const char **s, const char *end, size_t n, unsigned long long *v)
{
	size_t max = n ? n : 16, i = 0;
	unsigned long long x = 0;
	for (; i < max && *s + i < end; i++) {
		char c = (*s)[i];
		int d = c >= '0' && c <= '9' ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			break;
		x = x << 4 | (unsigned)d;
	}
	if (i == 0 || (n && i != n))
		return false;
	*s += i;
	*v = x;
	return true;
}

static bool sep(const char **s, const char *end, char c)
{
	if (*s >= end || **s != c)
		return false;
	(*s)++;
	return true;
}

struct unix_line {
	unsigned long long flags, type, state, ino;
	const char *path;
	size_t plen;
};

/*
 * One line of /proc/net/unix, exactly as the kernel prints it:
 *   "%pK: %08X %08X %08X %04X %02X %5lu" then " path" when bound.
 * A path is printed raw (a newline in it starts a fake line), so anything
 * that deviates is refused rather than guessed at.
 */
static bool parse_unix_line(const char *s, const char *end, struct unix_line *u)
{
	unsigned long long skip;
	if (!hex_field(&s, end, 0, &skip) || !sep(&s, end, ':') ||
	    !sep(&s, end, ' ') || !hex_field(&s, end, 8, &skip) ||
	    !sep(&s, end, ' ') || !hex_field(&s, end, 8, &skip) ||
	    !sep(&s, end, ' ') || !hex_field(&s, end, 8, &u->flags) ||
	    !sep(&s, end, ' ') || !hex_field(&s, end, 4, &u->type) ||
	    !sep(&s, end, ' ') || !hex_field(&s, end, 2, &u->state) ||
	    !sep(&s, end, ' '))
		return false;
	while (s < end && *s == ' ')
		s++;
	size_t digits = 0;
	u->ino = 0;
	for (; s < end && *s >= '0' && *s <= '9'; s++, digits++) {
		if (u->ino > (UINT64_MAX - 9) / 10)
			return false;
		u->ino = u->ino * 10 + (unsigned)(*s - '0');
	}
	if (!digits || !u->ino)
		return false;
	u->path = NULL;
	u->plen = 0;
	if (s == end)
		return true;
	/* at most sun_path's bytes (abstract: '@' for its NUL, then the rest) */
	if (!sep(&s, end, ' ') || s == end || (size_t)(end - s) > SG_UNIX_ADDR_MAX)
		return false;
	u->path = s;
	u->plen = (size_t)(end - s);
	return memchr(s, 0, u->plen) == NULL;
}

void sg_sockmap_parse_unix(struct sg_sockmap *m, const char *text, size_t len)
{
	const char *end = text + len;
	for (const char *l = text; l < end;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		if (!nl)
			break; /* a line cut by the read bound is not a line */
		struct unix_line u;
		bool ok = parse_unix_line(l, nl, &u);
		l = nl + 1;
		if (!ok)
			continue;
		struct sg_sockent *s = add(m, u.ino);
		if (!s)
			continue;
		s->t.family = AF_UNIX;
		s->t.type = (uint8_t)u.type;
		s->t.state = (uint8_t)u.state;
		if (u.path)
			s->path = strndup(u.path, u.plen);
		/* __SO_ACCEPTCON in Flags marks a listening socket */
		s->listening = (u.flags & 0x10000) != 0;
	}
}

/* A whole /proc file (they have no size), bounded; NULL when unreadable. */
static char *slurp(const char *file, size_t max, size_t *len)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	size_t cap = 64 * 1024, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n == cap) {
			char *b = cap < max ? realloc(buf, cap * 2) : NULL;
			if (!b)
				break;
			buf = b;
			cap *= 2;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return buf;
}

static void load_unix(struct sg_sockmap *m)
{
	size_t len;
	char *text = slurp("/proc/net/unix", UNIX_FILE_MAX, &len);
	if (!text)
		return;
	sg_sockmap_parse_unix(m, text, len);
	free(text);
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
	for (size_t i = 0; i < m->map.cap; i++) {
		const struct sg_sockent *l = sg_idmap_at(&m->map, i);
		if (l && !l->ambiguous && l->listening && l->t.l4proto == IPPROTO_TCP)
			ports[l->t.lport / 8] |= (uint8_t)(1u << (l->t.lport % 8));
	}
	for (size_t i = 0; i < m->map.cap; i++) {
		struct sg_sockent *c = sg_idmap_at(&m->map, i);
		if (c && !c->ambiguous && c->t.l4proto == IPPROTO_TCP && c->t.rport &&
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
