/*
 * The container engine's REST API over its unix socket: one
 * GET /containers/<id>/json, its JSON turned into a struct sg_ctrinfo.
 * Podman's compat API and docker's answer the same request with the same
 * document.  Called from ctrmeta.c's worker thread only, never on the event
 * path: it may wait (up to SG_ENGINE_TIMEOUT_MS), so it polls and gives up
 * as soon as *stop is set.  Every length the peer sends is bounded.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "state/state_int.h"

#define SG_ENGINE_TIMEOUT_MS 3000
#define SG_ENGINE_MAX_REPLY (4u << 20) /* an inspect document is a few KB */
#define SG_CTR_MAX_MOUNTS 256
#define SG_CTR_MAX_LABELS 512

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static bool stopped(const bool *stop)
{
	return stop && __atomic_load_n(stop, __ATOMIC_RELAXED);
}

/* Wait for fd to become ready for ev, in short slices so a stop is seen
 * quickly; false on timeout, stop or error. */
static bool wait_fd(int fd, short ev, uint64_t deadline, const bool *stop)
{
	for (;;) {
		if (stopped(stop))
			return false;
		uint64_t now = mono_ms();
		if (now >= deadline)
			return false;
		uint64_t left = deadline - now;
		struct pollfd p = {.fd = fd, .events = ev};
		int r = poll(&p, 1, left > 200 ? 200 : (int)left);
		if (r > 0)
			return true;
		if (r < 0 && errno != EINTR)
			return false;
	}
}

static int connect_unix(const char *path, uint64_t deadline, const bool *stop)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof(sa.sun_path))
		return -1;
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
		return fd;
	if (errno == EINPROGRESS || errno == EAGAIN) {
		int err = 0;
		socklen_t el = sizeof(err);
		if (wait_fd(fd, POLLOUT, deadline, stop) &&
		    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) == 0 && err == 0)
			return fd;
	}
	close(fd);
	return -1;
}

static bool send_all(int fd, const char *p, size_t n, uint64_t deadline, const bool *stop)
{
	while (n) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno != EAGAIN && errno != EINTR)
			return false;
		if (!wait_fd(fd, POLLOUT, deadline, stop))
			return false;
	}
	return true;
}

/* The whole reply, up to the peer's close (HTTP/1.0), bounded. */
static char *recv_all(int fd, size_t *len, uint64_t deadline, const bool *stop)
{
	size_t cap = 16384, n = 0;
	char *b = malloc(cap + 1);
	while (b) {
		if (n == cap) {
			if (cap >= SG_ENGINE_MAX_REPLY)
				break; /* too long to be an inspect document */
			char *nb = realloc(b, cap * 2 + 1);
			if (!nb)
				break;
			b = nb;
			cap *= 2;
		}
		ssize_t r = recv(fd, b + n, cap - n, 0);
		if (r > 0) {
			n += (size_t)r;
			continue;
		}
		if (r == 0) {
			b[n] = 0;
			*len = n;
			return b;
		}
		if (errno != EAGAIN && errno != EINTR)
			break;
		if (!wait_fd(fd, POLLIN, deadline, stop))
			break;
	}
	free(b);
	return NULL;
}

/* A header's value in the header block h[0..n), or NULL. */
static const char *header(const char *h, size_t n, const char *name, size_t *vlen)
{
	size_t nl = strlen(name);
	for (const char *l = h; l < h + n;) {
		const char *e = memchr(l, '\n', (size_t)(h + n - l));
		if (!e)
			e = h + n;
		if ((size_t)(e - l) > nl && l[nl] == ':' && !strncasecmp(l, name, nl)) {
			const char *v = l + nl + 1;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			const char *ve = e;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' '))
				ve--;
			*vlen = (size_t)(ve - v);
			return v;
		}
		l = e + 1;
	}
	return NULL;
}

/* Undo "Transfer-Encoding: chunked" in place; false when malformed. */
static bool dechunk(char *b, size_t n, size_t *out)
{
	size_t r = 0, w = 0;
	for (;;) {
		char *end;
		if (r >= n)
			return false;
		unsigned long sz = strtoul(b + r, &end, 16);
		char *nl = memchr(b + r, '\n', n - r);
		if (!nl || end == b + r)
			return false;
		r = (size_t)(nl - b) + 1;
		if (sz == 0) {
			*out = w;
			return true;
		}
		if (sz > n - r)
			return false;
		memmove(b + w, b + r, sz);
		w += sz;
		r += sz;
		if (r < n && b[r] == '\r')
			r++;
		if (r < n && b[r] == '\n')
			r++;
	}
}

