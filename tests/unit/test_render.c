/* Parameter rendering (extract/render.c): sysdig's renderings, errno names,
 * addresses, tuples, markers for cut / unreadable / absent values. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "state/state.h"
#include "event/abi.h"
#include "event/flagtables.h"
#include "extract/render.h"
#include "t.h"

static struct sg_strbuf sb;

static const char *param(const struct sg_event *e, const struct sg_param *p)
{
	sg_sb_reset(&sb);
	sg_render_param(&sb, e, p);
	return sg_sb_cstr(&sb);
}

static const char *plain(const struct sg_event *e, const struct sg_param *p)
{
	sg_sb_reset(&sb);
	sg_render_param_plain(&sb, e, p);
	return sg_sb_cstr(&sb);
}

static const char *resolved(const struct sg_event *e, const struct sg_param *p)
{
	sg_sb_reset(&sb);
	sg_sb_puts(&sb, "x="); /* appends after what is there */
	sg_render_param_resolved(&sb, e, p);
	return sg_sb_cstr(&sb) + 2;
}

static struct sg_param num(const struct sg_param_def *d, int64_t v)
{
	return (struct sg_param){.def = d, .num = v};
}

static struct sg_param data(const struct sg_param_def *d, const void *p, uint32_t len,
			    uint8_t flags)
{
	return (struct sg_param){.def = d, .data = p, .len = len, .flags = SG_PARAM_DATA | flags};
}

static void test_errno(void)
{
	T_STREQ(sg_errno_name(ENOENT), "ENOENT", "errno name ENOENT");
	T_STREQ(sg_errno_name(EACCES), "EACCES", "errno name EACCES");
	T_STREQ(sg_errno_name(EHWPOISON), "EHWPOISON", "errno name of the last one");
	T_STREQ(sg_errno_name(512), "ERESTARTSYS", "kernel-internal ERESTARTSYS");
	T_OK(sg_errno_name(0) == NULL, "errno 0 has no name");
	T_OK(sg_errno_name(-2) == NULL, "negative errno has no name");
	T_OK(sg_errno_name(4000) == NULL, "unknown errno has no name");
	T_OK(sg_errno_value("ENOENT") == ENOENT, "errno value ENOENT");
	T_OK(sg_errno_value("EWOULDBLOCK") == EAGAIN, "alias EWOULDBLOCK");
	T_OK(sg_errno_value("ENOTSUP") == EOPNOTSUPP, "alias ENOTSUP");
	T_OK(sg_errno_value("ERESTARTSYS") == 512, "value of ERESTARTSYS");
	T_OK(sg_errno_value("enoent") == -1, "names are case-sensitive");
	T_OK(sg_errno_value("") == -1 && sg_errno_value(NULL) == -1, "empty / NULL name");
	int bad = 0;
	for (int i = 1; i < 600; i++) {
		const char *n = sg_errno_name(i);
		if (n && sg_errno_value(n) != i)
			bad++;
	}
	T_OK(bad == 0, "every errno name maps back to its value");
}

