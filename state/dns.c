/*
 * Names of addresses for fd.cip.name, fd.sip.name, fd.lip.name and
 * fd.rip.name, as libs has them: a filter that compares one of these with
 * a name has that name resolved when it is compiled (here with c-ares:
 * the hosts file first, then DNS; CARES_HOSTS names another hosts file),
 * and an event's address then has the names whose addresses include it.
 * Only names a filter mentioned are ever known: nothing is looked up
 * backwards, and nothing is resolved on the event path.  The table is
 * filled before the first event and only read after, so it takes no lock.
 */
#include <arpa/inet.h>
#include <ares.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "state/state_int.h"

#define SG_DNS_MAX_NAMES 256
#define SG_DNS_MAX_ADDRS 64 /* per name */
#define SG_DNS_NAME_MAX 253 /* the longest DNS name */

struct dns_name {
	char name[SG_DNS_NAME_MAX + 1];
	uint32_t naddrs;
	struct sg_ipaddr addrs[SG_DNS_MAX_ADDRS];
};

static struct dns_name names[SG_DNS_MAX_NAMES];
static uint32_t nnames;

static void add_addr(struct dns_name *d, int family, const void *addr)
{
	struct sg_ipaddr ip = {.family = family == AF_INET ? 4 : 6};
	memcpy(ip.addr, addr, family == AF_INET ? 4 : 16);
	if (ip.family == 6 && IN6_IS_ADDR_V4MAPPED((const struct in6_addr *)addr)) {
		ip.family = 4; /* as the fd fields give an IPv4 peer of an IPv6 socket */
		memmove(ip.addr, ip.addr + 12, 4);
		memset(ip.addr + 4, 0, 12);
	}
	for (uint32_t i = 0; i < d->naddrs; i++)
		if (!memcmp(&d->addrs[i], &ip, sizeof(ip)))
			return;
	if (d->naddrs < SG_DNS_MAX_ADDRS)
		d->addrs[d->naddrs++] = ip;
}

struct lookup {
	struct dns_name *d;
	int status;
	bool done;
};

static void on_addrinfo(void *arg, int status, int timeouts, struct ares_addrinfo *res)
{
	struct lookup *l = arg;
	(void)timeouts;
	l->status = status;
	l->done = true;
	for (struct ares_addrinfo_node *n = res ? res->nodes : NULL; n; n = n->ai_next) {
		if (n->ai_family == AF_INET && n->ai_addrlen >= sizeof(struct sockaddr_in))
			add_addr(l->d, AF_INET, &((struct sockaddr_in *)n->ai_addr)->sin_addr);
		else if (n->ai_family == AF_INET6 && n->ai_addrlen >= sizeof(struct sockaddr_in6))
			add_addr(l->d, AF_INET6, &((struct sockaddr_in6 *)n->ai_addr)->sin6_addr);
	}
	if (res)
		ares_freeaddrinfo(res);
}

/* Run the channel until the lookup is done (c-ares bounds it: timeouts,
 * tries).  select() is enough: at compile time few fds are open. */
static void run(ares_channel ch, struct lookup *l)
{
	while (!l->done) {
		fd_set r, w;
		FD_ZERO(&r);
		FD_ZERO(&w);
		int nfds = ares_fds(ch, &r, &w);
		if (nfds == 0)
			break;
		struct timeval tv, *tvp = ares_timeout(ch, NULL, &tv);
		if (select(nfds, &r, &w, NULL, tvp) < 0)
			break;
		ares_process(ch, &r, &w);
	}
}

static int resolve(struct dns_name *d, const char **err)
{
	static bool lib_ready;
	if (!lib_ready && ares_library_init(ARES_LIB_INIT_ALL) != ARES_SUCCESS) {
		*err = "the resolver library did not start";
		return -1;
	}
	lib_ready = true;
	struct ares_options opts;
	memset(&opts, 0, sizeof(opts));
	opts.timeout = 2000; /* ms a try; compile time, not the event path */
	opts.tries = 2;
	opts.lookups = (char *)"fb"; /* the hosts file, then DNS */
	ares_channel ch;
	if (ares_init_options(&ch, &opts, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_LOOKUPS) !=
	    ARES_SUCCESS) {
		*err = "the resolver could not start (see /etc/resolv.conf)";
		return -1;
	}
	struct ares_addrinfo_hints hints;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_flags = ARES_AI_ENVHOSTS; /* CARES_HOSTS may name another hosts file */
	struct lookup l = {.d = d, .status = ARES_ENOTFOUND};
	ares_getaddrinfo(ch, d->name, NULL, &hints, on_addrinfo, &l);
	run(ch, &l);
	ares_destroy(ch);
	if (d->naddrs)
		return 0;
	*err = ares_strerror(l.status);
	return -1;
}

int sg_dns_want(const char *name, size_t len, const char **err)
{
	*err = NULL;
	if (len == 0 || len > SG_DNS_NAME_MAX || memchr(name, '\0', len)) {
		*err = "not a host name";
		return -1;
	}
	for (uint32_t i = 0; i < nnames; i++)
		if (strlen(names[i].name) == len && !memcmp(names[i].name, name, len))
			return names[i].naddrs ? 0 : -1;
	if (nnames == SG_DNS_MAX_NAMES) {
		*err = "too many names in one filter (at most 256)";
		return -1;
	}
	struct dns_name *d = &names[nnames++];
	memset(d, 0, sizeof(*d));
	memcpy(d->name, name, len);
	return resolve(d, err);
}

const char *sg_dns_name_nth(const struct sg_ipaddr *ip, int n)
{
	size_t alen = ip->family == 4 ? 4 : 16;
	for (uint32_t i = 0; i < nnames; i++) {
		const struct dns_name *d = &names[i];
		for (uint32_t k = 0; k < d->naddrs; k++) {
			if (d->addrs[k].family == ip->family && !memcmp(d->addrs[k].addr, ip->addr, alen)) {
				if (--n == 0)
					return d->name;
				break;
			}
		}
	}
	return NULL;
}

void sg_dns_forget(void)
{
	nnames = 0;
}
