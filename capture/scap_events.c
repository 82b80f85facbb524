/*
 * The libs event table as the .scap format defines it (falcosecurity/libs,
 * driver/event_table.c and ppm_events_public.h): for every event code, its
 * name, direction, flags and parameters (name, PT_* type, the libs name table
 * its values are encoded with), and how many parameters Debian's sysdig
 * 0.29.3 knows of it (0xff: it does not know the code), which is what the
 * writer writes.  Generated once from those files; a file-format table, not
 * code.  Codes are stable: new versions of an event get new codes.
 */
#include "capture/scap_events.h"

#include <string.h>

#define P(n, t, tb) { n, SG_LPT_##t, SG_LT_##tb }
static const struct sg_scap_pinfo params[] = {
	P("ID", SYSCALLID, NONE),
	P("nativeID", UINT16, NONE),
	P("ID", SYSCALLID, NONE),
	P("nativeID", UINT16, NONE),
	P("name", FSPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("fd", FD, NONE),
	P("name", FSPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("dev", UINT32, NONE),
	P("ino", UINT64, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("size", UINT32, NONE),
	P("res", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("domain", ENUMFLAGS32, SOCKET_FAMILIES),
	P("type", UINT32, NONE),
	P("proto", UINT32, NONE),
	P("fd", FD, NONE),
	P("domain", ENUMFLAGS32, SOCKET_FAMILIES),
	P("type", UINT32, NONE),
	P("proto", UINT32, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("addr", SOCKADDR, NONE),
	P("fd", FD, NONE),
	P("fd", FD, NONE),
	P("addr", SOCKADDR, NONE),
	P("res", ERRNO, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("addr", SOCKADDR, NONE),
	P("fd", FD, NONE),
	P("backlog", INT32, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("backlog", INT32, NONE),
	P("fd", FD, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("queuepct", UINT8, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("fd", FD, NONE),
	P("how", ENUMFLAGS8, SHUTDOWN_HOW),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("how", ENUMFLAGS8, SHUTDOWN_HOW),
	P("domain", ENUMFLAGS32, SOCKET_FAMILIES),
	P("type", UINT32, NONE),
	P("proto", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("fd1", FD, NONE),
	P("fd2", FD, NONE),
	P("source", UINT64, NONE),
	P("peer", UINT64, NONE),
	P("domain", ENUMFLAGS32, SOCKET_FAMILIES),
	P("type", UINT32, NONE),
	P("proto", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("level", ENUMFLAGS8, SOCKOPT_LEVELS),
	P("optname", ENUMFLAGS8, SOCKOPT_OPTIONS),
	P("val", DYN, SOCKOPT_DYNAMIC_PARAM),
	P("optlen", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("level", ENUMFLAGS8, SOCKOPT_LEVELS),
	P("optname", ENUMFLAGS8, SOCKOPT_OPTIONS),
	P("val", DYN, SOCKOPT_DYNAMIC_PARAM),
	P("optlen", UINT32, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("data", BYTEBUF, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("size", UINT32, NONE),
	P("data", BYTEBUF, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("msgcontrol", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("data", BYTEBUF, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("msgcontrol", BYTEBUF, NONE),
	P("flags", INT32, NONE),
	P("fd", FD, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("queuepct", UINT8, NONE),
	P("name", FSPATH, NONE),
	P("mode", UINT32, NONE),
	P("fd", FD, NONE),
	P("name", FSPATH, NONE),
	P("mode", UINT32, NONE),
	P("dev", UINT32, NONE),
	P("ino", UINT64, NONE),
	P("creat_flags", FLAGS16, CREAT_FLAGS),
	P("res", ERRNO, NONE),
	P("fd1", FD, NONE),
	P("fd2", FD, NONE),
	P("ino", UINT64, NONE),
	P("initval", UINT64, NONE),
	P("flags", UINT32, NONE),
	P("res", FD, NONE),
	P("initval", UINT64, NONE),
	P("flags", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("op", FLAGS16, FUTEX_OPERATIONS),
	P("val", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("addr", UINT64, NONE),
	P("op", FLAGS16, FUTEX_OPERATIONS),
	P("val", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("maxevents", ERRNO, NONE),
	P("res", ERRNO, NONE),
	P("maxevents", ERRNO, NONE),
	P("fds", FDLIST, NONE),
	P("timeout", INT64, NONE),
	P("res", ERRNO, NONE),
	P("fds", FDLIST, NONE),
	P("timeout", INT64, NONE),
	P("res", ERRNO, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("whence", ENUMFLAGS8, LSEEK_WHENCE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("whence", ENUMFLAGS8, LSEEK_WHENCE),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("whence", ENUMFLAGS8, LSEEK_WHENCE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("whence", ENUMFLAGS8, LSEEK_WHENCE),
	P("fd", FD, NONE),
	P("request", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("res", ERRNO, NONE),
	P("path", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("path", CHARBUF, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("path", FSPATH, NONE),
	P("mode", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("name", CHARBUF, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("fd", FD, NONE),
	P("oldpath", FSPATH, NONE),
	P("newpath", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("olddir", FD, NONE),
	P("oldpath", CHARBUF, NONE),
	P("newdir", FD, NONE),
	P("newpath", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("name", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("size", UINT32, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("fd", FD, NONE),
	P("pos", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("size", UINT32, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("pos", UINT64, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("size", UINT32, NONE),
	P("pos", UINT64, NONE),
	P("fd", FD, NONE),
	P("res", FD, NONE),
	P("fd", FD, NONE),
	P("mask", UINT32, NONE),
	P("flags", UINT8, NONE),
	P("res", FD, NONE),
	P("fd", FD, NONE),
	P("mask", UINT32, NONE),
	P("flags", UINT8, NONE),
	P("pid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("res", ERRNO, NONE),
	P("pid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("tid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("res", ERRNO, NONE),
	P("tid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("pid", PID, NONE),
	P("tid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("res", ERRNO, NONE),
	P("pid", PID, NONE),
	P("tid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("interval", RELTIME, NONE),
	P("res", ERRNO, NONE),
	P("interval", RELTIME, NONE),
	P("clockid", UINT8, NONE),
	P("flags", UINT8, NONE),
	P("res", FD, NONE),
	P("clockid", UINT8, NONE),
	P("flags", UINT8, NONE),
	P("flags", UINT8, NONE),
	P("res", FD, NONE),
	P("flags", UINT8, NONE),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("res", ERRNO, NONE),
	P("cur", INT64, NONE),
	P("max", INT64, NONE),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("res", ERRNO, NONE),
	P("cur", INT64, NONE),
	P("max", INT64, NONE),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("pid", PID, NONE),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("res", ERRNO, NONE),
	P("newcur", INT64, NONE),
	P("newmax", INT64, NONE),
	P("oldcur", INT64, NONE),
	P("oldmax", INT64, NONE),
	P("pid", INT64, NONE),
	P("resource", ENUMFLAGS8, RLIMIT_RESOURCES),
	P("next", PID, NONE),
	P("ratio", UINT32, NONE),
	P("ratio", UINT32, NONE),
	P("fd", FD, NONE),
	P("cmd", ENUMFLAGS8, FCNTL_COMMANDS),
	P("res", FD, NONE),
	P("fd", FD, NONE),
	P("cmd", ENUMFLAGS8, FCNTL_COMMANDS),
	P("arg", UINT64, NONE),
	P("next", PID, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("res", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("flags", FLAGS32, MMAP_FLAGS),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("flags", FLAGS32, MMAP_FLAGS),
	P("fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("flags", FLAGS32, MMAP_FLAGS),
	P("fd", FD, NONE),
	P("pgoffset", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("flags", FLAGS32, MMAP_FLAGS),
	P("fd", FD, NONE),
	P("pgoffset", UINT64, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("fd_in", FD, NONE),
	P("fd_out", FD, NONE),
	P("size", UINT64, NONE),
	P("flags", FLAGS32, SPLICE_FLAGS),
	P("res", ERRNO, NONE),
	P("fd_in", FD, NONE),
	P("fd_out", FD, NONE),
	P("size", UINT64, NONE),
	P("flags", FLAGS32, SPLICE_FLAGS),
	P("request", ENUMFLAGS16, PTRACE_REQUESTS),
	P("pid", PID, NONE),
	P("res", ERRNO, NONE),
	P("addr", DYN, PTRACE_DYNAMIC_PARAM),
	P("data", DYN, PTRACE_DYNAMIC_PARAM),
	P("request", ENUMFLAGS16, PTRACE_REQUESTS),
	P("pid", PID, NONE),
	P("fd", FD, NONE),
	P("request", UINT64, NONE),
	P("argument", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("request", UINT64, NONE),
	P("argument", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("env", BYTEBUF, NONE),
	P("res", ERRNO, NONE),
	P("oldpath", FSPATH, NONE),
	P("newpath", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("olddirfd", FD, NONE),
	P("oldpath", FSRELPATH, NONE),
	P("newdirfd", FD, NONE),
	P("newpath", FSRELPATH, NONE),
	P("res", ERRNO, NONE),
	P("target", CHARBUF, NONE),
	P("linkpath", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("target", CHARBUF, NONE),
	P("linkdirfd", FD, NONE),
	P("linkpath", FSRELPATH, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("status", ERRNO, NONE),
	P("ret", ERRNO, NONE),
	P("sig", SIGTYPE, NONE),
	P("core", UINT8, NONE),
	P("reaper_tid", PID, NONE),
	P("out_fd", FD, NONE),
	P("in_fd", FD, NONE),
	P("offset", UINT64, NONE),
	P("size", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("offset", UINT64, NONE),
	P("out_fd", FD, NONE),
	P("in_fd", FD, NONE),
	P("size", UINT64, NONE),
	P("cmd", FLAGS16, QUOTACTL_CMDS),
	P("type", FLAGS8, QUOTACTL_TYPES),
	P("id", UINT32, NONE),
	P("quota_fmt", FLAGS8, QUOTACTL_QUOTA_FMTS),
	P("res", ERRNO, NONE),
	P("special", CHARBUF, NONE),
	P("quotafilepath", CHARBUF, NONE),
	P("dqb_bhardlimit", UINT64, NONE),
	P("dqb_bsoftlimit", UINT64, NONE),
	P("dqb_curspace", UINT64, NONE),
	P("dqb_ihardlimit", UINT64, NONE),
	P("dqb_isoftlimit", UINT64, NONE),
	P("dqb_btime", RELTIME, NONE),
	P("dqb_itime", RELTIME, NONE),
	P("dqi_bgrace", RELTIME, NONE),
	P("dqi_igrace", RELTIME, NONE),
	P("dqi_flags", FLAGS8, QUOTACTL_DQI_FLAGS),
	P("quota_fmt_out", FLAGS8, QUOTACTL_QUOTA_FMTS),
	P("cmd", FLAGS16, QUOTACTL_CMDS),
	P("type", FLAGS8, QUOTACTL_TYPES),
	P("id", UINT32, NONE),
	P("quota_fmt", FLAGS8, QUOTACTL_QUOTA_FMTS),
	P("ruid", UID, NONE),
	P("euid", UID, NONE),
	P("suid", UID, NONE),
	P("res", ERRNO, NONE),
	P("ruid", UID, NONE),
	P("euid", UID, NONE),
	P("suid", UID, NONE),
	P("rgid", GID, NONE),
	P("egid", GID, NONE),
	P("sgid", GID, NONE),
	P("res", ERRNO, NONE),
	P("rgid", GID, NONE),
	P("egid", GID, NONE),
	P("sgid", GID, NONE),
	P("event_type", UINT32, NONE),
	P("event_data", UINT64, NONE),
	P("uid", UID, NONE),
	P("res", ERRNO, NONE),
	P("uid", UID, NONE),
	P("gid", GID, NONE),
	P("res", ERRNO, NONE),
	P("gid", GID, NONE),
	P("uid", UID, NONE),
	P("euid", UID, NONE),
	P("gid", GID, NONE),
	P("egid", GID, NONE),
	P("res", ERRNO, NONE),
	P("ruid", UID, NONE),
	P("euid", UID, NONE),
	P("suid", UID, NONE),
	P("res", ERRNO, NONE),
	P("rgid", GID, NONE),
	P("egid", GID, NONE),
	P("sgid", GID, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("vtid", PID, NONE),
	P("vpid", PID, NONE),
	P("pidns_init_start_ts", UINT64, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("vtid", PID, NONE),
	P("vpid", PID, NONE),
	P("pidns_init_start_ts", UINT64, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("vtid", PID, NONE),
	P("vpid", PID, NONE),
	P("pidns_init_start_ts", UINT64, NONE),
	P("id", CHARBUF, NONE),
	P("type", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("image", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("spid", PID, NONE),
	P("dpid", PID, NONE),
	P("sig", SIGTYPE, NONE),
	P("cpu_usr", UINT64, NONE),
	P("cpu_sys", UINT64, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("fd", FD, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("fd", FD, NONE),
	P("nstype", FLAGS32, CLONE_FLAGS),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("nstype", FLAGS32, CLONE_FLAGS),
	P("fd", FD, NONE),
	P("operation", FLAGS32, FLOCK_FLAGS),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("operation", FLAGS32, FLOCK_FLAGS),
	P("cpu", UINT32, NONE),
	P("action", UINT32, NONE),
	P("fd", FD, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("queuepct", UINT8, NONE),
	P("queuelen", UINT32, NONE),
	P("queuemax", UINT32, NONE),
	P("flags", INT32, NONE),
	P("fd", FD, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("queuepct", UINT8, NONE),
	P("queuelen", UINT32, NONE),
	P("queuemax", UINT32, NONE),
	P("semid", INT32, NONE),
	P("res", ERRNO, NONE),
	P("nsops", UINT32, NONE),
	P("sem_num_0", UINT16, NONE),
	P("sem_op_0", INT16, NONE),
	P("sem_flg_0", FLAGS16, SEMOP_FLAGS),
	P("sem_num_1", UINT16, NONE),
	P("sem_op_1", INT16, NONE),
	P("sem_flg_1", FLAGS16, SEMOP_FLAGS),
	P("semid", INT32, NONE),
	P("semid", INT32, NONE),
	P("semnum", INT32, NONE),
	P("cmd", FLAGS16, SEMCTL_COMMANDS),
	P("val", INT32, NONE),
	P("res", ERRNO, NONE),
	P("semid", INT32, NONE),
	P("semnum", INT32, NONE),
	P("cmd", FLAGS16, SEMCTL_COMMANDS),
	P("val", INT32, NONE),
	P("fds", FDLIST, NONE),
	P("timeout", RELTIME, NONE),
	P("sigmask", SIGSET, NONE),
	P("res", ERRNO, NONE),
	P("fds", FDLIST, NONE),
	P("timeout", RELTIME, NONE),
	P("sigmask", SIGSET, NONE),
	P("flags", FLAGS32, MOUNT_FLAGS),
	P("res", ERRNO, NONE),
	P("dev", CHARBUF, NONE),
	P("dir", FSPATH, NONE),
	P("type", CHARBUF, NONE),
	P("flags", FLAGS32, MOUNT_FLAGS),
	P("flags", FLAGS32, UMOUNT_FLAGS),
	P("res", ERRNO, NONE),
	P("name", FSPATH, NONE),
	P("json", CHARBUF, NONE),
	P("key", INT32, NONE),
	P("nsems", INT32, NONE),
	P("semflg", FLAGS32, SEMGET_FLAGS),
	P("res", ERRNO, NONE),
	P("key", INT32, NONE),
	P("nsems", INT32, NONE),
	P("semflg", FLAGS32, SEMGET_FLAGS),
	P("mode", FLAGS32, ACCESS_FLAGS),
	P("res", ERRNO, NONE),
	P("name", FSPATH, NONE),
	P("mode", FLAGS32, ACCESS_FLAGS),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("id", INT64, NONE),
	P("tags", CHARBUFARRAY, NONE),
	P("args", CHARBUF_PAIR_ARRAY, NONE),
	P("id", INT64, NONE),
	P("tags", CHARBUFARRAY, NONE),
	P("args", CHARBUF_PAIR_ARRAY, NONE),
	P("json", CHARBUF, NONE),
	P("json", CHARBUF, NONE),
	P("res", PID, NONE),
	P("mode", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("mode", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("id", CHARBUF, NONE),
	P("desc", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("tty", INT32, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("res", ERRNO, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("source", CHARBUF, NONE),
	P("name", CHARBUF, NONE),
	P("description", CHARBUF, NONE),
	P("scope", CHARBUF, NONE),
	P("filename", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("tty", INT32, NONE),
	P("addr", UINT64, NONE),
	P("ip", UINT64, NONE),
	P("error", FLAGS32, PF_FLAGS),
	P("filename", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("tty", UINT32, NONE),
	P("vpgid", PID, NONE),
	P("loginuid", UID, NONE),
	P("flags", FLAGS32, EXECVE_FLAGS),
	P("cap_inheritable", UINT64, NONE),
	P("cap_permitted", UINT64, NONE),
	P("cap_effective", UINT64, NONE),
	P("exe_ino", UINT64, NONE),
	P("exe_ino_ctime", ABSTIME, NONE),
	P("exe_ino_mtime", ABSTIME, NONE),
	P("uid", UID, NONE),
	P("trusted_exepath", FSPATH, NONE),
	P("pgid", PID, NONE),
	P("gid", GID, NONE),
	P("filename", FSPATH, NONE),
	P("pid", PID, NONE),
	P("pgid", PID, NONE),
	P("res", ERRNO, NONE),
	P("pid", PID, NONE),
	P("pgid", PID, NONE),
	P("cmd", INT64, NONE),
	P("res_or_fd", DYN, BPF_DYNAMIC_PARAM),
	P("op", UINT64, NONE),
	P("flags", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("op", UINT64, NONE),
	P("flags", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("name", FSRELPATH, NONE),
	P("flags", FLAGS32, UNLINKAT_FLAGS),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("path", FSRELPATH, NONE),
	P("mode", UINT32, NONE),
	P("dirfd", FD, NONE),
	P("name", FSRELPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("fd", FD, NONE),
	P("dirfd", FD, NONE),
	P("name", FSRELPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("dev", UINT32, NONE),
	P("ino", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("oldpath", FSPATH, NONE),
	P("newpath", FSPATH, NONE),
	P("res", ERRNO, NONE),
	P("olddir", FD, NONE),
	P("oldpath", FSRELPATH, NONE),
	P("newdir", FD, NONE),
	P("newpath", FSRELPATH, NONE),
	P("flags", FLAGS32, LINKAT_FLAGS),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("filename", FSRELPATH, NONE),
	P("mode", MODE, CHMOD_MODE),
	P("res", ERRNO, NONE),
	P("filename", FSPATH, NONE),
	P("mode", MODE, CHMOD_MODE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("mode", MODE, CHMOD_MODE),
	P("res", ERRNO, NONE),
	P("olddirfd", FD, NONE),
	P("oldpath", FSRELPATH, NONE),
	P("newdirfd", FD, NONE),
	P("newpath", FSRELPATH, NONE),
	P("flags", FLAGS32, RENAMEAT2_FLAGS),
	P("res", ERRNO, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("plugin_id", UINT32, NONE),
	P("event_data", BYTEBUF, NONE),
	P("json", CHARBUF, NONE),
	P("dirfd", FD, NONE),
	P("name", FSRELPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("resolve", FLAGS32, OPENAT2_FLAGS),
	P("fd", FD, NONE),
	P("dirfd", FD, NONE),
	P("name", FSRELPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mode", UINT32, NONE),
	P("resolve", FLAGS32, OPENAT2_FLAGS),
	P("dev", UINT32, NONE),
	P("ino", UINT64, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("res", ERRNO, NONE),
	P("addr", UINT64, NONE),
	P("length", UINT64, NONE),
	P("prot", FLAGS32, PROT_FLAGS),
	P("dirfd", FD, NONE),
	P("pathname", FSRELPATH, NONE),
	P("flags", FLAGS32, EXECVEAT_FLAGS),
	P("res", ERRNO, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("env", BYTEBUF, NONE),
	P("tty", UINT32, NONE),
	P("vpgid", PID, NONE),
	P("loginuid", UID, NONE),
	P("flags", FLAGS32, EXECVE_FLAGS),
	P("cap_inheritable", UINT64, NONE),
	P("cap_permitted", UINT64, NONE),
	P("cap_effective", UINT64, NONE),
	P("exe_ino", UINT64, NONE),
	P("exe_ino_ctime", ABSTIME, NONE),
	P("exe_ino_mtime", ABSTIME, NONE),
	P("uid", UID, NONE),
	P("trusted_exepath", FSPATH, NONE),
	P("pgid", PID, NONE),
	P("gid", GID, NONE),
	P("fdin", FD, NONE),
	P("offin", UINT64, NONE),
	P("len", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("fdout", FD, NONE),
	P("offout", UINT64, NONE),
	P("fdin", FD, NONE),
	P("offin", UINT64, NONE),
	P("len", UINT64, NONE),
	P("res", PID, NONE),
	P("exe", CHARBUF, NONE),
	P("args", BYTEBUF, NONE),
	P("tid", PID, NONE),
	P("pid", PID, NONE),
	P("ptid", PID, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", INT64, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("comm", CHARBUF, NONE),
	P("cgroups", BYTEBUF, NONE),
	P("flags", FLAGS32, CLONE_FLAGS),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("vtid", PID, NONE),
	P("vpid", PID, NONE),
	P("pidns_init_start_ts", UINT64, NONE),
	P("fd", FD, NONE),
	P("mountfd", FD, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("path", FSPATH, NONE),
	P("dev", UINT32, NONE),
	P("ino", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("entries", UINT32, NONE),
	P("sq_entries", UINT32, NONE),
	P("cq_entries", UINT32, NONE),
	P("flags", FLAGS32, IO_URING_SETUP_FLAGS),
	P("sq_thread_cpu", UINT32, NONE),
	P("sq_thread_idle", UINT32, NONE),
	P("features", FLAGS32, IO_URING_SETUP_FEATS),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("to_submit", UINT32, NONE),
	P("min_complete", UINT32, NONE),
	P("flags", FLAGS32, IO_URING_ENTER_FLAGS),
	P("sig", SIGSET, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("opcode", ENUMFLAGS16, IO_URING_REGISTER_OPCODES),
	P("arg", UINT64, NONE),
	P("nr_args", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("addr", UINT64, NONE),
	P("len", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("addr", UINT64, NONE),
	P("len", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("flags", FLAGS32, MLOCKALL_FLAGS),
	P("res", ERRNO, NONE),
	P("res", ERRNO, NONE),
	P("cap_inheritable", UINT64, NONE),
	P("cap_permitted", UINT64, NONE),
	P("cap_effective", UINT64, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("home", CHARBUF, NONE),
	P("shell", CHARBUF, NONE),
	P("container_id", CHARBUF, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("home", CHARBUF, NONE),
	P("shell", CHARBUF, NONE),
	P("container_id", CHARBUF, NONE),
	P("gid", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("container_id", CHARBUF, NONE),
	P("gid", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("container_id", CHARBUF, NONE),
	P("fd", FD, NONE),
	P("res", FD, NONE),
	P("oldfd", FD, NONE),
	P("newfd", FD, NONE),
	P("fd", FD, NONE),
	P("res", FD, NONE),
	P("oldfd", FD, NONE),
	P("newfd", FD, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("fd", FD, NONE),
	P("res", FD, NONE),
	P("oldfd", FD, NONE),
	P("cmd", INT64, NONE),
	P("fd", FD, NONE),
	P("cmd", ENUMFLAGS32, BPF_COMMANDS),
	P("res", ERRNO, NONE),
	P("addr", UINT64, NONE),
	P("len", UINT64, NONE),
	P("flags", FLAGS32, MLOCK2_FLAGS),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("cmd", ENUMFLAGS32, FSCONFIG_CMDS),
	P("key", CHARBUF, NONE),
	P("value_bytebuf", BYTEBUF, NONE),
	P("value_charbuf", CHARBUF, NONE),
	P("aux", INT32, NONE),
	P("size", INT32, NONE),
	P("res", ERRNO, NONE),
	P("size", INT32, NONE),
	P("flags", FLAGS32, EPOLL_CREATE1_FLAGS),
	P("res", ERRNO, NONE),
	P("flags", FLAGS32, EPOLL_CREATE1_FLAGS),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("pathname", FSRELPATH, NONE),
	P("uid", UINT32, NONE),
	P("gid", UINT32, NONE),
	P("flags", FLAGS32, FCHOWNAT_FLAGS),
	P("res", ERRNO, NONE),
	P("name", FSPATH, NONE),
	P("flags", INT32, NONE),
	P("fd", FD, NONE),
	P("tuple", SOCKTUPLE, NONE),
	P("queuepct", UINT8, NONE),
	P("queuelen", UINT32, NONE),
	P("queuemax", UINT32, NONE),
	P("flags", INT32, NONE),
	P("flags", FLAGS32, UMOUNT_FLAGS),
	P("res", ERRNO, NONE),
	P("name", FSPATH, NONE),
	P("flags", FLAGS32, UMOUNT_FLAGS),
	P("res", ERRNO, NONE),
	P("fd1", FD, NONE),
	P("fd2", FD, NONE),
	P("ino", UINT64, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("res", FD, NONE),
	P("flags", FLAGS16, FILE_FLAGS),
	P("initval", UINT64, NONE),
	P("res", FD, NONE),
	P("flags", FLAGS16, FILE_FLAGS),
	P("initval", UINT64, NONE),
	P("fd", FD, NONE),
	P("mask", UINT32, NONE),
	P("res", FD, NONE),
	P("flags", FLAGS16, FILE_FLAGS),
	P("fd", FD, NONE),
	P("mask", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("option", ENUMFLAGS32, PRCTL_OPTIONS),
	P("arg2_str", CHARBUF, NONE),
	P("arg2_int", INT64, NONE),
	P("plugin_id", UINT32, NONE),
	P("name", CHARBUF, NONE),
	P("data", BYTEBUF, NONE),
	P("fd", FD, NONE),
	P("name", CHARBUF, NONE),
	P("flags", FLAGS32, MEMFD_CREATE_FLAGS),
	P("fd", FD, NONE),
	P("pid_fd", FD, NONE),
	P("target_fd", FD, NONE),
	P("flags", UINT32, NONE),
	P("fd", FD, NONE),
	P("pid", PID, NONE),
	P("flags", FLAGS32, PIDFD_OPEN_FLAGS),
	P("res", ERRNO, NONE),
	P("img", BYTEBUF, NONE),
	P("length", UINT64, NONE),
	P("uargs", CHARBUF, NONE),
	P("res", ERRNO, NONE),
	P("fd", FD, NONE),
	P("uargs", CHARBUF, NONE),
	P("flags", FLAGS32, FINIT_MODULE_FLAGS),
	P("res", ERRNO, NONE),
	P("path", FSPATH, NONE),
	P("mode", MODE, MKNOD_MODE),
	P("dev", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("path", FSRELPATH, NONE),
	P("mode", MODE, MKNOD_MODE),
	P("dev", UINT32, NONE),
	P("res", ERRNO, NONE),
	P("dirfd", FD, NONE),
	P("path", FSRELPATH, NONE),
	P("flags", FLAGS32, NEWFSTATAT_FLAGS),
	P("res", INT64, NONE),
	P("pid", PID, NONE),
	P("data", BYTEBUF, NONE),
	P("res", INT64, NONE),
	P("pid", PID, NONE),
	P("data", BYTEBUF, NONE),
	P("res", ERRNO, NONE),
	P("name", CHARBUF, NONE),
	P("flags", FLAGS32, DELETE_MODULE_FLAGS),
	P("res", ERRNO, NONE),
	P("ruid", UID, NONE),
	P("euid", UID, NONE),
	P("res", ERRNO, NONE),
	P("rgid", UID, NONE),
	P("egid", UID, NONE),
	P("ppid", PID32, NONE),
	P("pgid", PID32, NONE),
	P("vpgid", PID32, NONE),
	P("sid", PID32, NONE),
	P("comm", CHARBUF, NONE),
	P("argv", CHARBUFARRAY, NONE),
	P("exepath", FSPATH, NONE),
	P("flags", FLAGS32, EXECVE_FLAGS),
	P("env", CHARBUFARRAY, NONE),
	P("cwd", CHARBUF, NONE),
	P("fdlimit", UINT64, NONE),
	P("euid", UID, NONE),
	P("egid", GID, NONE),
	P("cap_permitted", UINT64, NONE),
	P("cap_effective", UINT64, NONE),
	P("cap_inheritable", UINT64, NONE),
	P("exe_ino_num", UINT64, NONE),
	P("exe_ino_ctime", ABSTIME, NONE),
	P("exe_ino_mtime", ABSTIME, NONE),
	P("vm_size", UINT32, NONE),
	P("vm_rss", UINT32, NONE),
	P("vm_swap", UINT32, NONE),
	P("pgft_maj", UINT64, NONE),
	P("pgft_min", UINT64, NONE),
	P("vtgid", PID32, NONE),
	P("vpid", PID32, NONE),
	P("pidns_init_start_ts", UINT64, NONE),
	P("cgroups", CHARBUFARRAY, NONE),
	P("root", FSPATH, NONE),
	P("start_time", ABSTIME, NONE),
	P("tty", UINT32, NONE),
	P("loginuid", UID, NONE),
	P("fd", FD32, NONE),
	P("path", FSPATH, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("path", FSPATH, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("path", FSPATH, NONE),
	P("flags", FLAGS32, FILE_FLAGS),
	P("mnt_id", UINT32, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("path", FSPATH, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("sk_type", UINT16, NONE),
	P("sk_proto", UINT16, NONE),
	P("local_ip", IPV4ADDR, NONE),
	P("local_port", PORT, NONE),
	P("remote_ip", IPV4ADDR, NONE),
	P("remote_port", PORT, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("sk_type", UINT16, NONE),
	P("sk_proto", UINT16, NONE),
	P("local_ip", IPV6ADDR, NONE),
	P("local_port", PORT, NONE),
	P("remote_ip", IPV6ADDR, NONE),
	P("remote_port", PORT, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("sk_type", UINT16, NONE),
	P("sk_proto", UINT16, NONE),
	P("sk_pointer", UINT64, NONE),
	P("sun_path", FSPATH, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("sk_type", UINT16, NONE),
	P("sk_proto", UINT16, NONE),
	P("ino_num", UINT64, NONE),
	P("fd", FD32, NONE),
	P("fd_type", FLAGS8, ANON_INODE_FD_TYPES),
	P("path", FSPATH, NONE),
	P("ino_num", UINT64, NONE),
	P("res", ERRNO, NONE),
	P("first", UINT32, NONE),
	P("last", UINT32, NONE),
	P("flags", FLAGS32, CLOSE_RANGE_FLAGS),
	P("res", ERRNO, NONE),
	P("operation", ENUMFLAGS32, KEYCTL_OPERATIONS),
	P("arg2", DYN, KEYCTL_DYNAMIC_PARAM),
	P("arg3", DYN, KEYCTL_DYNAMIC_PARAM),
	P("arg4", DYN, KEYCTL_DYNAMIC_PARAM),
	P("arg5", DYN, KEYCTL_DYNAMIC_PARAM),
};

#define E(n, f, np, o, po) { n, f, np, o, &params[po] }
const struct sg_scap_evinfo sg_scap_events[SG_SCAP_EVENT_MAX] = {
	[0] = E("syscall", SG_EF_OLD, 2, 2, 0), /* PPME_GENERIC_E */
	[1] = E("syscall", 0, 2, 1, 2), /* PPME_GENERIC_X */
	[2] = E("open", 0, 3, 3, 4), /* PPME_SYSCALL_OPEN_E */
	[3] = E("open", 0, 6, 5, 7), /* PPME_SYSCALL_OPEN_X */
	[4] = E("close", SG_EF_OLD, 1, 1, 13), /* PPME_SYSCALL_CLOSE_E */
	[5] = E("close", 0, 2, 1, 14), /* PPME_SYSCALL_CLOSE_X */
	[6] = E("read", SG_EF_OLD, 2, 2, 16), /* PPME_SYSCALL_READ_E */
	[7] = E("read", 0, 4, 2, 18), /* PPME_SYSCALL_READ_X */
	[8] = E("write", SG_EF_OLD, 2, 2, 22), /* PPME_SYSCALL_WRITE_E */
	[9] = E("write", 0, 4, 2, 24), /* PPME_SYSCALL_WRITE_X */
	[10] = E("brk", SG_EF_OLD, 1, 0xff, 28), /* PPME_SYSCALL_BRK_1_E */
	[11] = E("brk", SG_EF_OLD, 1, 0xff, 29), /* PPME_SYSCALL_BRK_1_X */
	[12] = E("execve", SG_EF_OLD, 0, 0xff, 30), /* PPME_SYSCALL_EXECVE_8_E */
	[13] = E("execve", SG_EF_OLD, 8, 0xff, 30), /* PPME_SYSCALL_EXECVE_8_X */
	[14] = E("clone", SG_EF_OLD, 0, 0xff, 38), /* PPME_SYSCALL_CLONE_11_E */
	[15] = E("clone", SG_EF_OLD, 11, 0xff, 38), /* PPME_SYSCALL_CLONE_11_X */
	[16] = E("procexit", SG_EF_OLD, 0, 0xff, 49), /* PPME_PROCEXIT_E */
	[17] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 49), /* PPME_PROCEXIT_X */
	[18] = E("socket", SG_EF_OLD, 3, 3, 49), /* PPME_SOCKET_SOCKET_E */
	[19] = E("socket", 0, 5, 1, 52), /* PPME_SOCKET_SOCKET_X */
	[20] = E("bind", SG_EF_OLD, 1, 1, 57), /* PPME_SOCKET_BIND_E */
	[21] = E("bind", 0, 3, 2, 58), /* PPME_SOCKET_BIND_X */
	[22] = E("connect", 0, 2, 2, 61), /* PPME_SOCKET_CONNECT_E */
	[23] = E("connect", 0, 4, 2, 63), /* PPME_SOCKET_CONNECT_X */
	[24] = E("listen", SG_EF_OLD, 2, 2, 67), /* PPME_SOCKET_LISTEN_E */
	[25] = E("listen", 0, 3, 1, 69), /* PPME_SOCKET_LISTEN_X */
	[26] = E("accept", SG_EF_OLD, 0, 0xff, 72), /* PPME_SOCKET_ACCEPT_E */
	[27] = E("accept", SG_EF_OLD, 3, 0xff, 72), /* PPME_SOCKET_ACCEPT_X */
	[28] = E("send", SG_EF_OLD, 2, 2, 75), /* PPME_SOCKET_SEND_E */
	[29] = E("send", 0, 5, 2, 77), /* PPME_SOCKET_SEND_X */
	[30] = E("sendto", SG_EF_OLD, 3, 3, 82), /* PPME_SOCKET_SENDTO_E */
	[31] = E("sendto", 0, 5, 2, 85), /* PPME_SOCKET_SENDTO_X */
	[32] = E("recv", SG_EF_OLD, 2, 2, 90), /* PPME_SOCKET_RECV_E */
	[33] = E("recv", 0, 5, 2, 92), /* PPME_SOCKET_RECV_X */
	[34] = E("recvfrom", SG_EF_OLD, 2, 2, 97), /* PPME_SOCKET_RECVFROM_E */
	[35] = E("recvfrom", 0, 5, 3, 99), /* PPME_SOCKET_RECVFROM_X */
	[36] = E("shutdown", SG_EF_OLD, 2, 2, 104), /* PPME_SOCKET_SHUTDOWN_E */
	[37] = E("shutdown", 0, 3, 1, 106), /* PPME_SOCKET_SHUTDOWN_X */
	[38] = E("getsockname", SG_EF_OLD, 0, 0, 109), /* PPME_SOCKET_GETSOCKNAME_E */
	[39] = E("getsockname", 0, 0, 0, 109), /* PPME_SOCKET_GETSOCKNAME_X */
	[40] = E("getpeername", SG_EF_OLD, 0, 0, 109), /* PPME_SOCKET_GETPEERNAME_E */
	[41] = E("getpeername", 0, 0, 0, 109), /* PPME_SOCKET_GETPEERNAME_X */
	[42] = E("socketpair", SG_EF_OLD, 3, 3, 109), /* PPME_SOCKET_SOCKETPAIR_E */
	[43] = E("socketpair", 0, 8, 5, 112), /* PPME_SOCKET_SOCKETPAIR_X */
	[44] = E("setsockopt", SG_EF_OLD, 0, 0, 120), /* PPME_SOCKET_SETSOCKOPT_E */
	[45] = E("setsockopt", 0, 6, 6, 120), /* PPME_SOCKET_SETSOCKOPT_X */
	[46] = E("getsockopt", SG_EF_OLD, 0, 0, 126), /* PPME_SOCKET_GETSOCKOPT_E */
	[47] = E("getsockopt", 0, 6, 6, 126), /* PPME_SOCKET_GETSOCKOPT_X */
	[48] = E("sendmsg", SG_EF_OLD, 3, 3, 132), /* PPME_SOCKET_SENDMSG_E */
	[49] = E("sendmsg", 0, 5, 2, 135), /* PPME_SOCKET_SENDMSG_X */
	[50] = E("sendmmsg", SG_EF_OLD, 0, 0, 140), /* PPME_SOCKET_SENDMMSG_E */
	[51] = E("sendmmsg", 0, 5, 0, 140), /* PPME_SOCKET_SENDMMSG_X */
	[52] = E("recvmsg", SG_EF_OLD, 1, 1, 145), /* PPME_SOCKET_RECVMSG_E */
	[53] = E("recvmsg", 0, 6, 4, 146), /* PPME_SOCKET_RECVMSG_X */
	[54] = E("recvmmsg", SG_EF_OLD, 0, 0, 152), /* PPME_SOCKET_RECVMMSG_E */
	[55] = E("recvmmsg", 0, 6, 0, 152), /* PPME_SOCKET_RECVMMSG_X */
	[56] = E("accept", SG_EF_OLD, 1, 0xff, 158), /* PPME_SOCKET_ACCEPT4_E */
	[57] = E("accept", SG_EF_OLD, 3, 0xff, 159), /* PPME_SOCKET_ACCEPT4_X */
	[58] = E("creat", 0, 2, 2, 162), /* PPME_SYSCALL_CREAT_E */
	[59] = E("creat", 0, 6, 4, 164), /* PPME_SYSCALL_CREAT_X */
	[60] = E("pipe", SG_EF_OLD, 0, 0, 170), /* PPME_SYSCALL_PIPE_E */
	[61] = E("pipe", 0, 4, 4, 170), /* PPME_SYSCALL_PIPE_X */
	[62] = E("eventfd", SG_EF_OLD, 2, 2, 174), /* PPME_SYSCALL_EVENTFD_E */
	[63] = E("eventfd", 0, 3, 1, 176), /* PPME_SYSCALL_EVENTFD_X */
	[64] = E("futex", SG_EF_OLD, 3, 3, 179), /* PPME_SYSCALL_FUTEX_E */
	[65] = E("futex", 0, 4, 1, 182), /* PPME_SYSCALL_FUTEX_X */
	[66] = E("stat", SG_EF_OLD, 0, 0, 186), /* PPME_SYSCALL_STAT_E */
	[67] = E("stat", 0, 2, 2, 186), /* PPME_SYSCALL_STAT_X */
	[68] = E("lstat", SG_EF_OLD, 0, 0, 188), /* PPME_SYSCALL_LSTAT_E */
	[69] = E("lstat", 0, 2, 2, 188), /* PPME_SYSCALL_LSTAT_X */
	[70] = E("fstat", SG_EF_OLD, 1, 1, 190), /* PPME_SYSCALL_FSTAT_E */
	[71] = E("fstat", 0, 2, 1, 191), /* PPME_SYSCALL_FSTAT_X */
	[72] = E("stat64", SG_EF_OLD, 0, 0, 193), /* PPME_SYSCALL_STAT64_E */
	[73] = E("stat64", 0, 2, 2, 193), /* PPME_SYSCALL_STAT64_X */
	[74] = E("lstat64", SG_EF_OLD, 0, 0, 195), /* PPME_SYSCALL_LSTAT64_E */
	[75] = E("lstat64", 0, 2, 2, 195), /* PPME_SYSCALL_LSTAT64_X */
	[76] = E("fstat64", SG_EF_OLD, 1, 1, 197), /* PPME_SYSCALL_FSTAT64_E */
	[77] = E("fstat64", 0, 1, 1, 198), /* PPME_SYSCALL_FSTAT64_X */
	[78] = E("epoll_wait", SG_EF_OLD, 1, 1, 199), /* PPME_SYSCALL_EPOLLWAIT_E */
	[79] = E("epoll_wait", 0, 2, 1, 200), /* PPME_SYSCALL_EPOLLWAIT_X */
	[80] = E("poll", SG_EF_OLD, 2, 2, 202), /* PPME_SYSCALL_POLL_E */
	[81] = E("poll", 0, 3, 2, 204), /* PPME_SYSCALL_POLL_X */
	[82] = E("select", SG_EF_OLD, 0, 0, 207), /* PPME_SYSCALL_SELECT_E */
	[83] = E("select", 0, 1, 1, 207), /* PPME_SYSCALL_SELECT_X */
	[84] = E("select", SG_EF_OLD, 0, 0, 208), /* PPME_SYSCALL_NEWSELECT_E */
	[85] = E("select", SG_EF_OLD, 1, 1, 208), /* PPME_SYSCALL_NEWSELECT_X */
	[86] = E("lseek", SG_EF_OLD, 3, 3, 209), /* PPME_SYSCALL_LSEEK_E */
	[87] = E("lseek", 0, 4, 1, 212), /* PPME_SYSCALL_LSEEK_X */
	[88] = E("llseek", SG_EF_OLD, 3, 3, 216), /* PPME_SYSCALL_LLSEEK_E */
	[89] = E("llseek", 0, 4, 1, 219), /* PPME_SYSCALL_LLSEEK_X */
	[90] = E("ioctl", SG_EF_OLD, 2, 0xff, 223), /* PPME_SYSCALL_IOCTL_2_E */
	[91] = E("ioctl", SG_EF_OLD, 1, 0xff, 225), /* PPME_SYSCALL_IOCTL_2_X */
	[92] = E("getcwd", SG_EF_OLD, 0, 0, 226), /* PPME_SYSCALL_GETCWD_E */
	[93] = E("getcwd", 0, 2, 2, 226), /* PPME_SYSCALL_GETCWD_X */
	[94] = E("chdir", SG_EF_OLD, 0, 0, 228), /* PPME_SYSCALL_CHDIR_E */
	[95] = E("chdir", 0, 2, 2, 228), /* PPME_SYSCALL_CHDIR_X */
	[96] = E("fchdir", SG_EF_OLD, 1, 1, 230), /* PPME_SYSCALL_FCHDIR_E */
	[97] = E("fchdir", 0, 2, 1, 231), /* PPME_SYSCALL_FCHDIR_X */
	[98] = E("mkdir", SG_EF_OLD, 2, 2, 233), /* PPME_SYSCALL_MKDIR_E */
	[99] = E("mkdir", SG_EF_OLD, 1, 1, 235), /* PPME_SYSCALL_MKDIR_X */
	[100] = E("rmdir", SG_EF_OLD, 1, 1, 236), /* PPME_SYSCALL_RMDIR_E */
	[101] = E("rmdir", SG_EF_OLD, 1, 1, 237), /* PPME_SYSCALL_RMDIR_X */
	[102] = E("openat", SG_EF_OLD, 4, 0xff, 238), /* PPME_SYSCALL_OPENAT_E */
	[103] = E("openat", SG_EF_OLD, 1, 0xff, 242), /* PPME_SYSCALL_OPENAT_X */
	[104] = E("link", SG_EF_OLD, 2, 0xff, 243), /* PPME_SYSCALL_LINK_E */
	[105] = E("link", SG_EF_OLD, 1, 0xff, 245), /* PPME_SYSCALL_LINK_X */
	[106] = E("linkat", SG_EF_OLD, 4, 0xff, 246), /* PPME_SYSCALL_LINKAT_E */
	[107] = E("linkat", SG_EF_OLD, 1, 0xff, 250), /* PPME_SYSCALL_LINKAT_X */
	[108] = E("unlink", SG_EF_OLD, 1, 0xff, 251), /* PPME_SYSCALL_UNLINK_E */
	[109] = E("unlink", SG_EF_OLD, 1, 0xff, 252), /* PPME_SYSCALL_UNLINK_X */
	[110] = E("unlinkat", SG_EF_OLD, 2, 0xff, 253), /* PPME_SYSCALL_UNLINKAT_E */
	[111] = E("unlinkat", SG_EF_OLD, 1, 0xff, 255), /* PPME_SYSCALL_UNLINKAT_X */
	[112] = E("pread", SG_EF_OLD, 3, 3, 256), /* PPME_SYSCALL_PREAD_E */
	[113] = E("pread", 0, 5, 2, 259), /* PPME_SYSCALL_PREAD_X */
	[114] = E("pwrite", SG_EF_OLD, 3, 3, 264), /* PPME_SYSCALL_PWRITE_E */
	[115] = E("pwrite", 0, 5, 2, 267), /* PPME_SYSCALL_PWRITE_X */
	[116] = E("readv", SG_EF_OLD, 1, 1, 272), /* PPME_SYSCALL_READV_E */
	[117] = E("readv", 0, 4, 3, 273), /* PPME_SYSCALL_READV_X */
	[118] = E("writev", SG_EF_OLD, 2, 2, 277), /* PPME_SYSCALL_WRITEV_E */
	[119] = E("writev", 0, 4, 2, 279), /* PPME_SYSCALL_WRITEV_X */
	[120] = E("preadv", SG_EF_OLD, 2, 2, 283), /* PPME_SYSCALL_PREADV_E */
	[121] = E("preadv", 0, 5, 3, 285), /* PPME_SYSCALL_PREADV_X */
	[122] = E("pwritev", SG_EF_OLD, 3, 3, 290), /* PPME_SYSCALL_PWRITEV_E */
	[123] = E("pwritev", 0, 5, 2, 293), /* PPME_SYSCALL_PWRITEV_X */
	[124] = E("dup", SG_EF_OLD, 1, 1, 298), /* PPME_SYSCALL_DUP_E */
	[125] = E("dup", SG_EF_OLD, 1, 1, 299), /* PPME_SYSCALL_DUP_X */
	[126] = E("signalfd", SG_EF_OLD, 3, 3, 300), /* PPME_SYSCALL_SIGNALFD_E */
	[127] = E("signalfd", 0, 4, 1, 303), /* PPME_SYSCALL_SIGNALFD_X */
	[128] = E("kill", SG_EF_OLD, 2, 2, 307), /* PPME_SYSCALL_KILL_E */
	[129] = E("kill", 0, 3, 1, 309), /* PPME_SYSCALL_KILL_X */
	[130] = E("tkill", SG_EF_OLD, 2, 2, 312), /* PPME_SYSCALL_TKILL_E */
	[131] = E("tkill", 0, 3, 1, 314), /* PPME_SYSCALL_TKILL_X */
	[132] = E("tgkill", SG_EF_OLD, 3, 3, 317), /* PPME_SYSCALL_TGKILL_E */
	[133] = E("tgkill", 0, 4, 1, 320), /* PPME_SYSCALL_TGKILL_X */
	[134] = E("nanosleep", SG_EF_OLD, 1, 1, 324), /* PPME_SYSCALL_NANOSLEEP_E */
	[135] = E("nanosleep", 0, 2, 1, 325), /* PPME_SYSCALL_NANOSLEEP_X */
	[136] = E("timerfd_create", SG_EF_OLD, 2, 2, 327), /* PPME_SYSCALL_TIMERFD_CREATE_E */
	[137] = E("timerfd_create", 0, 3, 1, 329), /* PPME_SYSCALL_TIMERFD_CREATE_X */
	[138] = E("inotify_init", SG_EF_OLD, 1, 1, 332), /* PPME_SYSCALL_INOTIFY_INIT_E */
	[139] = E("inotify_init", 0, 2, 1, 333), /* PPME_SYSCALL_INOTIFY_INIT_X */
	[140] = E("getrlimit", SG_EF_OLD, 1, 1, 335), /* PPME_SYSCALL_GETRLIMIT_E */
	[141] = E("getrlimit", 0, 4, 3, 336), /* PPME_SYSCALL_GETRLIMIT_X */
	[142] = E("setrlimit", SG_EF_OLD, 1, 1, 340), /* PPME_SYSCALL_SETRLIMIT_E */
	[143] = E("setrlimit", 0, 4, 3, 341), /* PPME_SYSCALL_SETRLIMIT_X */
	[144] = E("prlimit", SG_EF_OLD, 2, 2, 345), /* PPME_SYSCALL_PRLIMIT_E */
	[145] = E("prlimit", 0, 7, 5, 347), /* PPME_SYSCALL_PRLIMIT_X */
	[146] = E("switch", SG_EF_OLD, 1, 0xff, 354), /* PPME_SCHEDSWITCH_1_E */
	[147] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 355), /* PPME_SCHEDSWITCH_1_X */
	[148] = E("drop", 0, 1, 0xff, 355), /* PPME_DROP_E */
	[149] = E("drop", 0, 1, 0xff, 356), /* PPME_DROP_X */
	[150] = E("fcntl", SG_EF_OLD, 2, 2, 357), /* PPME_SYSCALL_FCNTL_E */
	[151] = E("fcntl", 0, 4, 1, 359), /* PPME_SYSCALL_FCNTL_X */
	[152] = E("switch", 0, 6, 6, 363), /* PPME_SCHEDSWITCH_6_E */
	[153] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 369), /* PPME_SCHEDSWITCH_6_X */
	[154] = E("execve", SG_EF_OLD, 0, 0xff, 369), /* PPME_SYSCALL_EXECVE_13_E */
	[155] = E("execve", SG_EF_OLD, 13, 0xff, 369), /* PPME_SYSCALL_EXECVE_13_X */
	[156] = E("clone", SG_EF_OLD, 0, 0xff, 382), /* PPME_SYSCALL_CLONE_16_E */
	[157] = E("clone", SG_EF_OLD, 16, 0xff, 382), /* PPME_SYSCALL_CLONE_16_X */
	[158] = E("brk", SG_EF_OLD, 1, 1, 398), /* PPME_SYSCALL_BRK_4_E */
	[159] = E("brk", 0, 5, 4, 399), /* PPME_SYSCALL_BRK_4_X */
	[160] = E("mmap", SG_EF_OLD, 6, 6, 404), /* PPME_SYSCALL_MMAP_E */
	[161] = E("mmap", 0, 10, 4, 410), /* PPME_SYSCALL_MMAP_X */
	[162] = E("mmap2", SG_EF_OLD, 6, 6, 420), /* PPME_SYSCALL_MMAP2_E */
	[163] = E("mmap2", 0, 10, 4, 426), /* PPME_SYSCALL_MMAP2_X */
	[164] = E("munmap", SG_EF_OLD, 2, 2, 436), /* PPME_SYSCALL_MUNMAP_E */
	[165] = E("munmap", 0, 6, 4, 438), /* PPME_SYSCALL_MUNMAP_X */
	[166] = E("splice", SG_EF_OLD, 4, 4, 444), /* PPME_SYSCALL_SPLICE_E */
	[167] = E("splice", 0, 5, 1, 448), /* PPME_SYSCALL_SPLICE_X */
	[168] = E("ptrace", SG_EF_OLD, 2, 2, 453), /* PPME_SYSCALL_PTRACE_E */
	[169] = E("ptrace", 0, 5, 3, 455), /* PPME_SYSCALL_PTRACE_X */
	[170] = E("ioctl", SG_EF_OLD, 3, 3, 460), /* PPME_SYSCALL_IOCTL_3_E */
	[171] = E("ioctl", 0, 4, 1, 463), /* PPME_SYSCALL_IOCTL_3_X */
	[172] = E("execve", SG_EF_OLD, 0, 0xff, 467), /* PPME_SYSCALL_EXECVE_14_E */
	[173] = E("execve", SG_EF_OLD, 14, 0xff, 467), /* PPME_SYSCALL_EXECVE_14_X */
	[174] = E("rename", SG_EF_OLD, 0, 0, 481), /* PPME_SYSCALL_RENAME_E */
	[175] = E("rename", 0, 3, 3, 481), /* PPME_SYSCALL_RENAME_X */
	[176] = E("renameat", SG_EF_OLD, 0, 0, 484), /* PPME_SYSCALL_RENAMEAT_E */
	[177] = E("renameat", 0, 5, 5, 484), /* PPME_SYSCALL_RENAMEAT_X */
	[178] = E("symlink", SG_EF_OLD, 0, 0, 489), /* PPME_SYSCALL_SYMLINK_E */
	[179] = E("symlink", 0, 3, 3, 489), /* PPME_SYSCALL_SYMLINK_X */
	[180] = E("symlinkat", SG_EF_OLD, 0, 0, 492), /* PPME_SYSCALL_SYMLINKAT_E */
	[181] = E("symlinkat", 0, 4, 4, 492), /* PPME_SYSCALL_SYMLINKAT_X */
	[182] = E("fork", SG_EF_OLD, 0, 0xff, 496), /* PPME_SYSCALL_FORK_E */
	[183] = E("fork", SG_EF_OLD, 16, 0xff, 496), /* PPME_SYSCALL_FORK_X */
	[184] = E("vfork", SG_EF_OLD, 0, 0xff, 512), /* PPME_SYSCALL_VFORK_E */
	[185] = E("vfork", SG_EF_OLD, 16, 0xff, 512), /* PPME_SYSCALL_VFORK_X */
	[186] = E("procexit", 0, 5, 4, 528), /* PPME_PROCEXIT_1_E */
	[187] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 533), /* PPME_PROCEXIT_1_X */
	[188] = E("sendfile", SG_EF_OLD, 4, 4, 533), /* PPME_SYSCALL_SENDFILE_E */
	[189] = E("sendfile", 0, 5, 2, 537), /* PPME_SYSCALL_SENDFILE_X */
	[190] = E("quotactl", SG_EF_OLD, 4, 4, 542), /* PPME_SYSCALL_QUOTACTL_E */
	[191] = E("quotactl", 0, 18, 14, 546), /* PPME_SYSCALL_QUOTACTL_X */
	[192] = E("setresuid", SG_EF_OLD, 3, 3, 564), /* PPME_SYSCALL_SETRESUID_E */
	[193] = E("setresuid", 0, 4, 1, 567), /* PPME_SYSCALL_SETRESUID_X */
	[194] = E("setresgid", SG_EF_OLD, 3, 3, 571), /* PPME_SYSCALL_SETRESGID_E */
	[195] = E("setresgid", 0, 4, 1, 574), /* PPME_SYSCALL_SETRESGID_X */
	[196] = E("scapevent", 0, 2, 0xff, 578), /* PPME_SCAPEVENT_E */
	[197] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 580), /* PPME_SCAPEVENT_X */
	[198] = E("setuid", SG_EF_OLD, 1, 1, 580), /* PPME_SYSCALL_SETUID_E */
	[199] = E("setuid", 0, 2, 1, 581), /* PPME_SYSCALL_SETUID_X */
	[200] = E("setgid", SG_EF_OLD, 1, 1, 583), /* PPME_SYSCALL_SETGID_E */
	[201] = E("setgid", 0, 2, 1, 584), /* PPME_SYSCALL_SETGID_X */
	[202] = E("getuid", SG_EF_OLD, 0, 0, 586), /* PPME_SYSCALL_GETUID_E */
	[203] = E("getuid", 0, 1, 1, 586), /* PPME_SYSCALL_GETUID_X */
	[204] = E("geteuid", SG_EF_OLD, 0, 0, 587), /* PPME_SYSCALL_GETEUID_E */
	[205] = E("geteuid", 0, 1, 1, 587), /* PPME_SYSCALL_GETEUID_X */
	[206] = E("getgid", SG_EF_OLD, 0, 0, 588), /* PPME_SYSCALL_GETGID_E */
	[207] = E("getgid", 0, 1, 1, 588), /* PPME_SYSCALL_GETGID_X */
	[208] = E("getegid", SG_EF_OLD, 0, 0, 589), /* PPME_SYSCALL_GETEGID_E */
	[209] = E("getegid", 0, 1, 1, 589), /* PPME_SYSCALL_GETEGID_X */
	[210] = E("getresuid", SG_EF_OLD, 0, 0, 590), /* PPME_SYSCALL_GETRESUID_E */
	[211] = E("getresuid", 0, 4, 4, 590), /* PPME_SYSCALL_GETRESUID_X */
	[212] = E("getresgid", SG_EF_OLD, 0, 0, 594), /* PPME_SYSCALL_GETRESGID_E */
	[213] = E("getresgid", 0, 4, 4, 594), /* PPME_SYSCALL_GETRESGID_X */
	[214] = E("execve", SG_EF_OLD, 0, 0xff, 598), /* PPME_SYSCALL_EXECVE_15_E */
	[215] = E("execve", SG_EF_OLD, 15, 0xff, 598), /* PPME_SYSCALL_EXECVE_15_X */
	[216] = E("clone", SG_EF_OLD, 0, 0, 613), /* PPME_SYSCALL_CLONE_17_E */
	[217] = E("clone", SG_EF_OLD, 17, 0xff, 613), /* PPME_SYSCALL_CLONE_17_X */
	[218] = E("fork", SG_EF_OLD, 0, 0xff, 630), /* PPME_SYSCALL_FORK_17_E */
	[219] = E("fork", SG_EF_OLD, 17, 0xff, 630), /* PPME_SYSCALL_FORK_17_X */
	[220] = E("vfork", SG_EF_OLD, 0, 0xff, 647), /* PPME_SYSCALL_VFORK_17_E */
	[221] = E("vfork", SG_EF_OLD, 17, 0xff, 647), /* PPME_SYSCALL_VFORK_17_X */
	[222] = E("clone", SG_EF_OLD, 0, 0xff, 664), /* PPME_SYSCALL_CLONE_20_E */
	[223] = E("clone", 0, 21, 20, 664), /* PPME_SYSCALL_CLONE_20_X */
	[224] = E("fork", SG_EF_OLD, 0, 0, 685), /* PPME_SYSCALL_FORK_20_E */
	[225] = E("fork", 0, 21, 20, 685), /* PPME_SYSCALL_FORK_20_X */
	[226] = E("vfork", SG_EF_OLD, 0, 0, 706), /* PPME_SYSCALL_VFORK_20_E */
	[227] = E("vfork", 0, 21, 20, 706), /* PPME_SYSCALL_VFORK_20_X */
	[228] = E("container", SG_EF_OLD, 4, 0xff, 727), /* PPME_CONTAINER_E */
	[229] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 731), /* PPME_CONTAINER_X */
	[230] = E("execve", SG_EF_OLD, 0, 0, 731), /* PPME_SYSCALL_EXECVE_16_E */
	[231] = E("execve", SG_EF_OLD, 16, 16, 731), /* PPME_SYSCALL_EXECVE_16_X */
	[232] = E("signaldeliver", 0, 3, 3, 747), /* PPME_SIGNALDELIVER_E */
	[233] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 750), /* PPME_SIGNALDELIVER_X */
	[234] = E("procinfo", 0, 2, 0xff, 750), /* PPME_PROCINFO_E */
	[235] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 752), /* PPME_PROCINFO_X */
	[236] = E("getdents", SG_EF_OLD, 1, 1, 752), /* PPME_SYSCALL_GETDENTS_E */
	[237] = E("getdents", 0, 2, 1, 753), /* PPME_SYSCALL_GETDENTS_X */
	[238] = E("getdents64", SG_EF_OLD, 1, 1, 755), /* PPME_SYSCALL_GETDENTS64_E */
	[239] = E("getdents64", 0, 2, 1, 756), /* PPME_SYSCALL_GETDENTS64_X */
	[240] = E("setns", SG_EF_OLD, 2, 2, 758), /* PPME_SYSCALL_SETNS_E */
	[241] = E("setns", 0, 3, 1, 760), /* PPME_SYSCALL_SETNS_X */
	[242] = E("flock", SG_EF_OLD, 2, 2, 763), /* PPME_SYSCALL_FLOCK_E */
	[243] = E("flock", 0, 3, 1, 765), /* PPME_SYSCALL_FLOCK_X */
	[244] = E("cpu_hotplug", 0, 2, 2, 768), /* PPME_CPU_HOTPLUG_E */
	[245] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 770), /* PPME_CPU_HOTPLUG_X */
	[246] = E("accept", SG_EF_OLD, 0, 0, 770), /* PPME_SOCKET_ACCEPT_5_E */
	[247] = E("accept", 0, 5, 5, 770), /* PPME_SOCKET_ACCEPT_5_X */
	[248] = E("accept", SG_EF_OLD, 1, 1, 775), /* PPME_SOCKET_ACCEPT4_5_E */
	[249] = E("accept", SG_EF_OLD, 5, 5, 776), /* PPME_SOCKET_ACCEPT4_5_X */
	[250] = E("semop", SG_EF_OLD, 1, 1, 781), /* PPME_SYSCALL_SEMOP_E */
	[251] = E("semop", 0, 9, 8, 782), /* PPME_SYSCALL_SEMOP_X */
	[252] = E("semctl", SG_EF_OLD, 4, 4, 791), /* PPME_SYSCALL_SEMCTL_E */
	[253] = E("semctl", 0, 5, 1, 795), /* PPME_SYSCALL_SEMCTL_X */
	[254] = E("ppoll", SG_EF_OLD, 3, 3, 800), /* PPME_SYSCALL_PPOLL_E */
	[255] = E("ppoll", 0, 4, 2, 803), /* PPME_SYSCALL_PPOLL_X */
	[256] = E("mount", SG_EF_OLD, 1, 1, 807), /* PPME_SYSCALL_MOUNT_E */
	[257] = E("mount", 0, 5, 4, 808), /* PPME_SYSCALL_MOUNT_X */
	[258] = E("umount", SG_EF_OLD, 1, 1, 813), /* PPME_SYSCALL_UMOUNT_E */
	[259] = E("umount", SG_EF_OLD, 2, 2, 814), /* PPME_SYSCALL_UMOUNT_X */
	[260] = E("k8s", SG_EF_OLD, 1, 0xff, 816), /* PPME_K8S_E */
	[261] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 817), /* PPME_K8S_X */
	[262] = E("semget", SG_EF_OLD, 3, 3, 817), /* PPME_SYSCALL_SEMGET_E */
	[263] = E("semget", 0, 4, 1, 820), /* PPME_SYSCALL_SEMGET_X */
	[264] = E("access", SG_EF_OLD, 1, 1, 824), /* PPME_SYSCALL_ACCESS_E */
	[265] = E("access", 0, 3, 2, 825), /* PPME_SYSCALL_ACCESS_X */
	[266] = E("chroot", SG_EF_OLD, 0, 0, 828), /* PPME_SYSCALL_CHROOT_E */
	[267] = E("chroot", 0, 2, 2, 828), /* PPME_SYSCALL_CHROOT_X */
	[268] = E("tracer", SG_EF_OLD, 3, 3, 830), /* PPME_TRACER_E */
	[269] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 3, 0xff, 833), /* PPME_TRACER_X */
	[270] = E("mesos", SG_EF_OLD, 1, 0xff, 836), /* PPME_MESOS_E */
	[271] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 837), /* PPME_MESOS_X */
	[272] = E("container", SG_EF_OLD, 1, 1, 837), /* PPME_CONTAINER_JSON_E */
	[273] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 838), /* PPME_CONTAINER_JSON_X */
	[274] = E("setsid", SG_EF_OLD, 0, 0, 838), /* PPME_SYSCALL_SETSID_E */
	[275] = E("setsid", 0, 1, 1, 838), /* PPME_SYSCALL_SETSID_X */
	[276] = E("mkdir", SG_EF_OLD, 1, 1, 839), /* PPME_SYSCALL_MKDIR_2_E */
	[277] = E("mkdir", 0, 3, 2, 840), /* PPME_SYSCALL_MKDIR_2_X */
	[278] = E("rmdir", SG_EF_OLD, 0, 0, 843), /* PPME_SYSCALL_RMDIR_2_E */
	[279] = E("rmdir", 0, 2, 2, 843), /* PPME_SYSCALL_RMDIR_2_X */
	[280] = E("notification", 0, 2, 2, 845), /* PPME_NOTIFICATION_E */
	[281] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 847), /* PPME_NOTIFICATION_X */
	[282] = E("execve", SG_EF_OLD, 0, 0xff, 847), /* PPME_SYSCALL_EXECVE_17_E */
	[283] = E("execve", SG_EF_OLD, 17, 0xff, 847), /* PPME_SYSCALL_EXECVE_17_X */
	[284] = E("unshare", SG_EF_OLD, 1, 1, 864), /* PPME_SYSCALL_UNSHARE_E */
	[285] = E("unshare", 0, 2, 1, 865), /* PPME_SYSCALL_UNSHARE_X */
	[286] = E("infra", 0, 4, 0xff, 867), /* PPME_INFRASTRUCTURE_EVENT_E */
	[287] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 871), /* PPME_INFRASTRUCTURE_EVENT_X */
	[288] = E("execve", SG_EF_OLD, 1, 0xff, 871), /* PPME_SYSCALL_EXECVE_18_E */
	[289] = E("execve", SG_EF_OLD, 17, 0xff, 872), /* PPME_SYSCALL_EXECVE_18_X */
	[290] = E("page_fault", 0, 3, 3, 889), /* PPME_PAGE_FAULT_E */
	[291] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 892), /* PPME_PAGE_FAULT_X */
	[292] = E("execve", SG_EF_OLD, 1, 1, 892), /* PPME_SYSCALL_EXECVE_19_E */
	[293] = E("execve", 0, 31, 20, 893), /* PPME_SYSCALL_EXECVE_19_X */
	[294] = E("setpgid", SG_EF_OLD, 2, 2, 924), /* PPME_SYSCALL_SETPGID_E */
	[295] = E("setpgid", 0, 3, 1, 926), /* PPME_SYSCALL_SETPGID_X */
	[296] = E("bpf", SG_EF_OLD, 1, 1, 929), /* PPME_SYSCALL_BPF_E */
	[297] = E("bpf", SG_EF_OLD, 1, 1, 930), /* PPME_SYSCALL_BPF_X */
	[298] = E("seccomp", SG_EF_OLD, 2, 1, 931), /* PPME_SYSCALL_SECCOMP_E */
	[299] = E("seccomp", 0, 3, 1, 933), /* PPME_SYSCALL_SECCOMP_X */
	[300] = E("unlink", SG_EF_OLD, 0, 0, 936), /* PPME_SYSCALL_UNLINK_2_E */
	[301] = E("unlink", 0, 2, 2, 936), /* PPME_SYSCALL_UNLINK_2_X */
	[302] = E("unlinkat", SG_EF_OLD, 0, 0, 938), /* PPME_SYSCALL_UNLINKAT_2_E */
	[303] = E("unlinkat", 0, 4, 4, 938), /* PPME_SYSCALL_UNLINKAT_2_X */
	[304] = E("mkdirat", SG_EF_OLD, 0, 0, 942), /* PPME_SYSCALL_MKDIRAT_E */
	[305] = E("mkdirat", 0, 4, 4, 942), /* PPME_SYSCALL_MKDIRAT_X */
	[306] = E("openat", 0, 4, 4, 946), /* PPME_SYSCALL_OPENAT_2_E */
	[307] = E("openat", 0, 7, 6, 950), /* PPME_SYSCALL_OPENAT_2_X */
	[308] = E("link", SG_EF_OLD, 0, 0, 957), /* PPME_SYSCALL_LINK_2_E */
	[309] = E("link", 0, 3, 3, 957), /* PPME_SYSCALL_LINK_2_X */
	[310] = E("linkat", SG_EF_OLD, 0, 0, 960), /* PPME_SYSCALL_LINKAT_2_E */
	[311] = E("linkat", 0, 6, 6, 960), /* PPME_SYSCALL_LINKAT_2_X */
	[312] = E("fchmodat", SG_EF_OLD, 0, 0, 966), /* PPME_SYSCALL_FCHMODAT_E */
	[313] = E("fchmodat", 0, 4, 4, 966), /* PPME_SYSCALL_FCHMODAT_X */
	[314] = E("chmod", SG_EF_OLD, 0, 0, 970), /* PPME_SYSCALL_CHMOD_E */
	[315] = E("chmod", 0, 3, 3, 970), /* PPME_SYSCALL_CHMOD_X */
	[316] = E("fchmod", SG_EF_OLD, 0, 0, 973), /* PPME_SYSCALL_FCHMOD_E */
	[317] = E("fchmod", 0, 3, 3, 973), /* PPME_SYSCALL_FCHMOD_X */
	[318] = E("renameat2", SG_EF_OLD, 0, 0, 976), /* PPME_SYSCALL_RENAMEAT2_E */
	[319] = E("renameat2", 0, 6, 6, 976), /* PPME_SYSCALL_RENAMEAT2_X */
	[320] = E("userfaultfd", SG_EF_OLD, 0, 0, 982), /* PPME_SYSCALL_USERFAULTFD_E */
	[321] = E("userfaultfd", 0, 2, 2, 982), /* PPME_SYSCALL_USERFAULTFD_X */
	[322] = E("pluginevent", SG_EF_LARGE, 2, 0xff, 984), /* PPME_PLUGINEVENT_E */
	[323] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 986), /* PPME_PLUGINEVENT_X */
	[324] = E("container", SG_EF_LARGE, 1, 1, 986), /* PPME_CONTAINER_JSON_2_E */
	[325] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 987), /* PPME_CONTAINER_JSON_2_X */
	[326] = E("openat2", 0, 5, 5, 987), /* PPME_SYSCALL_OPENAT2_E */
	[327] = E("openat2", 0, 8, 6, 992), /* PPME_SYSCALL_OPENAT2_X */
	[328] = E("mprotect", SG_EF_OLD, 3, 3, 1000), /* PPME_SYSCALL_MPROTECT_E */
	[329] = E("mprotect", 0, 4, 1, 1003), /* PPME_SYSCALL_MPROTECT_X */
	[330] = E("execveat", SG_EF_OLD, 3, 3, 1007), /* PPME_SYSCALL_EXECVEAT_E */
	[331] = E("execveat", 0, 30, 20, 1010), /* PPME_SYSCALL_EXECVEAT_X */
	[332] = E("copy_file_range", SG_EF_OLD, 3, 3, 1040), /* PPME_SYSCALL_COPY_FILE_RANGE_E */
	[333] = E("copy_file_range", 0, 6, 3, 1043), /* PPME_SYSCALL_COPY_FILE_RANGE_X */
	[334] = E("clone3", SG_EF_OLD, 0, 0, 1049), /* PPME_SYSCALL_CLONE3_E */
	[335] = E("clone3", 0, 21, 20, 1049), /* PPME_SYSCALL_CLONE3_X */
	[336] = E("open_by_handle_at", SG_EF_OLD, 0, 0xff, 1070), /* PPME_SYSCALL_OPEN_BY_HANDLE_AT_E */
	[337] = E("open_by_handle_at", 0, 6, 0xff, 1070), /* PPME_SYSCALL_OPEN_BY_HANDLE_AT_X */
	[338] = E("io_uring_setup", SG_EF_OLD, 0, 0xff, 1076), /* PPME_SYSCALL_IO_URING_SETUP_E */
	[339] = E("io_uring_setup", 0, 8, 0xff, 1076), /* PPME_SYSCALL_IO_URING_SETUP_X */
	[340] = E("io_uring_enter", SG_EF_OLD, 0, 0xff, 1084), /* PPME_SYSCALL_IO_URING_ENTER_E */
	[341] = E("io_uring_enter", 0, 6, 0xff, 1084), /* PPME_SYSCALL_IO_URING_ENTER_X */
	[342] = E("io_uring_register", SG_EF_OLD, 0, 0xff, 1090), /* PPME_SYSCALL_IO_URING_REGISTER_E */
	[343] = E("io_uring_register", 0, 5, 0xff, 1090), /* PPME_SYSCALL_IO_URING_REGISTER_X */
	[344] = E("mlock", SG_EF_OLD, 0, 0xff, 1095), /* PPME_SYSCALL_MLOCK_E */
	[345] = E("mlock", 0, 3, 0xff, 1095), /* PPME_SYSCALL_MLOCK_X */
	[346] = E("munlock", SG_EF_OLD, 0, 0xff, 1098), /* PPME_SYSCALL_MUNLOCK_E */
	[347] = E("munlock", 0, 3, 0xff, 1098), /* PPME_SYSCALL_MUNLOCK_X */
	[348] = E("mlockall", SG_EF_OLD, 0, 0xff, 1101), /* PPME_SYSCALL_MLOCKALL_E */
	[349] = E("mlockall", 0, 2, 0xff, 1101), /* PPME_SYSCALL_MLOCKALL_X */
	[350] = E("munlockall", SG_EF_OLD, 0, 0xff, 1103), /* PPME_SYSCALL_MUNLOCKALL_E */
	[351] = E("munlockall", 0, 1, 0xff, 1103), /* PPME_SYSCALL_MUNLOCKALL_X */
	[352] = E("capset", SG_EF_OLD, 0, 0xff, 1104), /* PPME_SYSCALL_CAPSET_E */
	[353] = E("capset", 0, 4, 0xff, 1104), /* PPME_SYSCALL_CAPSET_X */
	[354] = E("useradded", 0, 6, 0xff, 1108), /* PPME_USER_ADDED_E */
	[355] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1114), /* PPME_USER_ADDED_X */
	[356] = E("userdeleted", 0, 6, 0xff, 1114), /* PPME_USER_DELETED_E */
	[357] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1120), /* PPME_USER_DELETED_X */
	[358] = E("groupadded", 0, 3, 0xff, 1120), /* PPME_GROUP_ADDED_E */
	[359] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1123), /* PPME_GROUP_ADDED_X */
	[360] = E("groupdeleted", 0, 3, 0xff, 1123), /* PPME_GROUP_DELETED_E */
	[361] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1126), /* PPME_GROUP_DELETED_X */
	[362] = E("dup2", SG_EF_OLD, 1, 0xff, 1126), /* PPME_SYSCALL_DUP2_E */
	[363] = E("dup2", 0, 3, 0xff, 1127), /* PPME_SYSCALL_DUP2_X */
	[364] = E("dup3", SG_EF_OLD, 1, 0xff, 1130), /* PPME_SYSCALL_DUP3_E */
	[365] = E("dup3", 0, 4, 0xff, 1131), /* PPME_SYSCALL_DUP3_X */
	[366] = E("dup", SG_EF_OLD, 1, 0xff, 1135), /* PPME_SYSCALL_DUP_1_E */
	[367] = E("dup", 0, 2, 0xff, 1136), /* PPME_SYSCALL_DUP_1_X */
	[368] = E("bpf", SG_EF_OLD, 1, 0xff, 1138), /* PPME_SYSCALL_BPF_2_E */
	[369] = E("bpf", 0, 2, 0xff, 1139), /* PPME_SYSCALL_BPF_2_X */
	[370] = E("mlock2", SG_EF_OLD, 0, 0xff, 1141), /* PPME_SYSCALL_MLOCK2_E */
	[371] = E("mlock2", 0, 4, 0xff, 1141), /* PPME_SYSCALL_MLOCK2_X */
	[372] = E("fsconfig", SG_EF_OLD, 0, 0xff, 1145), /* PPME_SYSCALL_FSCONFIG_E */
	[373] = E("fsconfig", 0, 7, 0xff, 1145), /* PPME_SYSCALL_FSCONFIG_X */
	[374] = E("epoll_create", SG_EF_OLD, 1, 0xff, 1152), /* PPME_SYSCALL_EPOLL_CREATE_E */
	[375] = E("epoll_create", 0, 2, 0xff, 1153), /* PPME_SYSCALL_EPOLL_CREATE_X */
	[376] = E("epoll_create1", SG_EF_OLD, 1, 0xff, 1155), /* PPME_SYSCALL_EPOLL_CREATE1_E */
	[377] = E("epoll_create1", 0, 2, 0xff, 1156), /* PPME_SYSCALL_EPOLL_CREATE1_X */
	[378] = E("chown", SG_EF_OLD, 0, 0xff, 1158), /* PPME_SYSCALL_CHOWN_E */
	[379] = E("chown", 0, 4, 0xff, 1158), /* PPME_SYSCALL_CHOWN_X */
	[380] = E("lchown", SG_EF_OLD, 0, 0xff, 1162), /* PPME_SYSCALL_LCHOWN_E */
	[381] = E("lchown", 0, 4, 0xff, 1162), /* PPME_SYSCALL_LCHOWN_X */
	[382] = E("fchown", SG_EF_OLD, 0, 0xff, 1166), /* PPME_SYSCALL_FCHOWN_E */
	[383] = E("fchown", 0, 4, 0xff, 1166), /* PPME_SYSCALL_FCHOWN_X */
	[384] = E("fchownat", SG_EF_OLD, 0, 0xff, 1170), /* PPME_SYSCALL_FCHOWNAT_E */
	[385] = E("fchownat", 0, 6, 0xff, 1170), /* PPME_SYSCALL_FCHOWNAT_X */
	[386] = E("umount", SG_EF_OLD, 0, 0xff, 1176), /* PPME_SYSCALL_UMOUNT_1_E */
	[387] = E("umount", 0, 2, 0xff, 1176), /* PPME_SYSCALL_UMOUNT_1_X */
	[388] = E("accept4", SG_EF_OLD, 1, 0xff, 1178), /* PPME_SOCKET_ACCEPT4_6_E */
	[389] = E("accept4", 0, 6, 0xff, 1179), /* PPME_SOCKET_ACCEPT4_6_X */
	[390] = E("umount2", SG_EF_OLD, 1, 0xff, 1185), /* PPME_SYSCALL_UMOUNT2_E */
	[391] = E("umount2", 0, 3, 0xff, 1186), /* PPME_SYSCALL_UMOUNT2_X */
	[392] = E("pipe2", SG_EF_OLD, 0, 0xff, 1189), /* PPME_SYSCALL_PIPE2_E */
	[393] = E("pipe2", 0, 5, 0xff, 1189), /* PPME_SYSCALL_PIPE2_X */
	[394] = E("inotify_init1", SG_EF_OLD, 0, 0xff, 1194), /* PPME_SYSCALL_INOTIFY_INIT1_E */
	[395] = E("inotify_init1", 0, 2, 0xff, 1194), /* PPME_SYSCALL_INOTIFY_INIT1_X */
	[396] = E("eventfd2", SG_EF_OLD, 1, 0xff, 1196), /* PPME_SYSCALL_EVENTFD2_E */
	[397] = E("eventfd2", 0, 3, 0xff, 1197), /* PPME_SYSCALL_EVENTFD2_X */
	[398] = E("signalfd4", SG_EF_OLD, 2, 0xff, 1200), /* PPME_SYSCALL_SIGNALFD4_E */
	[399] = E("signalfd4", 0, 4, 0xff, 1202), /* PPME_SYSCALL_SIGNALFD4_X */
	[400] = E("prctl", SG_EF_OLD, 0, 0xff, 1206), /* PPME_SYSCALL_PRCTL_E */
	[401] = E("prctl", 0, 4, 0xff, 1206), /* PPME_SYSCALL_PRCTL_X */
	[402] = E("asyncevent", SG_EF_LARGE, 3, 0xff, 1210), /* PPME_ASYNCEVENT_E */
	[403] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1213), /* PPME_ASYNCEVENT_X */
	[404] = E("memfd_create", SG_EF_OLD, 0, 0xff, 1213), /* PPME_SYSCALL_MEMFD_CREATE_E */
	[405] = E("memfd_create", 0, 3, 0xff, 1213), /* PPME_SYSCALL_MEMFD_CREATE_X */
	[406] = E("pidfd_getfd", SG_EF_OLD, 0, 0xff, 1216), /* PPME_SYSCALL_PIDFD_GETFD_E */
	[407] = E("pidfd_getfd", 0, 4, 0xff, 1216), /* PPME_SYSCALL_PIDFD_GETFD_X */
	[408] = E("pidfd_open", SG_EF_OLD, 0, 0xff, 1220), /* PPME_SYSCALL_PIDFD_OPEN_E */
	[409] = E("pidfd_open", 0, 3, 0xff, 1220), /* PPME_SYSCALL_PIDFD_OPEN_X */
	[410] = E("init_module", SG_EF_OLD, 0, 0xff, 1223), /* PPME_SYSCALL_INIT_MODULE_E */
	[411] = E("init_module", 0, 4, 0xff, 1223), /* PPME_SYSCALL_INIT_MODULE_X */
	[412] = E("finit_module", SG_EF_OLD, 0, 0xff, 1227), /* PPME_SYSCALL_FINIT_MODULE_E */
	[413] = E("finit_module", 0, 4, 0xff, 1227), /* PPME_SYSCALL_FINIT_MODULE_X */
	[414] = E("mknod", SG_EF_OLD, 0, 0xff, 1231), /* PPME_SYSCALL_MKNOD_E */
	[415] = E("mknod", 0, 4, 0xff, 1231), /* PPME_SYSCALL_MKNOD_X */
	[416] = E("mknodat", SG_EF_OLD, 0, 0xff, 1235), /* PPME_SYSCALL_MKNODAT_E */
	[417] = E("mknodat", 0, 5, 0xff, 1235), /* PPME_SYSCALL_MKNODAT_X */
	[418] = E("newfstatat", SG_EF_OLD, 0, 0xff, 1240), /* PPME_SYSCALL_NEWFSTATAT_E */
	[419] = E("newfstatat", 0, 4, 0xff, 1240), /* PPME_SYSCALL_NEWFSTATAT_X */
	[420] = E("process_vm_readv", SG_EF_OLD, 0, 0xff, 1244), /* PPME_SYSCALL_PROCESS_VM_READV_E */
	[421] = E("process_vm_readv", 0, 3, 0xff, 1244), /* PPME_SYSCALL_PROCESS_VM_READV_X */
	[422] = E("process_vm_writev", SG_EF_OLD, 0, 0xff, 1247), /* PPME_SYSCALL_PROCESS_VM_WRITEV_E */
	[423] = E("process_vm_writev", 0, 3, 0xff, 1247), /* PPME_SYSCALL_PROCESS_VM_WRITEV_X */
	[424] = E("delete_module", SG_EF_OLD, 0, 0xff, 1250), /* PPME_SYSCALL_DELETE_MODULE_E */
	[425] = E("delete_module", 0, 3, 0xff, 1250), /* PPME_SYSCALL_DELETE_MODULE_X */
	[426] = E("setreuid", SG_EF_OLD, 0, 0xff, 1253), /* PPME_SYSCALL_SETREUID_E */
	[427] = E("setreuid", 0, 3, 0xff, 1253), /* PPME_SYSCALL_SETREUID_X */
	[428] = E("setregid", SG_EF_OLD, 0, 0xff, 1256), /* PPME_SYSCALL_SETREGID_E */
	[429] = E("setregid", 0, 3, 0xff, 1256), /* PPME_SYSCALL_SETREGID_X */
	[430] = E("task", 0, 32, 0xff, 1259), /* PPME_ITER_TASK_E */
	[431] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1291), /* PPME_ITER_TASK_X */
	[432] = E("task_file_pipe", 0, 3, 0xff, 1291), /* PPME_ITER_TASK_FILE_PIPE_E */
	[433] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1294), /* PPME_ITER_TASK_FILE_PIPE_X */
	[434] = E("task_file_memfd", 0, 3, 0xff, 1294), /* PPME_ITER_TASK_FILE_MEMFD_E */
	[435] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1297), /* PPME_ITER_TASK_FILE_MEMFD_X */
	[436] = E("task_file_regular", 0, 5, 0xff, 1297), /* PPME_ITER_TASK_FILE_REGULAR_E */
	[437] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1302), /* PPME_ITER_TASK_FILE_REGULAR_X */
	[438] = E("task_file_directory", 0, 3, 0xff, 1302), /* PPME_ITER_TASK_FILE_DIRECTORY_E */
	[439] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1305), /* PPME_ITER_TASK_FILE_DIRECTORY_X */
	[440] = E("task_file_socket_inet", 0, 8, 0xff, 1305), /* PPME_ITER_TASK_FILE_SOCKET_INET_E */
	[441] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1313), /* PPME_ITER_TASK_FILE_SOCKET_INET_X */
	[442] = E("task_file_socket_inet6", 0, 8, 0xff, 1313), /* PPME_ITER_TASK_FILE_SOCKET_INET6_E */
	[443] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1321), /* PPME_ITER_TASK_FILE_SOCKET_INET6_X */
	[444] = E("task_file_socket_unix", 0, 6, 0xff, 1321), /* PPME_ITER_TASK_FILE_SOCKET_UNIX_E */
	[445] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1327), /* PPME_ITER_TASK_FILE_SOCKET_UNIX_X */
	[446] = E("task_file_socket_netlink", 0, 4, 0xff, 1327), /* PPME_ITER_TASK_FILE_SOCKET_NETLINK_E */
	[447] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1331), /* PPME_ITER_TASK_FILE_SOCKET_NETLINK_X */
	[448] = E("task_file_anon_inode", 0, 4, 0xff, 1331), /* PPME_ITER_TASK_FILE_ANON_INODE_E */
	[449] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1335), /* PPME_ITER_TASK_FILE_ANON_INODE_X */
	[450] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1335), /* PPME_SYSCALL_CLOSE_RANGE_E */
	[451] = E("close_range", 0, 4, 0xff, 1335), /* PPME_SYSCALL_CLOSE_RANGE_X */
	[452] = E("NA", SG_EF_UNUSED|SG_EF_UNUSED, 0, 0xff, 1339), /* PPME_SYSCALL_KEYCTL_E */
	[453] = E("keyctl", 0, 6, 0xff, 1339), /* PPME_SYSCALL_KEYCTL_X */
};

const char *const sg_scap_sc_names[SG_SCAP_SC_MAX] = {
	[0] = "unknown",
	[1] = "restart_syscall",
	[2] = "exit",
	[3] = "read",
	[4] = "write",
	[5] = "open",
	[6] = "close",
	[7] = "creat",
	[8] = "link",
	[9] = "unlink",
	[10] = "chdir",
	[11] = "time",
	[12] = "mknod",
	[13] = "chmod",
	[14] = "stat",
	[15] = "lseek",
	[16] = "getpid",
	[17] = "mount",
	[18] = "ptrace",
	[19] = "alarm",
	[20] = "fstat",
	[21] = "pause",
	[22] = "utime",
	[23] = "access",
	[24] = "sync",
	[25] = "kill",
	[26] = "rename",
	[27] = "mkdir",
	[28] = "rmdir",
	[29] = "dup",
	[30] = "pipe",
	[31] = "times",
	[32] = "brk",
	[33] = "acct",
	[34] = "ioctl",
	[35] = "fcntl",
	[36] = "setpgid",
	[37] = "umask",
	[38] = "chroot",
	[39] = "ustat",
	[40] = "dup2",
	[41] = "getppid",
	[42] = "getpgrp",
	[43] = "setsid",
	[44] = "sethostname",
	[45] = "setrlimit",
	[46] = "getrusage",
	[47] = "gettimeofday",
	[48] = "settimeofday",
	[49] = "symlink",
	[50] = "lstat",
	[51] = "readlink",
	[52] = "uselib",
	[53] = "swapon",
	[54] = "reboot",
	[55] = "mmap",
	[56] = "munmap",
	[57] = "truncate",
	[58] = "ftruncate",
	[59] = "fchmod",
	[60] = "getpriority",
	[61] = "setpriority",
	[62] = "statfs",
	[63] = "fstatfs",
	[64] = "syslog",
	[65] = "setitimer",
	[66] = "getitimer",
	[67] = "uname",
	[68] = "vhangup",
	[69] = "wait4",
	[70] = "swapoff",
	[71] = "sysinfo",
	[72] = "fsync",
	[73] = "setdomainname",
	[74] = "adjtimex",
	[75] = "mprotect",
	[76] = "init_module",
	[77] = "delete_module",
	[78] = "quotactl",
	[79] = "getpgid",
	[80] = "fchdir",
	[81] = "sysfs",
	[82] = "personality",
	[83] = "getdents",
	[84] = "select",
	[85] = "flock",
	[86] = "msync",
	[87] = "readv",
	[88] = "writev",
	[89] = "getsid",
	[90] = "fdatasync",
	[91] = "mlock",
	[92] = "munlock",
	[93] = "mlockall",
	[94] = "munlockall",
	[95] = "sched_setparam",
	[96] = "sched_getparam",
	[97] = "sched_setscheduler",
	[98] = "sched_getscheduler",
	[99] = "sched_yield",
	[100] = "sched_get_priority_max",
	[101] = "sched_get_priority_min",
	[102] = "sched_rr_get_interval",
	[103] = "nanosleep",
	[104] = "mremap",
	[105] = "poll",
	[106] = "prctl",
	[107] = "rt_sigaction",
	[108] = "rt_sigprocmask",
	[109] = "rt_sigpending",
	[110] = "rt_sigtimedwait",
	[111] = "rt_sigqueueinfo",
	[112] = "rt_sigsuspend",
	[113] = "getcwd",
	[114] = "capget",
	[115] = "capset",
	[116] = "sendfile",
	[117] = "getrlimit",
	[118] = "lchown",
	[119] = "getuid",
	[120] = "getgid",
	[121] = "geteuid",
	[122] = "getegid",
	[123] = "setreuid",
	[124] = "setregid",
	[125] = "getgroups",
	[126] = "setgroups",
	[127] = "fchown",
	[128] = "setresuid",
	[129] = "getresuid",
	[130] = "setresgid",
	[131] = "getresgid",
	[132] = "chown",
	[133] = "setuid",
	[134] = "setgid",
	[135] = "setfsuid",
	[136] = "setfsgid",
	[137] = "pivot_root",
	[138] = "mincore",
	[139] = "madvise",
	[140] = "gettid",
	[141] = "setxattr",
	[142] = "lsetxattr",
	[143] = "fsetxattr",
	[144] = "getxattr",
	[145] = "lgetxattr",
	[146] = "fgetxattr",
	[147] = "listxattr",
	[148] = "llistxattr",
	[149] = "flistxattr",
	[150] = "removexattr",
	[151] = "lremovexattr",
	[152] = "fremovexattr",
	[153] = "tkill",
	[154] = "futex",
	[155] = "sched_setaffinity",
	[156] = "sched_getaffinity",
	[157] = "set_thread_area",
	[158] = "get_thread_area",
	[159] = "io_setup",
	[160] = "io_destroy",
	[161] = "io_getevents",
	[162] = "io_submit",
	[163] = "io_cancel",
	[164] = "exit_group",
	[165] = "epoll_create",
	[166] = "epoll_ctl",
	[167] = "epoll_wait",
	[168] = "remap_file_pages",
	[169] = "set_tid_address",
	[170] = "timer_create",
	[171] = "timer_settime",
	[172] = "timer_gettime",
	[173] = "timer_getoverrun",
	[174] = "timer_delete",
	[175] = "clock_settime",
	[176] = "clock_gettime",
	[177] = "clock_getres",
	[178] = "clock_nanosleep",
	[179] = "tgkill",
	[180] = "utimes",
	[181] = "mq_open",
	[182] = "mq_unlink",
	[183] = "mq_timedsend",
	[184] = "mq_timedreceive",
	[185] = "mq_notify",
	[186] = "mq_getsetattr",
	[187] = "kexec_load",
	[188] = "waitid",
	[189] = "add_key",
	[190] = "request_key",
	[191] = "keyctl",
	[192] = "ioprio_set",
	[193] = "ioprio_get",
	[194] = "inotify_init",
	[195] = "inotify_add_watch",
	[196] = "inotify_rm_watch",
	[197] = "openat",
	[198] = "mkdirat",
	[199] = "mknodat",
	[200] = "fchownat",
	[201] = "futimesat",
	[202] = "unlinkat",
	[203] = "renameat",
	[204] = "linkat",
	[205] = "symlinkat",
	[206] = "readlinkat",
	[207] = "fchmodat",
	[208] = "faccessat",
	[209] = "pselect6",
	[210] = "ppoll",
	[211] = "unshare",
	[212] = "set_robust_list",
	[213] = "get_robust_list",
	[214] = "splice",
	[215] = "tee",
	[216] = "vmsplice",
	[217] = "getcpu",
	[218] = "epoll_pwait",
	[219] = "utimensat",
	[220] = "signalfd",
	[221] = "timerfd_create",
	[222] = "eventfd",
	[223] = "timerfd_settime",
	[224] = "timerfd_gettime",
	[225] = "signalfd4",
	[226] = "eventfd2",
	[227] = "epoll_create1",
	[228] = "dup3",
	[229] = "pipe2",
	[230] = "inotify_init1",
	[231] = "preadv",
	[232] = "pwritev",
	[233] = "rt_tgsigqueueinfo",
	[234] = "perf_event_open",
	[235] = "fanotify_init",
	[236] = "prlimit64",
	[237] = "clock_adjtime",
	[238] = "syncfs",
	[239] = "setns",
	[240] = "getdents64",
	[241] = "socket",
	[242] = "bind",
	[243] = "connect",
	[244] = "listen",
	[245] = "accept",
	[246] = "getsockname",
	[247] = "getpeername",
	[248] = "socketpair",
	[249] = "sendto",
	[250] = "recvfrom",
	[251] = "shutdown",
	[252] = "setsockopt",
	[253] = "getsockopt",
	[254] = "sendmsg",
	[255] = "sendmmsg",
	[256] = "recvmsg",
	[257] = "recvmmsg",
	[258] = "accept4",
	[259] = "semop",
	[260] = "semget",
	[261] = "semctl",
	[262] = "msgsnd",
	[263] = "msgrcv",
	[264] = "msgget",
	[265] = "msgctl",
	[266] = "shmdt",
	[267] = "shmget",
	[268] = "shmctl",
	[269] = "statfs64",
	[270] = "fstatfs64",
	[271] = "fstatat64",
	[272] = "sendfile64",
	[273] = "ugetrlimit",
	[274] = "bdflush",
	[275] = "sigprocmask",
	[276] = "ipc",
	[277] = "socketcall",
	[278] = "stat64",
	[279] = "lstat64",
	[280] = "fstat64",
	[281] = "fcntl64",
	[282] = "mmap2",
	[283] = "_newselect",
	[284] = "sgetmask",
	[285] = "ssetmask",
	[286] = "sigpending",
	[287] = "olduname",
	[288] = "umount",
	[289] = "signal",
	[290] = "nice",
	[291] = "stime",
	[292] = "_llseek",
	[293] = "waitpid",
	[294] = "pread64",
	[295] = "pwrite64",
	[296] = "arch_prctl",
	[297] = "shmat",
	[298] = "rt_sigreturn",
	[299] = "fallocate",
	[300] = "newfstatat",
	[301] = "process_vm_readv",
	[302] = "process_vm_writev",
	[303] = "fork",
	[304] = "vfork",
	[305] = "setuid32",
	[306] = "getuid32",
	[307] = "setgid32",
	[308] = "geteuid32",
	[309] = "getgid32",
	[310] = "setresuid32",
	[311] = "setresgid32",
	[312] = "getresuid32",
	[313] = "getresgid32",
	[314] = "finit_module",
	[315] = "bpf",
	[316] = "seccomp",
	[317] = "sigaltstack",
	[318] = "getrandom",
	[319] = "fadvise64",
	[320] = "renameat2",
	[321] = "userfaultfd",
	[322] = "openat2",
	[323] = "umount2",
	[324] = "execve",
	[325] = "execveat",
	[326] = "copy_file_range",
	[327] = "clone",
	[328] = "clone3",
	[329] = "open_by_handle_at",
	[330] = "io_uring_setup",
	[331] = "io_uring_enter",
	[332] = "io_uring_register",
	[333] = "mlock2",
	[334] = "getegid32",
	[335] = "fsconfig",
	[336] = "fspick",
	[337] = "fsmount",
	[338] = "fsopen",
	[339] = "open_tree",
	[340] = "move_mount",
	[341] = "mount_setattr",
	[342] = "memfd_create",
	[343] = "memfd_secret",
	[344] = "ioperm",
	[345] = "kexec_file_load",
	[346] = "pidfd_getfd",
	[347] = "pidfd_open",
	[348] = "pidfd_send_signal",
	[349] = "pkey_alloc",
	[350] = "pkey_mprotect",
	[351] = "pkey_free",
	[352] = "landlock_create_ruleset",
	[353] = "quotactl_fd",
	[354] = "landlock_restrict_self",
	[355] = "landlock_add_rule",
	[356] = "epoll_pwait2",
	[357] = "migrate_pages",
	[358] = "move_pages",
	[359] = "preadv2",
	[360] = "pwritev2",
	[361] = "kcmp",
	[362] = "sched_setattr",
	[363] = "mbind",
	[364] = "epoll_ctl_old",
	[365] = "lookup_dcookie",
	[366] = "modify_ldt",
	[367] = "statx",
	[368] = "set_mempolicy",
	[369] = "io_pgetevents",
	[370] = "set_mempolicy_home_node",
	[371] = "semtimedop",
	[372] = "get_kernel_syms",
	[373] = "readahead",
	[374] = "futex_waitv",
	[375] = "getpmsg",
	[376] = "name_to_handle_at",
	[377] = "process_mrelease",
	[378] = "nfsservctl",
	[379] = "epoll_wait_old",
	[380] = "rseq",
	[381] = "create_module",
	[382] = "na_1",
	[383] = "sched_getattr",
	[384] = "faccessat2",
	[385] = "_sysctl",
	[386] = "query_module",
	[387] = "get_mempolicy",
	[388] = "sync_file_range",
	[389] = "process_madvise",
	[390] = "membarrier",
	[391] = "iopl",
	[392] = "close_range",
	[393] = "fanotify_mark",
	[394] = "recv",
	[395] = "send",
	[396] = "sched_process_exit",
	[397] = "sched_switch",
	[398] = "page_fault_user",
	[399] = "page_fault_kernel",
	[400] = "signal_deliver",
	[401] = "timerfd",
	[402] = "s390_pci_mmio_read",
	[403] = "sigaction",
	[404] = "s390_pci_mmio_write",
	[405] = "readdir",
	[406] = "s390_sthyi",
	[407] = "sigsuspend",
	[408] = "idle",
	[409] = "s390_runtime_instr",
	[410] = "sigreturn",
	[411] = "s390_guarded_storage",
	[412] = "cachestat",
	[413] = "fchmodat2",
	[414] = "map_shadow_stack",
	[415] = "riscv_flush_icache",
	[416] = "riscv_hwprobe",
	[417] = "futex_wake",
	[418] = "futex_requeue",
	[419] = "futex_wait",
	[420] = "oldstat",
	[421] = "switch_endian",
	[422] = "multiplexer",
	[423] = "oldlstat",
	[424] = "spu_create",
	[425] = "sync_file_range2",
	[426] = "oldfstat",
	[427] = "spu_run",
	[428] = "swapcontext",
	[429] = "pciconfig_write",
	[430] = "rtas",
	[431] = "pciconfig_read",
	[432] = "sys_debug_setcontext",
	[433] = "vm86",
	[434] = "oldolduname",
	[435] = "subpage_prot",
	[436] = "pciconfig_iobase",
	[437] = "listmount",
	[438] = "statmount",
	[439] = "lsm_get_self_attr",
	[440] = "lsm_set_self_attr",
	[441] = "lsm_list_modules",
	[442] = "mseal",
	[443] = "uretprobe",
	[444] = "removexattrat",
	[445] = "listxattrat",
	[446] = "getxattrat",
	[447] = "setxattrat",
	[448] = "open_tree_attr",
	[449] = "file_getattr",
	[450] = "file_setattr",
	[451] = "listns",
	[452] = "uprobe",
	[453] = "rseq_slice_yield",
};

static const struct {
	const char *libs, *kernel;
} sg_scap_renames[] = {
	{"pread", "pread64"}, {"pwrite", "pwrite64"}, {"prlimit", "prlimit64"},
};

const char *sg_scap_kernel_name(const char *libs_name)
{
	for (unsigned i = 0; i < sizeof(sg_scap_renames) / sizeof(sg_scap_renames[0]); i++)
		if (!strcmp(sg_scap_renames[i].libs, libs_name))
			return sg_scap_renames[i].kernel;
	return libs_name;
}

const char *sg_scap_libs_name(const char *kernel_name)
{
	for (unsigned i = 0; i < sizeof(sg_scap_renames) / sizeof(sg_scap_renames[0]); i++)
		if (!strcmp(sg_scap_renames[i].kernel, kernel_name))
			return sg_scap_renames[i].libs;
	return kernel_name;
}