static void test_ip_tuple(void)
{
	uint8_t v4[16] = {10, 1, 2, 3}, v6[16] = {0}, mapped[16] = {0};
	v6[15] = 1;
	mapped[10] = mapped[11] = 0xff;
	mapped[12] = 192, mapped[13] = 168, mapped[14] = 0, mapped[15] = 7;

	sg_sb_reset(&sb);
	sg_render_ip(&sb, 4, v4);
	T_STREQ(sg_sb_cstr(&sb), "10.1.2.3", "ip v4 (family 4)");
	sg_sb_reset(&sb);
	sg_render_ip(&sb, AF_INET, v4);
	T_STREQ(sg_sb_cstr(&sb), "10.1.2.3", "ip v4 (AF_INET)");
	sg_sb_reset(&sb);
	sg_render_ip(&sb, 6, v6);
	T_STREQ(sg_sb_cstr(&sb), "::1", "ip v6");
	sg_sb_reset(&sb);
	sg_render_ip(&sb, AF_INET6, mapped);
	T_STREQ(sg_sb_cstr(&sb), "192.168.0.7", "v4-mapped v6 shown as v4");

	struct sg_tuple t = {.family = AF_INET, .lport = 41234, .rport = 22};
	memcpy(t.laddr, (uint8_t[]){127, 0, 0, 1}, 4);
	memcpy(t.raddr, (uint8_t[]){127, 0, 0, 2}, 4);
	sg_sb_reset(&sb);
	sg_render_tuple(&sb, &t, false, NULL, 0);
	T_STREQ(sg_sb_cstr(&sb), "127.0.0.1:41234->127.0.0.2:22", "tuple local->remote");
	sg_sb_reset(&sb);
	sg_render_tuple(&sb, &t, true, NULL, 0);
	T_STREQ(sg_sb_cstr(&sb), "127.0.0.2:22->127.0.0.1:41234", "server side: client first");

	struct sg_tuple t6 = {.family = AF_INET6, .lport = 5, .rport = 6};
	t6.laddr[15] = 1;
	t6.raddr[0] = 0xfe, t6.raddr[1] = 0x80, t6.raddr[15] = 2;
	sg_sb_reset(&sb);
	sg_render_tuple(&sb, &t6, false, NULL, 0);
	T_STREQ(sg_sb_cstr(&sb), "[::1]:5->[fe80::2]:6", "tuple v6 with brackets");

	struct sg_tuple tu = {.family = AF_UNIX};
	uint64_t a = 0xffff8881aabb0000ull, b = 0xffff8881ccdd0000ull;
	memcpy(tu.laddr, &a, 8);
	memcpy(tu.raddr, &b, 8);
	sg_sb_reset(&sb);
	sg_render_tuple(&sb, &tu, false, "/run/x.sock\0junk", 16);
	T_STREQ(sg_sb_cstr(&sb), "ffff8881aabb0000->ffff8881ccdd0000 /run/x.sock",
		"unix tuple: socket pointers and path (up to its NUL)");
	sg_sb_reset(&sb);
	sg_render_tuple(&sb, &tu, false, NULL, 0);
	T_STREQ(sg_sb_cstr(&sb), "ffff8881aabb0000->ffff8881ccdd0000", "unix tuple, no path");
}

