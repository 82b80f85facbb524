/*
 * Container metadata: image names split as libs splits them, the engine's
 * inspect document parsed, HTTP replies (plain, Content-Length, chunked),
 * and the whole path through a real unix socket: a small engine in a
 * thread of this test answers GET /containers/<id>/json, the state's
 * worker asks it, and the container.* / k8s.* fields read the answer.
 * No engine at all must cost nothing and say nothing.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "event/diag.h"
#include "event/syscalls.h"
#include "extract/fieldget.h"
#include "state/state.h"
#include "state/state_int.h"
#include "t.h"

static const char doc[] =
	"{\"Id\":\"aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111\","
	"\"Name\":\"/web1\",\"Image\":\"sha256:e4737f257bcbbe19c588808ec60cf097ce1a392f34a4a3d42dd3e79c00c80afd\","
	"\"HostConfig\":{\"Privileged\":true},"
	"\"NetworkSettings\":{\"IPAddress\":\"10.88.0.7\"},"
	"\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/srv/data\",\"Destination\":\"/data\",\"Mode\":\"z\","
	"\"RW\":true,\"Propagation\":\"rprivate\"},"
	"{\"Source\":\"/lib/modules\",\"Destination\":\"/host/modules\",\"Mode\":\"\",\"RW\":false,"
	"\"Propagation\":\"rslave\"}],"
	"\"Config\":{\"Image\":\"registry.local:5000/team/web:2.1\",\"Labels\":{"
	"\"io.kubernetes.pod.namespace\":\"shop\",\"io.kubernetes.pod.name\":\"web-7f\","
	"\"io.kubernetes.pod.uid\":\"3e41dc6b-08a8\",\"app.kubernetes.io/name\":\"web\","
	"\"tier\":\"front\",\"annotation.x\":\"y\",\"flag\":\"\"}}}";

/* ---- pure functions ---------------------------------------------------- */

static void split(const char *img, const char *repo, const char *tag, const char *digest)
{
	char *r, *t, *d;
	sg_image_split(img, &r, &t, &d);
	T_OK(r && t && d && !strcmp(r, repo) && !strcmp(t, tag) && !strcmp(d, digest),
	     "image '%s' -> '%s' '%s' '%s' (got '%s' '%s' '%s')", img, repo, tag, digest, r, t, d);
	free(r);
	free(t);
	free(d);
}

static void test_split(void)
{
	split("localhost/sgtest:v1", "localhost/sgtest", "v1", "");
	split("busybox", "busybox", "", "");
	split("host:5000/team/app", "host:5000/team/app", "", "");
	split("host:5000/team/app:1.2", "host:5000/team/app", "1.2", "");
	split("app@sha256:abcd", "app", "", "sha256:abcd");
	split("r.io/app:v2@sha256:abcd", "r.io/app", "v2", "sha256:abcd");
	split("", "", "", "");
}

static void test_parse(void)
{
	struct sg_ctrinfo *ci = sg_ctrinfo_parse(doc, strlen(doc), true);
	if (!T_OK(ci != NULL, "inspect document parsed"))
		return;
	T_STREQ(ci->name, "web1", "name without docker's leading '/'");
	T_STREQ(ci->image, "registry.local:5000/team/web:2.1", "image as given");
	T_STREQ(ci->repo, "registry.local:5000/team/web", "repository");
	T_STREQ(ci->tag, "2.1", "tag");
	T_STREQ(ci->imageid, "e4737f257bcb", "image id: 12 digits, no sha256:");
	T_STREQ(ci->type, "podman", "type from the podman header flag");
	T_STREQ(ci->ip, "10.88.0.7", "ip");
	T_OK(ci->privileged, "privileged");
	T_OK(ci->nmounts == 2 && ci->mounts[0].rw && !ci->mounts[1].rw, "two mounts, rw flags");
	T_STREQ(sg_ctrinfo_label(ci, "tier", 4), "front", "label lookup");
	T_OK(sg_ctrinfo_label(ci, "tie", 3) == NULL, "a label prefix is not a label");
	T_OK(sg_ctrinfo_label(ci, "tierx", 5) == NULL, "a longer name is not a label");
	sg_ctrinfo_free(ci);

	const char *sparse = "{\"Name\":\"/d\",\"Config\":{\"Image\":\"nginx\"}}";
	ci = sg_ctrinfo_parse(sparse, strlen(sparse), false);
	if (T_OK(ci != NULL, "a sparse document parses")) {
		T_STREQ(ci->tag, "latest", "bare image name: docker's default tag");
		T_STREQ(ci->type, "docker", "no podman header: docker");
		T_OK(!ci->privileged && ci->nmounts == 0 && ci->nlabels == 0, "absent keys: empty");
		sg_ctrinfo_free(ci);
	}
	T_OK(sg_ctrinfo_parse("[1,2]", 5, false) == NULL, "not an object: refused");
	T_OK(sg_ctrinfo_parse("{\"Name\":", 8, false) == NULL, "truncated JSON: refused");
	T_OK(sg_ctrinfo_parse("{\"a\":1,\"a\":2}", 13, false) == NULL, "duplicate keys: refused");
}

