/* errno names, as sysdig prints results: -2(ENOENT). */
#ifndef SG_ERRNOS_H
#define SG_ERRNOS_H

/* "ENOENT" for 2, NULL when unknown. */
const char *sg_errno_name(int err);
/* 2 for "ENOENT", -1 when unknown. */
int sg_errno_value(const char *name);

#endif /* SG_ERRNOS_H */
