/*
 * container.id from cgroup paths, the way Falco recognises the runtimes:
 *   docker      /docker/<64hex>, docker-<64hex>.scope
 *   containerd  cri-containerd-<64hex>.scope, /kubepods/.../<64hex>
 *   containerd  <pod>.slice:cri-containerd:<64hex> (v1, systemd driver)
 *   cri-o       crio-<64hex>.scope, crio-<64hex>
 *   podman      libpod-<64hex>.scope, libpod-<64hex>
 * The id is the first 12 hex digits; "host" when the path names no
 * container.  New processes carry only a cgroup v2 id (its directory's inode
 * number): a map id -> container id is built by walking the cgroup2 mount,
 * and walked again for an id not seen before, at most once a second; an id
 * a walk did not find is remembered as missing, so it never walks again.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state/state_int.h"

#define CG_WALK_DEPTH 32
#define CG_WALK_MAX 200000 /* directories visited per walk */

static bool all_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
	}
	return true;
}

/* One path component: the container id it names, if any.  The id is the
 * last 64 hex digits, the whole component (cgroupfs driver) or after a '-'
 * or ':' with an optional ".scope" (systemd driver "<runtime>-<id>.scope",
 * cri-o's and podman's "crio-<id>" / "libpod-<id>", containerd's v1 name
 * "<pod>.slice:cri-containerd:<id>"). */
static bool component_id(const char *c, size_t n, char out[16])
{
	static const char *const conmon[] = {"crio-conmon-", "libpod-conmon-"};
	const char *id = NULL;

	if (n > 6 && memcmp(c + n - 6, ".scope", 6) == 0)
		n -= 6;
	if (n == 64 && all_hex(c, 64)) {
		id = c; /* cgroupfs driver: /docker/<id>, /kubepods/.../<id> */
	} else if (n > 64) {
		for (size_t i = 0; i < sizeof(conmon) / sizeof(conmon[0]); i++)
			if (n >= strlen(conmon[i]) && memcmp(c, conmon[i], strlen(conmon[i])) == 0)
				return false; /* the runtime's monitor, not the container */
		const char *h = c + n - 64;
		if ((h[-1] == '-' || h[-1] == ':') && all_hex(h, 64))
			id = h;
	}
	if (!id)
		return false;
	memcpy(out, id, 12);
	out[12] = 0;
	return true;
}

void sg_container_from_path(const char *path, size_t len, char out[16])
{
	char id[16];
	bool found = false;
	size_t i = 0;

	/* the deepest match wins: a container nested in a pod slice */
	while (i < len) {
		while (i < len && path[i] == '/')
			i++;
		size_t start = i;
		while (i < len && path[i] != '/')
			i++;
		if (i > start && component_id(path + start, i - start, id))
			found = true;
	}
	strcpy(out, found ? id : "host");
}

/* /proc/PID/cgroup: "0::/path" (v2) and "N:controllers:/path" (v1).  Any
 * hierarchy that names a container decides; otherwise "host". */
void sg_container_from_procfile(const char *text, size_t len, char out[16],
				const char **v2path, size_t *v2len)
{
	const char *end = text + len;
	strcpy(out, "host");
	for (const char *l = text; l < end;) {
		const char *nl = memchr(l, '\n', (size_t)(end - l));
		const char *le = nl ? nl : end;
		const char *c1 = memchr(l, ':', (size_t)(le - l));
		const char *c2 = c1 ? memchr(c1 + 1, ':', (size_t)(le - c1 - 1)) : NULL;
		if (c2) {
			char id[16];
			if (c1 == l + 1 && l[0] == '0' && c2 == c1 + 1) {
				*v2path = c2 + 1;
				*v2len = (size_t)(le - c2 - 1);
			}
			sg_container_from_path(c2 + 1, (size_t)(le - c2 - 1), id);
			if (strcmp(id, "host") != 0)
				strcpy(out, id);
		}
		l = le + 1;
	}
}

/* ---- cgroup id -> container id ----------------------------------------- */

static void cg_put(struct sg_cgmap *m, uint64_t id, const char *cid)
{
	bool added;
	struct sg_cgent *e = sg_idmap_put(&m->map, sizeof(*e), id, &added);
	if (!e)
		return;
	e->missing = false;
	snprintf(e->cid, sizeof(e->cid), "%s", cid);
}

