/*
 * Names of addresses (state/dns.c) and the fd.*ip.name fields: names from
 * a hosts file of the test's own (CARES_HOSTS), their addresses, their
 * order, IPv4-mapped IPv6 peers, and the values the fields give to the
 * filter (any-of, an empty value for an address no name has) and to the
 * output (missing then).  No network is needed.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "event/diag.h"
#include "event/syscalls.h"
#include "extract/fieldget.h"
#include "state/state.h"
#include "t.h"

static struct sg_ipaddr ip4(const char *s)
{
	struct sg_ipaddr ip = {.family = 4};
	inet_pton(AF_INET, s, ip.addr);
	return ip;
}

static void test_table(void)
{
	const char *err;
	T_OK(sg_dns_want("sgserver.test", 13, &err) == 0, "a hosts-file name resolves");
	T_OK(sg_dns_want("sgalias.test", 12, &err) == 0, "its alias too");
	T_OK(sg_dns_want("sgsix.test", 10, &err) == 0, "an IPv6 name");
	T_OK(sg_dns_want("nowhere.invalid", 15, &err) < 0 && err, "an unknown name: -1 and why (%s)",
	     err ? err : "");
	T_OK(sg_dns_want("", 0, &err) < 0, "an empty name is refused");
	char big[300];
	memset(big, 'a', sizeof(big));
	T_OK(sg_dns_want(big, sizeof(big), &err) < 0, "a 300-byte name is refused");
	T_OK(sg_dns_want("sgserver.test", 13, &err) == 0, "a name given twice is kept once");

	struct sg_ipaddr a = ip4("127.0.0.3");
	T_STREQ(sg_dns_name_nth(&a, 1), "sgserver.test", "127.0.0.3: first name in filter order");
	T_STREQ(sg_dns_name_nth(&a, 2), "sgalias.test", "127.0.0.3: second name");
	T_OK(sg_dns_name_nth(&a, 3) == NULL, "127.0.0.3: no third name (no duplicate)");
	struct sg_ipaddr b = ip4("127.0.0.9");
	T_OK(sg_dns_name_nth(&b, 1) == NULL, "an address no name has: none");
	struct sg_ipaddr six = {.family = 6};
	inet_pton(AF_INET6, "fd00::7", six.addr);
	T_STREQ(sg_dns_name_nth(&six, 1), "sgsix.test", "an IPv6 address");
	struct sg_ipaddr mapped = ip4("127.0.0.5");
	T_STREQ(sg_dns_name_nth(&mapped, 1), "sgsix.test",
		"a name listed with ::ffff:127.0.0.5 has the IPv4 address");
}

/* ---- the fields over a seeded socket ------------------------------------ */

static struct sg_state *st;
static struct sg_arena arena;
static struct sg_event ev;

static void sock_event(const char *laddr, uint16_t lport, const char *raddr, uint16_t rport,
		       bool server)
{
	static uint32_t pid = 4195000;
	pid++;
	struct sg_proc_seed ps = {.pid = pid, .ppid = 1, .vpid = pid, .comm = "cli"};
	struct sg_proc *p = sg_state_seed_proc(st, &ps);
	struct sg_tuple t = {.family = AF_INET, .l4proto = 6, .type = SOCK_STREAM,
			     .lport = lport, .rport = rport};
	inet_pton(AF_INET, laddr, t.laddr);
	inet_pton(AF_INET, raddr, t.raddr);
	struct sg_fd_seed fs = {.num = 5, .type = SG_FDT_IPV4, .is_server = server, .tuple = &t};
	struct sg_fd *f = sg_state_seed_fd(st, pid, &fs);
	memset(&ev, 0, sizeof(ev));
	ev.kind = SG_EV_SYSCALL;
	ev.def = sg_syscall_by_name("connect", NULL);
	ev.pid = ev.tid = pid;
	ev.proc = p;
	ev.state = st;
	ev.fd = f;
	ev.fdnum = f ? 5 : -1;
}

static const char *val(const char *name, int n)
{
	static char out[512];
	struct sg_fieldref ref;
	struct sg_diag d = {0};
	sg_arena_reset(&arena);
	if (sg_fieldref_parse(name, name, &ref, &d) != (int)strlen(name))
		return "<parse error>";
	struct sg_value v;
	bool ok = n ? sg_field_get_nth(&ev, &ref, n, &v, &arena) : sg_field_get(&ev, &ref, &v, &arena);
	if (!ok)
		return NULL;
	snprintf(out, sizeof(out), "%.*s", (int)v.s.len, v.s.p);
	return out;
}