static void test_numbers(struct sg_event *e)
{
	static const struct sg_param_def res = {"res", SG_PT_ERRNO},
		fd = {"fd", SG_PT_FD}, dirfd = {"dirfd", SG_PT_DIRFD},
		mode = {"mode", SG_PT_MODE}, hex = {"addr", SG_PT_HEX},
		uid = {"uid", SG_PT_UID}, gid = {"gid", SG_PT_GID}, pid = {"pid", SG_PT_PID},
		in = {"n", SG_PT_INT}, un = {"n", SG_PT_UINT},
		flags = {"flags", SG_PT_FLAGS, .table = SG_TBL_OPEN_FLAGS},
		sig = {"sig", SG_PT_SIGNAL, .table = SG_TBL_SIGNALS},
		notable = {"flags", SG_PT_FLAGS};
	struct sg_param p;

	p = num(&res, -2);
	T_STREQ(param(e, &p), "-2(ENOENT)", "res -2 -> -2(ENOENT)");
	T_STREQ(plain(e, &p), "-2", "plain res: the number");
	p = num(&res, 0);
	T_STREQ(param(e, &p), "0", "success res plain");
	p = num(&res, 1234);
	T_STREQ(param(e, &p), "1234", "positive res (a count) plain");
	p = num(&res, -4000);
	T_STREQ(param(e, &p), "-4000", "unknown errno: just the number");
	p = num(&res, -512);
	T_STREQ(param(e, &p), "-512(ERESTARTSYS)", "kernel-internal errno named");

	p = num(&fd, 3);
	T_STREQ(param(e, &p), "3(<f>/etc/passwd)", "fd with a name from the event's fd");
	T_STREQ(plain(e, &p), "3", "plain fd: the number");
	p = num(&fd, 99);
	T_STREQ(param(e, &p), "99", "unknown fd: just the number");
	p = num(&fd, -9);
	T_STREQ(param(e, &p), "-9(EBADF)", "negative fd result: errno");

	p = num(&dirfd, -100);
	T_STREQ(param(e, &p), "-100(AT_FDCWD)", "dirfd AT_FDCWD");
	T_STREQ(plain(e, &p), "-100", "plain dirfd");
	p = num(&dirfd, 3);
	T_STREQ(param(e, &p), "3(<f>/etc/passwd)", "dirfd that is an fd");

	p = num(&mode, 0644);
	T_STREQ(param(e, &p), "0644", "mode in octal");
	p = num(&mode, 0);
	T_STREQ(param(e, &p), "0", "mode 0");
	p = num(&hex, 0x7f00dead);
	T_STREQ(param(e, &p), "0x7f00dead", "hex");
	p = num(&in, -5);
	T_STREQ(param(e, &p), "-5", "int");
	p = num(&un, 5);
	T_STREQ(param(e, &p), "5", "uint");

	p = num(&uid, -1);
	T_STREQ(param(e, &p), "-1(<NONE>)", "uid -1 (unchanged): -1(<NONE>), as libs");
	T_STREQ(plain(e, &p), "-1", "plain uid -1");
	T_STREQ(resolved(e, &p), "<NONE>", "resolved uid -1");
	p = num(&uid, 0xffffffffll);
	T_STREQ(param(e, &p), "-1(<NONE>)", "uid 4294967295 is -1");
	p = num(&uid, 4000000);
	T_STREQ(param(e, &p), "4000000(<NA>)", "uid without a user: <NA>, as libs");
	T_STREQ(resolved(e, &p), "<NA>", "resolved uid without a user");
	p = num(&gid, 4000000);
	T_STREQ(param(e, &p), "4000000(<NA>)", "gid without a group: <NA>");
	p = num(&gid, -1);
	T_STREQ(param(e, &p), "-1(<NONE>)", "gid -1: -1(<NONE>)");
	struct sg_event nostate = *e;
	nostate.state = NULL;
	p = num(&uid, 0);
	T_STREQ(param(&nostate, &p), "0(<NA>)", "no state to name the user: <NA>");
	p = num(&uid, 0);
	T_STREQ(param(e, &p), "0(root)", "uid 0 -> 0(root) from /etc/passwd");
	T_STREQ(plain(e, &p), "0", "plain uid");

	p = num(&pid, 4242);
	T_STREQ(param(e, &p), "4242(bash)", "pid of the event's process -> its comm");
	p = num(&pid, 999999999);
	T_STREQ(param(e, &p), "999999999", "unknown pid: just the number");
	p = num(&pid, -1);
	T_STREQ(param(e, &p), "-1", "pid -1 (kill all)");

	/* open flags are held in Falco's encoding: sysdig's numbers and order */
	p = num(&flags, 4097);
	T_STREQ(param(e, &p), "4097(O_RDONLY|O_CLOEXEC)", "open flags with names");
	T_STREQ(plain(e, &p), "4097", "plain flags: the number");
	p = num(&flags, 262);
	T_STREQ(param(e, &p), "262(O_TRUNC|O_CREAT|O_WRONLY)", "O_TRUNC|O_CREAT|O_WRONLY");
	p = num(&notable, 6);
	T_STREQ(param(e, &p), "6", "flags without a table: just the number");
	p = num(&sig, 9);
	T_STREQ(param(e, &p), "9(SIGKILL)", "signal 9 -> 9(SIGKILL)");

	/* sysdig's evt.arg: the name when there is one */
	p = num(&sig, 9);
	T_STREQ(resolved(e, &p), "SIGKILL", "resolved signal");
	p = num(&flags, 4097);
	T_STREQ(resolved(e, &p), "O_RDONLY|O_CLOEXEC", "resolved flags");
	p = num(&notable, 6);
	T_STREQ(resolved(e, &p), "6", "resolved flags without names: the number");
	p = num(&res, -2);
	T_STREQ(resolved(e, &p), "ENOENT", "resolved errno");
	p = num(&res, 0);
	T_STREQ(resolved(e, &p), "0", "resolved success");
	p = num(&fd, 3);
	T_STREQ(resolved(e, &p), "<f>/etc/passwd", "resolved fd");
	p = num(&dirfd, -100);
	T_STREQ(resolved(e, &p), "AT_FDCWD", "resolved dirfd");
	p = num(&uid, 0);
	T_STREQ(resolved(e, &p), "root", "resolved uid");
	p = num(&mode, 0644);
	T_STREQ(resolved(e, &p), "0644", "resolved mode");

	/* numbers the probe captures (pipe's fds): present, absent, unreadable */
	static const struct sg_param_def fd2 = {"fd2", SG_PT_FD, SG_SRC_CAP, 0, SG_CAP_INT2, 1};
	int32_t pair[2] = {3, 7};
	p = data(&fd2, pair, sizeof(pair), 0);
	T_STREQ(param(e, &p), "7", "captured fd: the second int of the pair");
	p = (struct sg_param){.def = &fd2};
	T_STREQ(param(e, &p), "NULL", "captured fd not sent -> NULL");
	T_STREQ(plain(e, &p), "NULL", "plain: NULL too");
	p = (struct sg_param){.def = &fd2, .flags = SG_PARAM_FAULT};
	T_STREQ(param(e, &p), "<fault>", "captured fd unreadable -> <fault>");
}