/* A walk did not find id: remember, so the next miss on it costs nothing. */
static void cg_put_missing(struct sg_cgmap *m, uint64_t id)
{
	bool added;
	struct sg_cgent *e = sg_idmap_put(&m->map, sizeof(*e), id, &added);
	if (e && added)
		e->missing = true;
}

void sg_cgmap_free(struct sg_cgmap *m)
{
	sg_idmap_free(&m->map);
	memset(m, 0, sizeof(*m));
}

/* The cgroup2 mount: /sys/fs/cgroup on unified hosts, .../unified on
 * hybrid ones.  Found once from mountinfo. */
static const char *cg_root(struct sg_state *st)
{
	if (st->cgroot[0])
		return st->cgroot;
	snprintf(st->cgroot, sizeof(st->cgroot), "/sys/fs/cgroup");
	FILE *f = fopen("/proc/self/mountinfo", "re");
	if (!f)
		return st->cgroot;
	char line[1024], mnt[512], fstype[64];
	while (fgets(line, sizeof(line), f)) {
		const char *dash = strstr(line, " - ");
		if (!dash || sscanf(dash + 3, "%63s", fstype) != 1 || strcmp(fstype, "cgroup2"))
			continue;
		if (sscanf(line, "%*s %*s %*s %*s %511s", mnt) == 1) {
			snprintf(st->cgroot, sizeof(st->cgroot), "%s", mnt);
			break;
		}
	}
	fclose(f);
	return st->cgroot;
}

struct walk {
	struct sg_cgmap *m;
	char path[PATH_MAX];
	size_t rootlen;
	unsigned visited;
};

static void walk_dir(struct walk *w, int dfd, size_t len, int depth)
{
	struct stat sb;
	if (fstat(dfd, &sb) == 0) {
		char cid[16];
		sg_container_from_path(w->path + w->rootlen, len - w->rootlen, cid);
		cg_put(w->m, (uint64_t)sb.st_ino, cid);
	}
	if (depth >= CG_WALK_DEPTH || ++w->visited > CG_WALK_MAX) {
		close(dfd);
		return;
	}
	DIR *d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR || de->d_name[0] == '.')
			continue;
		size_t n = strlen(de->d_name);
		if (len + 1 + n >= sizeof(w->path))
			continue;
		int sub = openat(dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (sub < 0)
			continue;
		w->path[len] = '/';
		memcpy(w->path + len + 1, de->d_name, n + 1);
		walk_dir(w, sub, len + 1 + n, depth + 1);
		w->path[len] = 0;
	}
	closedir(d);
}

static void cg_walk(struct sg_state *st)
{
	struct walk *w = calloc(1, sizeof(*w));
	if (!w)
		return;
	w->m = &st->cg;
	snprintf(w->path, sizeof(w->path), "%s", cg_root(st));
	w->rootlen = strlen(w->path);
	int dfd = open(w->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0)
		walk_dir(w, dfd, w->rootlen, 0);
	free(w);
	st->cg.scanned = sg_mono_sec();
	st->cg.ever = true;
}

/* Only an id never seen walks the tree (at most once a second); an id a
 * walk missed stays unknown until some path names it. */
void sg_container_of_cgroup(struct sg_state *st, uint64_t cgid, char out[16])
{
	const struct sg_cgent *e = sg_idmap_get(&st->cg.map, cgid);
	if (!e && cgid && !st->offline && (!st->cg.ever || sg_mono_sec() != st->cg.scanned)) {
		cg_walk(st);
		e = sg_idmap_get(&st->cg.map, cgid);
		if (!e)
			cg_put_missing(&st->cg, cgid);
	}
	snprintf(out, 16, "%s", e && !e->missing ? e->cid : "");
}

uint64_t sg_cgroup_id_of_path(struct sg_state *st, const char *path, size_t len)
{
	char full[PATH_MAX];
	struct stat sb;
	int n = snprintf(full, sizeof(full), "%s%.*s", cg_root(st), (int)len, path);
	if (n < 0 || (size_t)n >= sizeof(full) || stat(full, &sb) != 0)
		return 0;
	char cid[16];
	sg_container_from_path(path, len, cid);
	cg_put(&st->cg, (uint64_t)sb.st_ino, cid);
	return (uint64_t)sb.st_ino;
}

void sg_state_container_of_cgroup(struct sg_state *st, uint64_t cgid, char out[16])
{
	sg_container_of_cgroup(st, cgid, out);
}
