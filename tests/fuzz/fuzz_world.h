/*
 * A small fixed world for the output fuzz targets (fuzz_format.c,
 * fuzz_countby.c): an offline state with one process (argv, env, cwd, a
 * socket on fd 4) and the events of a short run of it, hostile bytes
 * included, so every field a format names has something real to print.
 * Built once per process; each input runs the same events again, through
 * sg_state_before/after as the pipeline does.
 */
#ifndef SG_FUZZ_WORLD_H
#define SG_FUZZ_WORLD_H

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "event/syscalls.h"
#include "output/output.h"
#include "state/state.h"

#define FW_PID 4242
#define FW_NEVENTS 7

struct fw_cap {
	const char *name;
	const void *data;
	uint32_t len;
};

static struct sg_state *fw_state;
static struct sg_event fw_events[FW_NEVENTS];
static struct sg_tuple fw_tuple;

static void fw_event(struct sg_event *e, const char *sc, int64_t res, const uint64_t *args,
		     const struct fw_cap *caps, unsigned ncaps)
{
	unsigned nr;
	const struct sg_syscall_def *d = sg_syscall_by_name(sc, &nr);
	if (!d)
		abort(); /* the table lost a call the world uses */
	memset(e, 0, sizeof(*e));
	e->kind = SG_EV_SYSCALL;
	e->def = d;
	e->nr = (uint16_t)nr;
	e->ts = 1795610096ull * 1000000000ull + 123456789ull;
	e->pid = e->tid = FW_PID;
	e->ppid = 1;
	e->uid = 1000;
	e->gid = 1000;
	e->loginuid = 1000;
	e->res = res;
	e->fdnum = -1;
	e->state = fw_state;
	memcpy(e->comm, "ca\033t\n", 6);
	for (unsigned i = 0; i < 6 && args; i++)
		e->args[i] = args[i];
	e->nparams = d->nparams < SG_MAX_PARAMS ? d->nparams : SG_MAX_PARAMS;
	for (unsigned i = 0; i < e->nparams; i++) {
		struct sg_param *p = &e->params[i];
		p->def = &d->params[i];
		if (p->def->src == SG_SRC_RES)
			p->num = res;
		else if (p->def->src == SG_SRC_ARG && p->def->arg < 6)
			p->num = sg_syscall_arg_num(p->def, e->args[p->def->arg]);
		for (unsigned c = 0; c < ncaps; c++) {
			if (strcmp(caps[c].name, p->def->name))
				continue;
			p->data = caps[c].data;
			p->len = caps[c].len;
			p->flags = SG_PARAM_DATA;
			sg_syscall_cap_num(p->def, p->data, p->len, &p->num);
		}
	}
}

static void fw_init(void)
{
	static const char args[] = "cat\0-v\0/etc/pass\nwd", env[] = "HOME=/root\0TERM=\033[2J";
	static const char path[] = "/etc/passwd", data[] = "root:x:0:0\n\xff\xfe", wdata[] = "\033]0;pwn\a";
	static uint8_t sa[16];
	if (fw_state)
		return;
	sg_syscalls_init();
	fw_state = sg_state_new();
	if (!fw_state)
		abort();
	sg_state_set_offline(fw_state);
	struct sg_proc_seed ps = {
		.pid = FW_PID, .ppid = 1, .vpid = FW_PID, .sid = FW_PID, .pgid = FW_PID,
		.uid = 1000, .gid = 1000, .loginuid = 1000, .comm = "ca\033t\n", .exe = "cat",
		.exepath = "/usr/bin/cat", .cwd = "/home/u ser", .args = args,
		.args_len = sizeof(args), .env = env, .env_len = sizeof(env),
	};
	sg_state_seed_proc(fw_state, &ps);
	fw_tuple = (struct sg_tuple){.family = AF_INET, .l4proto = 6, .type = SOCK_STREAM,
				     .lport = 40000, .rport = 80,
				     .laddr = {10, 0, 0, 1}, .raddr = {93, 184, 216, 34}};
	struct sg_fd_seed fs = {.num = 4, .type = SG_FDT_IPV4, .tuple = &fw_tuple};
	sg_state_seed_fd(fw_state, FW_PID, &fs);
	sa[0] = AF_INET; /* sockaddr_in: family, port 80, 93.184.216.34 */
	sa[2] = 0; sa[3] = 80; sa[4] = 93; sa[5] = 184; sa[6] = 216; sa[7] = 34;

	const uint64_t a_open[6] = {(uint64_t)-100, 0, 0x80000, 0644};
	const uint64_t a_read[6] = {3, 0, 4096};
	const uint64_t a_write[6] = {1, 0, sizeof(wdata) - 1};
	const uint64_t a_conn[6] = {4, 0, 16};
	const uint64_t a_close[6] = {3};
	const struct fw_cap c_open[] = {{"name", path, sizeof(path) - 1}};
	const struct fw_cap c_read[] = {{"data", data, sizeof(data) - 1}};
	const struct fw_cap c_write[] = {{"data", wdata, sizeof(wdata) - 1}};
	const struct fw_cap c_conn[] = {{"tuple", &fw_tuple, sizeof(fw_tuple)}, {"addr", sa, 16}};
	fw_event(&fw_events[0], "openat", 3, a_open, c_open, 1);
	fw_event(&fw_events[1], "read", sizeof(data) - 1, a_read, c_read, 1);
	fw_event(&fw_events[2], "write", sizeof(wdata) - 1, a_write, c_write, 1);
	fw_event(&fw_events[3], "connect", -115, a_conn, c_conn, 2);
	fw_event(&fw_events[4], "close", 0, a_close, NULL, 0);
	fw_event(&fw_events[5], "openat", -2, a_open, c_open, 1);
	fw_event(&fw_events[6], "getpid", FW_PID, NULL, NULL, 0);
	for (unsigned i = 0; i < FW_NEVENTS; i++)
		fw_events[i].num = i + 1;
}

/* Every event of the world through state and out, then the end of the
 * stream (a tick first when asked: --interval tables). */
static void fw_print(struct sg_output *out, bool tick)
{
	struct sg_arena a;
	sg_arena_init(&a, 1 << 16);
	for (unsigned i = 0; i < FW_NEVENTS; i++) {
		struct sg_event e = fw_events[i];
		sg_arena_reset(&a);
		sg_state_before(fw_state, &e);
		sg_output_event(out, &e, &a);
		sg_state_after(fw_state, &e);
	}
	if (tick)
		sg_output_tick(out);
	sg_output_end(out);
	sg_arena_free(&a);
}

#endif /* SG_FUZZ_WORLD_H */