int sg_http_reply_parse(char *reply, size_t len, int *status, const char **body,
			size_t *blen, bool *podman)
{
	*podman = false;
	if (len < 12 || strncmp(reply, "HTTP/1.", 7) != 0)
		return -1;
	*status = atoi(reply + 9);
	const char *sep = memmem(reply, len, "\r\n\r\n", 4);
	if (!sep)
		return -1;
	size_t hlen = (size_t)(sep - reply);
	char *b = (char *)sep + 4;
	size_t n = len - hlen - 4, vl;
	/* the compat API of podman says which engine it is in a header */
	*podman = header(reply, hlen, "Libpod-Api-Version", &vl) != NULL;
	const char *te = header(reply, hlen, "Transfer-Encoding", &vl);
	if (te && vl == 7 && !strncasecmp(te, "chunked", 7) && !dechunk(b, n, &n))
		return -1;
	const char *cl = header(reply, hlen, "Content-Length", &vl);
	if (cl && !te) {
		unsigned long c = strtoul(cl, NULL, 10);
		if (c < n)
			n = c;
	}
	b[n] = 0;
	*body = b;
	*blen = n;
	return 0;
}

/* ---- the inspect document -> struct sg_ctrinfo ------------------------- */

static char *dupstr(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));
	return strdup(s ? s : "");
}

/* "host:5000/team/app:v1@sha256:..." -> repository, tag, digest, as libs
 * splits an image name: a ':' is a tag only after the last '/'. */
void sg_image_split(const char *image, char **repo, char **tag, char **digest)
{
	const char *at = strchr(image, '@');
	size_t end = at ? (size_t)(at - image) : strlen(image);
	*digest = strdup(at ? at + 1 : "");
	const char *slash = memrchr(image, '/', end);
	const char *from = slash ? slash + 1 : image;
	const char *colon = memrchr(from, ':', (size_t)(image + end - from));
	if (colon) {
		*repo = strndup(image, (size_t)(colon - image));
		*tag = strndup(colon + 1, end - (size_t)(colon + 1 - image));
	} else {
		*repo = strndup(image, end);
		*tag = strdup("");
	}
}

static int label_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sg_ctrlabel *)a)->key, ((const struct sg_ctrlabel *)b)->key);
}

static void parse_mounts(struct sg_ctrinfo *ci, json_t *arr)
{
	size_t n = json_array_size(arr);
	if (n > SG_CTR_MAX_MOUNTS)
		n = SG_CTR_MAX_MOUNTS;
	ci->mounts = calloc(n ? n : 1, sizeof(*ci->mounts));
	if (!ci->mounts)
		return;
	for (size_t i = 0; i < n; i++) {
		json_t *m = json_array_get(arr, i);
		if (!json_is_object(m))
			continue;
		struct sg_ctrmount *o = &ci->mounts[ci->nmounts++];
		o->source = dupstr(m, "Source");
		o->dest = dupstr(m, "Destination");
		o->mode = dupstr(m, "Mode");
		o->propagation = dupstr(m, "Propagation");
		o->rw = json_is_true(json_object_get(m, "RW"));
	}
}

static void parse_labels(struct sg_ctrinfo *ci, json_t *obj)
{
	size_t n = json_object_size(obj);
	if (n > SG_CTR_MAX_LABELS)
		n = SG_CTR_MAX_LABELS;
	ci->labels = calloc(n ? n : 1, sizeof(*ci->labels));
	if (!ci->labels)
		return;
	const char *k;
	json_t *v;
	json_object_foreach(obj, k, v) {
		if (ci->nlabels == n)
			break;
		if (!json_is_string(v))
			continue;
		struct sg_ctrlabel *l = &ci->labels[ci->nlabels++];
		l->key = strdup(k);
		l->value = strdup(json_string_value(v));
	}
	/* sorted: label lookups bisect, and k8s.pod.labels is in key order */
	qsort(ci->labels, ci->nlabels, sizeof(*ci->labels), label_cmp);
}

static bool complete(const struct sg_ctrinfo *ci)
{
	if (!ci->name || !ci->image || !ci->imageid || !ci->repo || !ci->tag || !ci->digest ||
	    !ci->type || !ci->ip || !ci->mounts || !ci->labels)
		return false;
	for (uint32_t i = 0; i < ci->nmounts; i++)
		if (!ci->mounts[i].source || !ci->mounts[i].dest || !ci->mounts[i].mode ||
		    !ci->mounts[i].propagation)
			return false;
	for (uint32_t i = 0; i < ci->nlabels; i++)
		if (!ci->labels[i].key || !ci->labels[i].value)
			return false;
	return true;
}