static void test_captured(struct sg_event *e)
{
	static const struct sg_param_def path = {"name", SG_PT_PATH},
		str = {"s", SG_PT_STR}, bytes = {"data", SG_PT_BYTES},
		argv = {"args", SG_PT_CHARBUFARRAY}, sa = {"addr", SG_PT_SOCKADDR},
		tup = {"tuple", SG_PT_TUPLE}, raw = {"data", SG_PT_RAW},
		pair = {"fds", SG_PT_FDPAIR};
	struct sg_param p;

	p = data(&path, "/etc/passwd", 11, 0);
	T_STREQ(param(e, &p), "/etc/passwd", "path");
	p = data(&path, "/etc/passwd\0garbage", 19, 0);
	T_STREQ(param(e, &p), "/etc/passwd", "path stops at its NUL");
	p = data(&path, "/very/long", 10, SG_PARAM_TRUNC);
	T_STREQ(param(e, &p), "/very/long...", "truncated path marked with ...");
	T_STREQ(resolved(e, &p), "/very/long...", "resolved path: as rendered");
	T_STREQ(plain(e, &p), "/very/long", "plain: no truncation marker");
	p = (struct sg_param){.def = &path, .flags = SG_PARAM_FAULT};
	T_STREQ(param(e, &p), "<fault>", "unreadable path -> <fault>");
	p = (struct sg_param){.def = &path};
	T_STREQ(param(e, &p), "NULL", "path not captured -> NULL");
	p = data(&str, "a\nb\033[31m", 8, 0);
	T_STREQ(param(e, &p), "a\nb\033[31m", "strings stay raw (formats escape)");

	p = data(&bytes, "GET /\r\n\0\xff", 9, 0);
	T_STREQ(param(e, &p), "GET /....", "buffer: non-printables as '.'");
	p = data(&bytes, "abc", 3, SG_PARAM_TRUNC);
	T_STREQ(param(e, &p), "abc...", "truncated buffer marked with ...");
	char big[1000];
	memset(big, 'x', sizeof(big));
	p = data(&bytes, big, sizeof(big), 0);
	T_OK(strlen(param(e, &p)) == sizeof(big), "long buffer kept whole (1000 bytes)");

	p = data(&argv, "-c\0ls -l\0", 9, 0);
	T_STREQ(param(e, &p), "-c.ls -l.", "argv like sysdig: NULs as '.'");
	T_STREQ(plain(e, &p), "-c ls -l", "plain argv: joined by spaces");
	p = data(&argv, "-c\0ls", 5, 0);
	T_STREQ(param(e, &p), "-c.ls.", "argv without its last NUL renders the same");
	T_STREQ(plain(e, &p), "-c ls", "plain argv without its last NUL");
	p = data(&argv, "", 0, 0);
	T_STREQ(param(e, &p), "", "empty argv");

	uint8_t sin[16] = {0};
	uint16_t fam = AF_INET, port = htons(8080);
	memcpy(sin, &fam, 2);
	memcpy(sin + 2, &port, 2);
	memcpy(sin + 4, (uint8_t[]){192, 168, 1, 9}, 4);
	p = data(&sa, sin, sizeof(sin), 0);
	T_STREQ(param(e, &p), "192.168.1.9:8080", "sockaddr v4");
	uint8_t sin6[28] = {0};
	fam = AF_INET6, port = htons(443);
	memcpy(sin6, &fam, 2);
	memcpy(sin6 + 2, &port, 2);
	sin6[8 + 15] = 1;
	p = data(&sa, sin6, sizeof(sin6), 0);
	T_STREQ(param(e, &p), "[::1]:443", "sockaddr v6");
	uint8_t sun[32] = {0};
	fam = AF_UNIX;
	memcpy(sun, &fam, 2);
	memcpy(sun + 2, "/run/a.sock", 11);
	p = data(&sa, sun, 2 + 12, 0);
	T_STREQ(param(e, &p), "/run/a.sock", "sockaddr unix path");
	memset(sun + 2, 0, 30);
	memcpy(sun + 3, "abstract", 8);
	p = data(&sa, sun, 2 + 9, 0);
	T_STREQ(param(e, &p), "@abstract", "sockaddr abstract unix name");
	fam = AF_NETLINK;
	memcpy(sun, &fam, 2);
	p = data(&sa, sun, 12, 0);
	T_STREQ(param(e, &p), "family 16", "sockaddr other family");
	p = data(&sa, sin, 1, 0);
	T_STREQ(param(e, &p), "NULL", "sockaddr too short");
	p = data(&sa, sin, 6, 0);
	T_STREQ(param(e, &p), "family 2", "cut AF_INET sockaddr is not read past its length");

	struct sg_tuple t = {.family = AF_INET, .lport = 1000, .rport = 80};
	memcpy(t.laddr, (uint8_t[]){1, 2, 3, 4}, 4);
	memcpy(t.raddr, (uint8_t[]){5, 6, 7, 8}, 4);
	p = data(&tup, &t, sizeof(t), 0);
	T_STREQ(param(e, &p), "1.2.3.4:1000->5.6.7.8:80", "tuple param");
	p = data(&tup, &t, sizeof(t) - 1, 0);
	T_STREQ(param(e, &p), "NULL", "short tuple");

	p = data(&raw, "\x01\xab", 2, 0);
	T_STREQ(param(e, &p), "01ab", "raw struct as hex");

	int32_t fds[2] = {3, 4};
	p = data(&pair, fds, sizeof(fds), 0);
	T_STREQ(param(e, &p), "3(<f>/etc/passwd),4", "fd pair alone");
}

