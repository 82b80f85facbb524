/*
 * Port service names for fd.sport=ssh.  The binary is static, so there is
 * no NSS: /etc/services is read directly, and a built-in table of common
 * services answers when the file is missing or does not name the service.
 */
#include "filter/values.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int port;
} builtin[] = {
	{ "ftp-data", 20 }, { "ftp", 21 }, { "ssh", 22 }, { "telnet", 23 },
	{ "smtp", 25 }, { "domain", 53 }, { "dns", 53 }, { "bootps", 67 },
	{ "bootpc", 68 }, { "tftp", 69 }, { "http", 80 }, { "www", 80 },
	{ "kerberos", 88 }, { "pop3", 110 }, { "sunrpc", 111 }, { "ntp", 123 },
	{ "netbios-ssn", 139 }, { "imap", 143 }, { "imap2", 143 }, { "snmp", 161 },
	{ "ldap", 389 }, { "https", 443 }, { "microsoft-ds", 445 },
	{ "submissions", 465 }, { "syslog", 514 }, { "submission", 587 },
	{ "ldaps", 636 }, { "rsync", 873 }, { "imaps", 993 }, { "pop3s", 995 },
	{ "mysql", 3306 }, { "postgresql", 5432 }, { "redis", 6379 },
	{ "http-alt", 8080 }, { "mongodb", 27017 }, { "memcache", 11211 },
};

/* Does the line "name port/proto alias..." name the service?  Returns its
 * port or -1. */
static int match_line(char *line, const char *name, uint32_t len)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *save = NULL;
	char *svc = strtok_r(line, " \t\r\n", &save);
	char *pp = strtok_r(NULL, " \t\r\n", &save);
	if (!svc || !pp)
		return -1;
	int port = 0;
	for (char *p = pp; *p && *p != '/'; p++) {
		if (*p < '0' || *p > '9' || (port = port * 10 + (*p - '0')) > 65535)
			return -1;
	}
	for (char *w = svc; w; w = strtok_r(NULL, " \t\r\n", &save)) {
		if (strlen(w) == len && !memcmp(w, name, len))
			return port;
	}
	return -1;
}

int sg_service_port_in(const char *path, const char *name, uint32_t len)
{
	if (len == 0 || memchr(name, '\0', len))
		return -1;
	FILE *f = fopen(path, "re");
	if (f) {
		char line[512];
		int port = -1;
		while (port < 0 && fgets(line, sizeof(line), f))
			port = match_line(line, name, len);
		fclose(f);
		if (port >= 0)
			return port;
	}
	for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++) {
		if (strlen(builtin[i].name) == len && !memcmp(builtin[i].name, name, len))
			return builtin[i].port;
	}
	return -1;
}

int sg_service_port(const char *name, uint32_t len)
{
	return sg_service_port_in("/etc/services", name, len);
}