static void reply(const char *text, int want_status, const char *want_body, bool want_podman)
{
	char *b = strdup(text);
	int status = 0;
	const char *body = NULL;
	size_t blen = 0;
	bool podman = false;
	int rc = sg_http_reply_parse(b, strlen(b), &status, &body, &blen, &podman);
	if (!want_body) {
		T_OK(rc < 0, "reply refused: %.15s", text);
	} else {
		T_OK(rc == 0 && status == want_status && body && !strcmp(body, want_body) &&
			     blen == strlen(want_body) && podman == want_podman,
		     "reply %d '%s'%s (got rc %d status %d '%s')", want_status, want_body,
		     want_podman ? " podman" : "", rc, status, body ? body : "");
	}
	free(b);
}

static void test_http(void)
{
	reply("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{}", 200, "{}", false);
	reply("HTTP/1.1 404 Not Found\r\nLibpod-Api-Version: 4.3.1\r\n\r\nno", 404, "no", true);
	reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}garbage", 200, "{}", false);
	reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n4\r\n\":1}\r\n0\r\n\r\n",
	      200, "{\"a\":1}", false);
	reply("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\n{}", 200, NULL, false);
	reply("HTTP/1.1 200 OK\r\nno end of headers", 200, NULL, false);
	reply("SSH-2.0-OpenSSH\r\n\r\n", 200, NULL, false);
}

/* ---- a small engine on a unix socket ----------------------------------- */

static char sockpath[108];
static int lfd = -1;
static int requests;
static pthread_mutex_t req_mu = PTHREAD_MUTEX_INITIALIZER;

static void answer(int c)
{
	char req[1024];
	size_t n = 0;
	while (n < sizeof(req) - 1) {
		ssize_t r = read(c, req + n, sizeof(req) - 1 - n);
		if (r <= 0)
			break;
		n += (size_t)r;
		req[n] = 0;
		if (strstr(req, "\r\n\r\n"))
			break;
	}
	req[n] = 0;
	pthread_mutex_lock(&req_mu);
	requests++;
	pthread_mutex_unlock(&req_mu);
	char head[256];
	if (!strncmp(req, "GET /containers/aaaaaaaaaaaa/json ", 34)) {
		/* chunked, in two pieces, as a Go server may send */
		size_t half = strlen(doc) / 2;
		snprintf(head, sizeof(head), "HTTP/1.1 200 OK\r\nLibpod-Api-Version: 4.3.1\r\n"
					     "Transfer-Encoding: chunked\r\n\r\n%zx\r\n", half);
		if (write(c, head, strlen(head)) < 0 || write(c, doc, half) < 0)
			return;
		snprintf(head, sizeof(head), "\r\n%zx\r\n", strlen(doc) - half);
		if (write(c, head, strlen(head)) < 0 || write(c, doc + half, strlen(doc) - half) < 0 ||
		    write(c, "\r\n0\r\n\r\n", 7) < 0)
			return;
	} else {
		const char *nf = "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}";
		if (write(c, nf, strlen(nf)) < 0)
			return;
	}
}