static void test_args(struct sg_event *e)
{
	static const struct sg_param_def d[] = {
		{"fd", SG_PT_FD}, {"name", SG_PT_PATH}, {"res", SG_PT_ERRNO}, {"fds", SG_PT_FDPAIR}};
	int32_t fds[2] = {5, 6};
	e->nparams = 4;
	e->params[0] = num(&d[0], 3);
	e->params[1] = data(&d[1], "/etc/passwd", 11, 0);
	e->params[2] = num(&d[2], -13);
	e->params[3] = data(&d[3], fds, sizeof(fds), 0);
	sg_sb_reset(&sb);
	T_OK(!sg_render_args(&sb, e), "args with a path: not plain by construction (callers scan)");
	T_STREQ(sg_sb_cstr(&sb), "fd=3(<f>/etc/passwd) name=/etc/passwd res=-13(EACCES) fd1=5 fd2=6",
		"args: name=value pairs, pair as fd1= fd2=");
	/* a generic call's arguments and its result: plain, no scan needed */
	static const struct sg_param_def g[] = {{"res", SG_PT_ERRNO}, {"arg0", SG_PT_HEX},
						{"arg1", SG_PT_INT}};
	e->nparams = 3;
	e->params[0] = num(&g[0], -2);
	e->params[1] = num(&g[1], (int64_t)0xdeadbeef12ull);
	e->params[2] = num(&g[2], -7);
	sg_sb_reset(&sb);
	T_OK(sg_render_args(&sb, e), "numbers and an errno only: plain by construction");
	T_STREQ(sg_sb_cstr(&sb), "res=-2(ENOENT) arg0=0xdeadbeef12 arg1=-7",
		"generic args: hex with 0x, signed int, errno named");
	e->nparams = 0;
	sg_sb_reset(&sb);
	sg_render_args(&sb, e);
	T_STREQ(sg_sb_cstr(&sb), "", "no params: empty");
	e->nparams = 200; /* hostile count: bounded by SG_MAX_PARAMS */
	for (int i = 0; i < SG_MAX_PARAMS; i++)
		e->params[i] = num(&d[2], 0);
	sg_sb_reset(&sb);
	sg_render_args(&sb, e);
	T_OK(sb.len == (size_t)SG_MAX_PARAMS * 6 - 1, "param count bounded by SG_MAX_PARAMS");
	e->nparams = 0;
}