struct sg_ctrinfo *sg_ctrinfo_parse(const char *json, size_t len, bool podman)
{
	json_error_t err;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
	if (!json_is_object(root)) {
		json_decref(root);
		return NULL;
	}
	struct sg_ctrinfo *ci = calloc(1, sizeof(*ci));
	if (!ci) {
		json_decref(root);
		return NULL;
	}
	json_t *cfg = json_object_get(root, "Config");
	json_t *hc = json_object_get(root, "HostConfig");
	json_t *net = json_object_get(root, "NetworkSettings");
	const char *name = json_string_value(json_object_get(root, "Name"));
	/* docker names start with the '/' of its old link tree */
	ci->name = strdup(name ? name + (name[0] == '/') : "");
	ci->image = dupstr(cfg, "Image");
	const char *img = json_string_value(json_object_get(root, "Image"));
	if (img && !strncmp(img, "sha256:", 7))
		img += 7;
	ci->imageid = strndup(img ? img : "", 12);
	if (ci->image)
		sg_image_split(ci->image, &ci->repo, &ci->tag, &ci->digest);
	/* docker's default tag, as libs fills it in for a bare name */
	if (ci->tag && !ci->tag[0] && ci->digest && !ci->digest[0] && ci->image && ci->image[0]) {
		free(ci->tag);
		ci->tag = strdup("latest");
	}
	ci->type = strdup(podman ? "podman" : "docker");
	ci->privileged = json_is_true(json_object_get(hc, "Privileged"));
	ci->ip = dupstr(net, "IPAddress");
	parse_mounts(ci, json_object_get(root, "Mounts"));
	parse_labels(ci, json_object_get(cfg, "Labels"));
	json_decref(root);
	if (!complete(ci)) {
		sg_ctrinfo_free(ci);
		return NULL;
	}
	return ci;
}

void sg_ctrinfo_free(struct sg_ctrinfo *ci)
{
	if (!ci)
		return;
	for (uint32_t i = 0; ci->mounts && i < ci->nmounts; i++) {
		free(ci->mounts[i].source);
		free(ci->mounts[i].dest);
		free(ci->mounts[i].mode);
		free(ci->mounts[i].propagation);
	}
	for (uint32_t i = 0; ci->labels && i < ci->nlabels; i++) {
		free(ci->labels[i].key);
		free(ci->labels[i].value);
	}
	free(ci->mounts);
	free(ci->labels);
	free(ci->name);
	free(ci->image);
	free(ci->imageid);
	free(ci->repo);
	free(ci->tag);
	free(ci->digest);
	free(ci->type);
	free(ci->ip);
	free(ci);
}

/* ---- one request -------------------------------------------------------- */

enum sg_engine_rc sg_engine_inspect(const char *sock, const char *cid, const bool *stop,
				    struct sg_ctrinfo **out)
{
	*out = NULL;
	uint64_t deadline = mono_ms() + SG_ENGINE_TIMEOUT_MS;
	int fd = connect_unix(sock, deadline, stop);
	if (fd < 0)
		return SG_ENG_DOWN;
	char req[256];
	/* HTTP/1.0: the engine closes when done, so the reply ends at EOF */
	int rn = snprintf(req, sizeof(req),
			  "GET /containers/%s/json HTTP/1.0\r\nHost: localhost\r\n"
			  "User-Agent: sysgrep\r\n\r\n", cid);
	char *reply = NULL;
	size_t len = 0;
	if (rn > 0 && (size_t)rn < sizeof(req) && send_all(fd, req, (size_t)rn, deadline, stop))
		reply = recv_all(fd, &len, deadline, stop);
	close(fd);
	if (!reply)
		return SG_ENG_DOWN;
	int status = 0;
	const char *body;
	size_t blen;
	bool podman;
	enum sg_engine_rc rc = SG_ENG_BAD;
	if (sg_http_reply_parse(reply, len, &status, &body, &blen, &podman) == 0) {
		if (status == 404)
			rc = SG_ENG_NOTFOUND;
		else if (status == 200 && (*out = sg_ctrinfo_parse(body, blen, podman)))
			rc = SG_ENG_OK;
	}
	free(reply);
	return rc;
}