static void *engine(void *arg)
{
	(void)arg;
	for (;;) {
		int c = accept(lfd, NULL, NULL);
		if (c < 0) {
			if (errno == EINTR)
				continue;
			return NULL;
		}
		answer(c);
		close(c);
	}
}

static int nrequests(void)
{
	pthread_mutex_lock(&req_mu);
	int n = requests;
	pthread_mutex_unlock(&req_mu);
	return n;
}

static bool start_engine(char *dir)
{
	snprintf(sockpath, sizeof(sockpath), "%s/engine.sock", dir);
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", sockpath);
	lfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (lfd < 0 || bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) || listen(lfd, 16))
		return false;
	pthread_t th;
	return pthread_create(&th, NULL, engine, NULL) == 0;
}

/* ---- fields through the state ------------------------------------------ */

static struct sg_state *st;
static struct sg_arena arena;
static struct sg_event ev;

static void mkev(uint32_t pid, const char *cid)
{
	memset(&ev, 0, sizeof(ev));
	ev.kind = SG_EV_SYSCALL;
	ev.def = sg_syscall_by_name("getpid", NULL);
	ev.pid = ev.tid = pid;
	ev.ppid = 1;
	snprintf(ev.comm, sizeof(ev.comm), "web");
	sg_state_before(st, &ev);
	sg_state_after(st, &ev);
	struct sg_proc *p = sg_state_proc(st, pid);
	if (!p)
		abort();
	snprintf(p->container_id, sizeof(p->container_id), "%s", cid);
	ev.proc = p;
	ev.state = st;
}

static const char *field(const char *name)
{
	static char out[1024];
	struct sg_fieldref ref;
	struct sg_diag d = {0};
	sg_arena_reset(&arena);
	if (sg_fieldref_parse(name, name, &ref, &d) != (int)strlen(name)) {
		snprintf(out, sizeof(out), "<parse error: %s>", d.msg);
		return out;
	}
	struct sg_value v;
	if (!sg_field_get(&ev, &ref, &v, &arena))
		return NULL;
	if (v.type == SG_FT_BOOL)
		snprintf(out, sizeof(out), "%s", v.b ? "true" : "false");
	else
		snprintf(out, sizeof(out), "%.*s", (int)v.s.len, v.s.p);
	return out;
}

static void want(const char *name, const char *value)
{
	const char *g = field(name);
	if (!value) {
		if (!T_OK(g == NULL, "%s is absent", name))
			t_note("got '%s'", g);
		return;
	}
	T_STREQ(g, value, "%s = %s", name, value);
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
	nanosleep(&ts, NULL);
}