/* One name for a unix address whether it came from an event or /proc. */
static void test_unix_names(void)
{
	char out[SG_UNIX_NAME_MAX];
	size_t n;

	n = sg_unix_name(out, "/run/x.sock\0junk", 17);
	T_OK(n == 11 && !memcmp(out, "/run/x.sock", 11), "a unix path ends at its NUL");
	n = sg_unix_name(out, "\0abs\0x", 7);
	T_OK(n == 7 && !memcmp(out, "@abs@x", 6), "an abstract name: '@' and every NUL as '@'");
	n = sg_unix_name(out, "@abs", 4);
	T_OK(n == 4 && !memcmp(out, "@abs", 4), "a name from /proc stays as it is");
	char big[300];
	memset(big, 'a', sizeof(big));
	T_OK(sg_unix_name(out, big, sizeof(big)) == SG_UNIX_NAME_MAX, "bounded by sun_path");
	T_OK(sg_unix_name(out, NULL, 5) == 0 && sg_unix_name(out, "x", 0) == 0, "nothing: empty");
}

/* sysdig's fd text: the type char, and for IP sockets the l4 protocol's
 * (t, u, i, r), as libs' sinsp_evt PT_FD rendering does. */
static void test_socket_fds(const struct sg_event *base)
{
	static const struct sg_param_def fdd = {"fd", SG_PT_FD};
	struct sg_fd f = {.num = 4, .type = SG_FDT_IPV4, .name = "127.0.0.1:55022->127.0.0.1:33653"};
	struct sg_event e = *base;
	struct sg_param p = num(&fdd, 4);
	e.fd = &f;
	e.fdnum = 4;

	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_STREAM, .l4proto = IPPROTO_TCP};
	T_STREQ(param(&e, &p), "4(<4t>127.0.0.1:55022->127.0.0.1:33653)", "tcp socket: <4t>");
	T_STREQ(resolved(&e, &p), "<4t>127.0.0.1:55022->127.0.0.1:33653", "resolved tcp socket");
	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_DGRAM, .l4proto = IPPROTO_UDP};
	T_STREQ(param(&e, &p), "4(<4u>127.0.0.1:55022->127.0.0.1:33653)", "udp socket: <4u>");
	f.type = SG_FDT_IPV6;
	f.name = "[::1]:5->[::1]:6";
	T_STREQ(param(&e, &p), "4(<6u>[::1]:5->[::1]:6)", "udp over IPv6: <6u>");
	f.tuple = (struct sg_tuple){.family = AF_INET6, .type = SOCK_DGRAM, .l4proto = IPPROTO_ICMPV6};
	T_STREQ(param(&e, &p), "4(<6i>[::1]:5->[::1]:6)", "icmpv6 (ping) socket: <6i>");
	f.type = SG_FDT_IPV4;
	f.name = "";
	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_DGRAM, .l4proto = IPPROTO_ICMP};
	T_STREQ(param(&e, &p), "4(<4i>)", "icmp socket: <4i>");
	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_RAW, .l4proto = IPPROTO_TCP};
	T_STREQ(param(&e, &p), "4(<4r>)", "a raw socket is raw whatever its protocol");
	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_RAW, .l4proto = IPPROTO_RAW};
	T_STREQ(param(&e, &p), "4(<4r>)", "IPPROTO_RAW: <4r>");
	f.tuple = (struct sg_tuple){.family = AF_INET, .type = SOCK_STREAM, .l4proto = 0};
	T_STREQ(param(&e, &p), "4(<4>)", "protocol unknown: no letter");
	f.type = SG_FDT_UNIX;
	f.name = "/run/x.sock";
	f.tuple = (struct sg_tuple){.family = AF_UNIX, .type = SOCK_STREAM};
	T_STREQ(param(&e, &p), "4(<u>/run/x.sock)", "unix socket: the type char only");
}

