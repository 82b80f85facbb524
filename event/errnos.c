/*
 * errno names: "ENOENT" for 2 and back, the architecture's own values and
 * the kernel-internal codes sys_exit can see (ERESTARTSYS...).
 */
#include "event/errnos.h"

#include <errno.h>
#include <string.h>

/* Indexed by the architecture's own values (from <errno.h>), so the table
 * is right on every architecture, mips and alpha included. */
static const char *const errno_names[] = {
#define E(n) [n] = #n,
	E(EPERM) E(ENOENT) E(ESRCH) E(EINTR) E(EIO) E(ENXIO) E(E2BIG)
	E(ENOEXEC) E(EBADF) E(ECHILD) E(EAGAIN) E(ENOMEM) E(EACCES) E(EFAULT)
	E(ENOTBLK) E(EBUSY) E(EEXIST) E(EXDEV) E(ENODEV) E(ENOTDIR) E(EISDIR)
	E(EINVAL) E(ENFILE) E(EMFILE) E(ENOTTY) E(ETXTBSY) E(EFBIG) E(ENOSPC)
	E(ESPIPE) E(EROFS) E(EMLINK) E(EPIPE) E(EDOM) E(ERANGE) E(EDEADLK)
	E(ENAMETOOLONG) E(ENOLCK) E(ENOSYS) E(ENOTEMPTY) E(ELOOP) E(ENOMSG)
	E(EIDRM) E(ECHRNG) E(EL2NSYNC) E(EL3HLT) E(EL3RST) E(ELNRNG)
	E(EUNATCH) E(ENOCSI) E(EL2HLT) E(EBADE) E(EBADR) E(EXFULL) E(ENOANO)
	E(EBADRQC) E(EBADSLT) E(EBFONT) E(ENOSTR) E(ENODATA) E(ETIME)
	E(ENOSR) E(ENONET) E(ENOPKG) E(EREMOTE) E(ENOLINK) E(EADV) E(ESRMNT)
	E(ECOMM) E(EPROTO) E(EMULTIHOP) E(EDOTDOT) E(EBADMSG) E(EOVERFLOW)
	E(ENOTUNIQ) E(EBADFD) E(EREMCHG) E(ELIBACC) E(ELIBBAD) E(ELIBSCN)
	E(ELIBMAX) E(ELIBEXEC) E(EILSEQ) E(ERESTART) E(ESTRPIPE) E(EUSERS)
	E(ENOTSOCK) E(EDESTADDRREQ) E(EMSGSIZE) E(EPROTOTYPE) E(ENOPROTOOPT)
	E(EPROTONOSUPPORT) E(ESOCKTNOSUPPORT) E(EOPNOTSUPP) E(EPFNOSUPPORT)
	E(EAFNOSUPPORT) E(EADDRINUSE) E(EADDRNOTAVAIL) E(ENETDOWN)
	E(ENETUNREACH) E(ENETRESET) E(ECONNABORTED) E(ECONNRESET) E(ENOBUFS)
	E(EISCONN) E(ENOTCONN) E(ESHUTDOWN) E(ETOOMANYREFS) E(ETIMEDOUT)
	E(ECONNREFUSED) E(EHOSTDOWN) E(EHOSTUNREACH) E(EALREADY) E(EINPROGRESS)
	E(ESTALE) E(EUCLEAN) E(ENOTNAM) E(ENAVAIL) E(EISNAM) E(EREMOTEIO)
	E(EDQUOT) E(ENOMEDIUM) E(EMEDIUMTYPE) E(ECANCELED) E(ENOKEY)
	E(EKEYEXPIRED) E(EKEYREVOKED) E(EKEYREJECTED) E(EOWNERDEAD)
	E(ENOTRECOVERABLE) E(ERFKILL) E(EHWPOISON)
#undef E
};

/* Kernel-internal codes (include/linux/errno.h): never returned to a
 * program, but sys_exit sees them, e.g. a read interrupted by a signal
 * ends with -ERESTARTSYS before the restart. */
static const struct {
	int value;
	const char *name;
} kernel_errnos[] = {
	{512, "ERESTARTSYS"}, {513, "ERESTARTNOINTR"}, {514, "ERESTARTNOHAND"},
	{515, "ENOIOCTLCMD"}, {516, "ERESTART_RESTARTBLOCK"},
	{517, "EPROBE_DEFER"}, {518, "EOPENSTALE"}, {519, "ENOPARAM"},
	{521, "EBADHANDLE"}, {522, "ENOTSYNC"}, {523, "EBADCOOKIE"},
	{524, "ENOTSUPP"}, {525, "ETOOSMALL"}, {526, "ESERVERFAULT"},
	{527, "EBADTYPE"}, {528, "EJUKEBOX"}, {529, "EIOCBQUEUED"},
	{530, "ERECALLCONFLICT"}, {531, "ENOGRACE"},
};

/* Other names of the same values, accepted in filters only. */
static const struct {
	const char *name;
	int value;
} errno_aliases[] = {
	{"EWOULDBLOCK", EWOULDBLOCK},
	{"EDEADLOCK", EDEADLOCK},
	{"ENOTSUP", ENOTSUP},
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *sg_errno_name(int err)
{
	if (err > 0 && (size_t)err < NELEM(errno_names) && errno_names[err])
		return errno_names[err];
	for (size_t i = 0; i < NELEM(kernel_errnos); i++)
		if (kernel_errnos[i].value == err)
			return kernel_errnos[i].name;
	return NULL;
}

int sg_errno_value(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 1; i < NELEM(errno_names); i++)
		if (errno_names[i] && strcmp(errno_names[i], name) == 0)
			return (int)i;
	for (size_t i = 0; i < NELEM(kernel_errnos); i++)
		if (strcmp(kernel_errnos[i].name, name) == 0)
			return kernel_errnos[i].value;
	for (size_t i = 0; i < NELEM(errno_aliases); i++)
		if (strcmp(errno_aliases[i].name, name) == 0)
			return errno_aliases[i].value;
	return -1;
}

