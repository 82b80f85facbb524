/*
 * Names of addresses for fd.cip.name, fd.sip.name, fd.lip.name and
 * fd.rip.name, as libs has them: a filter that compares one of these with
 * a name has that name resolved when it is compiled (here with c-ares:
 * the hosts file first, then DNS; CARES_HOSTS names another hosts file),
 * and an event's address then has the names whose addresses include it.
 * Only names a filter mentioned are ever known: nothing is looked up
 * backwards, and nothing is resolved on the event path.  Names are added
 * before the first event; from the first event on, a thread resolves them
 * again every SG_DNS_REFRESH_S seconds (records change: libs refreshes too)
 * and swaps the new addresses in under the lock the event path takes for
 * its lookups (uncontended but for one copy per name and refresh).  A
 * refresh that finds no address keeps the old ones: a resolver that is
 * down for a moment must not make every comparison false.
 */
#include <arpa/inet.h>
#include <ares.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "state/state_int.h"

#define SG_DNS_MAX_NAMES 256
#define SG_DNS_MAX_ADDRS 64 /* per name */
#define SG_DNS_NAME_MAX 253 /* the longest DNS name */
#define SG_DNS_REFRESH_S 30

struct dns_name {
	char name[SG_DNS_NAME_MAX + 1];
	uint32_t naddrs;
	struct sg_ipaddr addrs[SG_DNS_MAX_ADDRS];
};

static struct dns_name names[SG_DNS_MAX_NAMES];
static uint32_t nnames;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pthread_t refresher;
static bool refreshing, stop_refresh, resched;
static unsigned refresh_s = SG_DNS_REFRESH_S;

void sg_dns_set_refresh(unsigned seconds)
{
	pthread_mutex_lock(&mu);
	refresh_s = seconds ? seconds : SG_DNS_REFRESH_S;
	resched = true; /* a waiting refresher counts from now with it */
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&mu);
}

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
	/* before the first event: the refresher is not running yet */
	struct dns_name *d = &names[nnames];
	memset(d, 0, sizeof(*d));
	memcpy(d->name, name, len);
	int rc = resolve(d, err);
	pthread_mutex_lock(&mu);
	nnames++;
	pthread_mutex_unlock(&mu);
	return rc;
}

/* Resolve every name again, each outside the lock, its new addresses
 * copied in under it. */
static void refresh_all(void)
{
	static struct dns_name tmp;
	pthread_mutex_lock(&mu);
	uint32_t n = nnames;
	pthread_mutex_unlock(&mu);
	for (uint32_t i = 0; i < n; i++) {
		const char *err;
		pthread_mutex_lock(&mu);
		if (stop_refresh) {
			pthread_mutex_unlock(&mu);
			return;
		}
		memset(&tmp, 0, sizeof(tmp));
		memcpy(tmp.name, names[i].name, sizeof(tmp.name));
		pthread_mutex_unlock(&mu);
		if (resolve(&tmp, &err) < 0)
			continue;
		pthread_mutex_lock(&mu);
		names[i].naddrs = tmp.naddrs;
		memcpy(names[i].addrs, tmp.addrs, sizeof(tmp.addrs[0]) * tmp.naddrs);
		pthread_mutex_unlock(&mu);
	}
}

static void *refresh_loop(void *arg)
{
	(void)arg;
	for (;;) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		pthread_mutex_lock(&mu);
		until.tv_sec += refresh_s;
		int rc = 0;
		while (!stop_refresh && !resched && rc == 0)
			rc = pthread_cond_timedwait(&cv, &mu, &until);
		bool stop = stop_refresh, again = resched;
		resched = false;
		pthread_mutex_unlock(&mu);
		if (stop)
			return NULL;
		if (!again)
			refresh_all();
	}
}

/* Called with mu held, on the first lookup of a run. */
static void start_refresh(void)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old); /* signals stay the main loop's */
	refreshing = pthread_create(&refresher, NULL, refresh_loop, NULL) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

const char *sg_dns_name_nth(const struct sg_ipaddr *ip, int n)
{
	size_t alen = ip->family == 4 ? 4 : 16;
	const char *found = NULL;
	pthread_mutex_lock(&mu);
	if (!refreshing && !stop_refresh && nnames)
		start_refresh();
	for (uint32_t i = 0; i < nnames && !found; i++) {
		const struct dns_name *d = &names[i];
		for (uint32_t k = 0; k < d->naddrs; k++) {
			if (d->addrs[k].family == ip->family && !memcmp(d->addrs[k].addr, ip->addr, alen)) {
				if (--n == 0)
					found = d->name; /* names never change once added */
				break;
			}
		}
	}
	pthread_mutex_unlock(&mu);
	return found;
}

void sg_dns_forget(void)
{
	pthread_mutex_lock(&mu);
	stop_refresh = true;
	pthread_cond_signal(&cv);
	bool join = refreshing;
	pthread_mutex_unlock(&mu);
	if (join)
		pthread_join(refresher, NULL);
	pthread_mutex_lock(&mu);
	refreshing = stop_refresh = false;
	nnames = 0;
	pthread_mutex_unlock(&mu);
}
