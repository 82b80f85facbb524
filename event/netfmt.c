/*
 * Text of addresses and socket tuples, the same for events and for state
 * (fd names are built from tuples): "1.2.3.4:5->6.7.8.9:10", "[::1]:80".
 */
#include "event/netfmt.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "event/abi.h"

static const uint8_t v4mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

/* family: 4 / AF_INET or 6 / AF_INET6 (struct sg_ipaddr uses 4 and 6). */
static int is_v6(int family)
{
	return family == 6 || family == AF_INET6;
}

void sg_render_ip(struct sg_strbuf *b, int family, const uint8_t *addr)
{
	char text[INET6_ADDRSTRLEN];

	if (!is_v6(family)) {
		for (int i = 0; i < 4; i++) {
			if (i)
				sg_sb_putc(b, '.');
			sg_sb_u64(b, addr[i]);
		}
		return;
	}
	/* sysdig shows v4-mapped addresses as the IPv4 address they carry */
	if (memcmp(addr, v4mapped, sizeof(v4mapped)) == 0) {
		sg_render_ip(b, AF_INET, addr + 12);
		return;
	}
	if (inet_ntop(AF_INET6, addr, text, sizeof(text)))
		sg_sb_puts(b, text);
}

/* "1.2.3.4:80" or "[::1]:80" ("::ffff:1.2.3.4" counts as IPv4). */
static void render_endpoint(struct sg_strbuf *b, int family, const uint8_t *addr,
			    unsigned port)
{
	int bracket = is_v6(family) && memcmp(addr, v4mapped, sizeof(v4mapped)) != 0;

	if (bracket)
		sg_sb_putc(b, '[');
	sg_render_ip(b, family, addr);
	sg_sb_puts(b, bracket ? "]:" : ":");
	sg_sb_u64(b, port);
}

uint32_t sg_strnlen32(const char *s, uint32_t n)
{
	const char *nul = s ? memchr(s, 0, n) : NULL;
	return s ? (nul ? (uint32_t)(nul - s) : n) : 0;
}

size_t sg_unix_name(char out[SG_UNIX_NAME_MAX], const char *a, size_t n)
{
	if (!a || !n)
		return 0;
	if (n > SG_UNIX_NAME_MAX)
		n = SG_UNIX_NAME_MAX; /* sun_path: the kernel takes no more */
	if (a[0]) {
		size_t len = sg_strnlen32(a, (uint32_t)n);
		memcpy(out, a, len);
		return len;
	}
	out[0] = '@';
	for (size_t i = 1; i < n; i++)
		out[i] = a[i] ? a[i] : '@';
	return n;
}

/*
 * server_first: the local end is the server (an accepted or listening
 * socket).  sysdig always prints client->server, so then the remote end
 * comes first; otherwise local->remote.
 */
void sg_render_tuple(struct sg_strbuf *b, const struct sg_tuple *t, bool server_first,
		     const char *unix_path, uint32_t unix_len)
{
	if (t->family == AF_UNIX) {
		uint64_t src, dst;
		memcpy(&src, t->laddr, sizeof(src));
		memcpy(&dst, t->raddr, sizeof(dst));
		sg_sb_hex64(b, src);
		sg_sb_puts(b, "->");
		sg_sb_hex64(b, dst);
		char name[SG_UNIX_NAME_MAX];
		size_t n = sg_unix_name(name, unix_path, unix_len);
		if (n) {
			sg_sb_putc(b, ' ');
			sg_sb_put(b, name, n);
		}
		return;
	}
	if (t->family != AF_INET && t->family != AF_INET6)
		return;
	if (server_first) {
		render_endpoint(b, t->family, t->raddr, t->rport);
		sg_sb_puts(b, "->");
		render_endpoint(b, t->family, t->laddr, t->lport);
		return;
	}
	render_endpoint(b, t->family, t->laddr, t->lport);
	sg_sb_puts(b, "->");
	render_endpoint(b, t->family, t->raddr, t->rport);
}

/* A struct sockaddr as the program passed it: network byte order. */
void sg_render_sockaddr(struct sg_strbuf *b, const uint8_t *d, uint32_t len)
{
	uint16_t family, port;

	if (len < sizeof(family)) {
		sg_sb_puts(b, "NULL");
		return;
	}
	memcpy(&family, d, sizeof(family));
	if (family == AF_INET && len >= 8) {
		memcpy(&port, d + 2, sizeof(port));
		render_endpoint(b, AF_INET, d + 4, ntohs(port));
	} else if (family == AF_INET6 && len >= 24) {
		memcpy(&port, d + 2, sizeof(port));
		render_endpoint(b, AF_INET6, d + 8, ntohs(port));
	} else if (family == AF_UNIX) {
		char name[SG_UNIX_NAME_MAX];
		sg_sb_put(b, name, sg_unix_name(name, (const char *)d + 2, len - 2));
	} else if (family == AF_UNSPEC) {
		sg_sb_puts(b, "NULL");
	} else {
		sg_sb_printf(b, "family %u", family);
	}
}