/* A relative path is followed by its absolute form, as sysdig renders
 * PT_FSPATH / PT_FSRELPATH: "name=sub/f(/home/u/sub/f)". */
static void test_relative_paths(const struct sg_event *base)
{
	static const struct sg_param_def path = {"name", SG_PT_PATH},
		dirfd = {"dirfd", SG_PT_DIRFD}, str = {"s", SG_PT_STR};
	struct sg_proc pr = *base->proc;
	struct sg_event e = *base;
	pr.cwd = "/home/u";
	e.proc = &pr;
	e.nparams = 2;
	e.params[0] = num(&dirfd, -100);
	struct sg_param *p = &e.params[1];

	*p = data(&path, "sub/f", 5, 0);
	T_STREQ(param(&e, p), "sub/f(/home/u/sub/f)", "relative path: resolved against the cwd");
	T_STREQ(plain(&e, p), "sub/f", "plain: as the program passed it");
	*p = data(&path, "../x/./comma,x", 14, 0);
	T_STREQ(param(&e, p), "../x/./comma,x(/home/x/comma,x)", "resolved path is normalised");
	*p = data(&path, "/etc/passwd", 11, 0);
	T_STREQ(param(&e, p), "/etc/passwd", "absolute path: nothing added");
	*p = data(&path, "", 0, 0);
	T_STREQ(param(&e, p), "", "empty path: nothing added");
	*p = data(&path, "sub/lo", 6, SG_PARAM_TRUNC);
	T_STREQ(param(&e, p), "sub/lo...", "a cut path is not resolved");
	*p = data(&str, "sub/f", 5, 0);
	T_STREQ(param(&e, p), "sub/f", "a string that is not a path: as is");
	pr.cwd = NULL;
	*p = data(&path, "sub/f", 5, 0);
	T_STREQ(param(&e, p), "sub/f", "cwd unknown: the path alone");
	e.proc = NULL;
	T_STREQ(param(&e, p), "sub/f", "process unknown: the path alone");
}

int main(void)
{
	sg_sb_init(&sb);
	test_unix_names();
	struct sg_state *st = sg_state_new();
	struct sg_fd fd = {.num = 3, .type = SG_FDT_FILE, .name = "/etc/passwd"};
	struct sg_proc proc = {.pid = 4242, .comm = "bash"};
	struct sg_event e = {.pid = 4242, .tid = 4242, .state = st, .proc = &proc,
			     .fd = &fd, .fdnum = 3};

	test_errno();
	test_ip_tuple();
	test_numbers(&e);
	test_captured(&e);
	test_args(&e);
	test_socket_fds(&e);
	test_relative_paths(&e);

	sg_state_free(st);
	sg_sb_free(&sb);
	return t_done();
}