static void test_fields(void)
{
	mkev(4194001, "aaaaaaaaaaaa");
	/* the first read queues the question and answers at once: unknown */
	want("container.name", NULL);
	/* wait for the worker (a bound, not a timing: 10 s of 10 ms polls) */
	for (int i = 0; i < 1000 && !field("container.name"); i++)
		sleep_ms(10);
	want("container.name", "web1");
	want("container.image", "registry.local:5000/team/web:2.1");
	want("container.image.repository", "registry.local:5000/team/web");
	want("container.image.tag", "2.1");
	want("container.image.id", "e4737f257bcb");
	want("container.image.digest", NULL);
	want("container.type", "podman");
	want("container.privileged", "true");
	want("container.ip", "10.88.0.7");
	want("container.mounts", "/srv/data:/data:z:true:rprivate,/lib/modules:/host/modules::false:rslave");
	want("container.mount[1]", "/lib/modules:/host/modules::false:rslave");
	want("container.mount[2]", NULL);
	want("container.mount[/srv/*]", "/srv/data:/data:z:true:rprivate");
	want("container.mount.dest[/lib/modules]", "/host/modules");
	want("container.mount.dest[0]", "/data");
	want("container.mount.source[/host/*]", "/lib/modules");
	want("container.mount.mode[0]", "z");
	want("container.mount.rdwr[/lib/*]", "false");
	want("container.mount.propagation[1]", "rslave");
	want("container.mount.dest[/nowhere]", NULL);
	want("k8s.ns.name", "shop");
	want("k8s.pod.name", "web-7f");
	want("k8s.pod.uid", "3e41dc6b-08a8");
	want("k8s.pod.id", "3e41dc6b-08a8");
	want("container.k8s.ns.name", "shop");
	want("container.k8s.pod.name", "web-7f");
	want("container.k8s.pod.id", "3e41dc6b-08a8");
	want("k8s.pod.label[app.kubernetes.io/name]", "web");
	want("k8s.pod.label.tier", "front");
	want("container.k8s.pod.label[tier]", "front");
	want("k8s.pod.label[nope]", NULL);
	want("k8s.pod.labels", "app.kubernetes.io/name:web, flag, tier:front");
	want("k8s.pod.sandbox_id", NULL);
	want("k8s.pod.ip", "10.88.0.7");
	int asked = nrequests();
	for (int i = 0; i < 100; i++)
		field("container.image");
	T_OK(nrequests() == asked, "a known container is not asked again (%d requests)", asked);

	/* a container the engine does not know: unknown, and asked once */
	mkev(4194002, "bbbbbbbbbbbb");
	int before = nrequests();
	want("container.name", NULL);
	for (int i = 0; i < 1000 && nrequests() == before; i++)
		sleep_ms(10);
	sleep_ms(50);
	for (int i = 0; i < 50; i++)
		want("container.image", NULL);
	T_OK(nrequests() == before + 1, "an unknown id is asked once, not on every read (%d)",
	     nrequests() - before);

	/* the host: container.name and container.type say so; the rest absent */
	mkev(4194003, "host");
	want("container.name", "host");
	want("container.type", "host");
	want("container.image", NULL);
	want("container.privileged", NULL);
	want("k8s.ns.name", NULL);
	/* container id not known yet: nothing at all */
	mkev(4194004, "");
	want("container.name", NULL);
}

/* No engine anywhere: reads answer at once, print nothing, never block. */
static void test_no_engine(char *dir)
{
	struct sg_state *s2 = sg_state_new();
	char missing[128];
	snprintf(missing, sizeof(missing), "%s/absent.sock", dir);
	const char *socks[] = {missing};
	sg_state_set_engines(s2, socks, 1);
	struct sg_state *keep = st;
	st = s2;
	mkev(4194101, "cccccccccccc");
	for (int i = 0; i < 1000; i++)
		if (field("container.name"))
			break;
	want("container.name", NULL);
	want("k8s.pod.name", NULL);
	struct sg_ctrinfo *ci = NULL;
	T_OK(sg_engine_inspect(missing, "cccccccccccc", NULL, &ci) == SG_ENG_DOWN && !ci,
	     "a socket nobody listens on: engine down");
	sg_state_free(s2);
	st = keep;

	/* "none": no thread, no question */
	s2 = sg_state_new();
	const char *none[] = {"none"};
	sg_state_set_engines(s2, none, 1);
	st = s2;
	mkev(4194102, "aaaaaaaaaaaa");
	int before = nrequests();
	want("container.name", NULL);
	sleep_ms(100);
	T_OK(nrequests() == before, "--container-socket none asks nothing");
	sg_state_free(s2);
	st = keep;
}

int main(void)
{
	sg_syscalls_init();
	test_split();
	test_parse();
	test_http();

	char dir[] = "/tmp/sg_ctr_XXXXXX";
	if (!mkdtemp(dir) || !start_engine(dir)) {
		T_OK(0, "test engine socket in %s: %s", dir, strerror(errno));
		return t_done();
	}
	st = sg_state_new();
	const char *socks[] = {"/nonexistent/first.sock", sockpath};
	T_OK(sg_state_set_engines(st, socks, 2) == 0, "two sockets set (the first absent)");
	sg_arena_init(&arena, 64 * 1024);
	test_fields();
	test_no_engine(dir);
	sg_state_free(st);
	sg_arena_free(&arena);
	unlink(sockpath);
	rmdir(dir);
	return t_done();
}