static void want(const char *name, int n, const char *w)
{
	const char *g = val(name, n);
	if (!w) {
		if (!T_OK(g == NULL, "%s #%d is absent", name, n))
			t_note("got '%s'", g);
		return;
	}
	T_STREQ(g, w, "%s #%d = '%s'", name, n, w);
}

static void test_fields(void)
{
	/* the client's connect: local 127.0.0.2, remote the server 127.0.0.3 */
	sock_event("127.0.0.2", 40000, "127.0.0.3", 8080, false);
	if (!T_OK(ev.fd != NULL, "seeded socket"))
		return;
	want("fd.sip.name", 0, "sgserver.test");
	want("fd.sip.name", 1, "sgserver.test");
	want("fd.sip.name", 2, "sgalias.test");
	want("fd.sip.name", 3, NULL);
	want("fd.rip.name", 0, "sgserver.test");
	/* the client's address has no name the filter gave */
	want("fd.cip.name", 0, NULL);
	want("fd.cip.name", 1, "");
	want("fd.cip.name", 2, NULL);
	want("fd.lip.name", 1, "");
	/* the server's accepted socket: local is the server */
	sock_event("127.0.0.3", 8080, "127.0.0.2", 40000, true);
	want("fd.lip.name", 0, "sgserver.test");
	want("fd.sip.name", 0, "sgserver.test");
	want("fd.rip.name", 1, "");
	/* no peer (a socket not connected): nothing at all */
	sock_event("127.0.0.3", 8080, "0.0.0.0", 0, true);
	want("fd.sip.name", 0, NULL);
	want("fd.sip.name", 1, NULL);
}

/* A record that changes is seen after a refresh: the hosts file gains a
 * new address for sgserver.test. */
static void test_refresh(const char *path)
{
	struct sg_ipaddr was = ip4("127.0.0.3"), now = ip4("127.0.0.33");
	T_STREQ(sg_dns_name_nth(&was, 1), "sgserver.test", "before: the old address");
	T_OK(sg_dns_name_nth(&now, 1) == NULL, "before: not the new one");
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fputs("127.0.0.33 sgserver.test\n", f);
	fclose(f);
	/* a bound, not a timing: up to 20 s for a 1 s refresh */
	const char *g = NULL;
	for (int i = 0; i < 200 && !(g = sg_dns_name_nth(&now, 1)); i++)
		usleep(100000);
	T_STREQ(g, "sgserver.test", "after a refresh: the new address has the name");
	/* the old address is sgalias.test's alone now (the alias, gone from the
	 * file, keeps what it had) */
	T_STREQ(sg_dns_name_nth(&was, 1), "sgalias.test", "the old address: no longer sgserver.test");
	T_OK(sg_dns_name_nth(&was, 2) == NULL, "and nothing after the alias");
	/* sgsix.test is gone from the file: it keeps its last addresses */
	struct sg_ipaddr six = {.family = 6};
	inet_pton(AF_INET6, "fd00::7", six.addr);
	T_STREQ(sg_dns_name_nth(&six, 1), "sgsix.test", "a name that stops resolving keeps its addresses");
}

int main(void)
{
	char path[] = "/tmp/sg_dns_XXXXXX";
	int fd = mkstemp(path);
	const char *hosts = "127.0.0.3 sgserver.test sgalias.test\n"
			    "fd00::7 sgsix.test\n"
			    "::ffff:127.0.0.5 sgsix.test\n";
	if (fd < 0 || write(fd, hosts, strlen(hosts)) != (ssize_t)strlen(hosts))
		return 1;
	close(fd);
	setenv("CARES_HOSTS", path, 1);
	sg_syscalls_init();
	test_table();
	st = sg_state_new();
	sg_arena_init(&arena, 16384);
	test_fields();
	sg_dns_set_refresh(1);
	test_refresh(path);
	sg_state_free(st);
	sg_arena_free(&arena);
	sg_dns_forget();
	unlink(path);
	return t_done();
}
