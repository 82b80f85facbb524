/*
 * container.* and k8s.* fields: what the engine said of the event's
 * container (state/ctrmeta.c), with libs' meanings.  A field is missing
 * (<NA>) for a process whose container is not known yet, for the host
 * (but container.name and container.type, which say "host" as libs does),
 * and where the engine gave no value.
 *
 * libs reads k8s.* only for containers a CRI runtime reports with a pod
 * sandbox; the REST API has no sandbox call, so here they come from the
 * io.kubernetes.* labels Kubernetes runtimes set on every container, with
 * or without a sandbox: podman run --label io.kubernetes.pod.name=x shows.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

#include "event/strbuf.h"
#include "extract/container.h"
#include "state/state.h"

static bool v_cstr(struct sg_value *v, const char *s)
{
	if (!s)
		return false;
	size_t n = strlen(s);
	v->type = SG_FT_STR;
	v->s.p = s;
	v->s.len = n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
	return true;
}

/* A value the engine may leave empty: empty is missing, as in libs. */
static bool v_some(struct sg_value *v, const char *s)
{
	return s && s[0] && v_cstr(v, s);
}

static bool v_text(struct sg_value *v, struct sg_arena *a, const struct sg_strbuf *b)
{
	if (b->oom)
		return false;
	char *d = sg_arena_alloc(a, b->len + 1);
	if (!d)
		return false;
	memcpy(d, b->p ? b->p : "", b->len);
	d[b->len] = 0;
	return v_cstr(v, d);
}

static struct sg_strbuf *scratch(void)
{
	static __thread struct sg_strbuf sb;
	sg_sb_reset(&sb);
	return &sb;
}

static void mount_text(struct sg_strbuf *b, const struct sg_ctrmount *m)
{
	sg_sb_printf(b, "%s:%s:%s:%s:%s", m->source, m->dest, m->mode, m->rw ? "true" : "false",
		     m->propagation);
}

/* The argument as text: x[N] and x.NAME both land here; a number is a
 * label name too (k8s.pod.label[0]). */
static const char *arg_key(const struct sg_fieldref *ref, char num[16], size_t *len)
{
	if (ref->key) {
		*len = ref->keylen;
		return ref->key;
	}
	int n = snprintf(num, 16, "%d", ref->index < 0 ? 0 : (int)ref->index);
	*len = n > 0 ? (size_t)n : 0;
	return num;
}

/* The mount a container.mount* field names: by number, or the first
 * whose source (destination for container.mount.source) matches the glob. */
static const struct sg_ctrmount *mount_of(const struct sg_ctrinfo *ci,
					  const struct sg_fieldref *ref)
{
	if (!ref->key) {
		if (ref->index < 0 || (uint32_t)ref->index >= ci->nmounts)
			return NULL;
		return &ci->mounts[ref->index];
	}
	char pat[4096];
	if (ref->keylen >= sizeof(pat))
		return NULL;
	memcpy(pat, ref->key, ref->keylen);
	pat[ref->keylen] = 0;
	bool by_dest = ref->id == SG_F_CONTAINER_MOUNT_SOURCE;
	for (uint32_t i = 0; i < ci->nmounts; i++) {
		const struct sg_ctrmount *m = &ci->mounts[i];
		if (fnmatch(pat, by_dest ? m->dest : m->source, FNM_EXTMATCH) == 0)
			return m;
	}
	return NULL;
}

static bool mount_field(const struct sg_ctrinfo *ci, const struct sg_fieldref *ref,
			struct sg_value *v, struct sg_arena *a)
{
	struct sg_strbuf *b = scratch();
	if (ref->id == SG_F_CONTAINER_MOUNTS) {
		for (uint32_t i = 0; i < ci->nmounts; i++) {
			if (i)
				sg_sb_putc(b, ',');
			mount_text(b, &ci->mounts[i]);
		}
		return v_text(v, a, b);
	}
	const struct sg_ctrmount *m = mount_of(ci, ref);
	if (!m)
		return false;
	switch (ref->id) {
	case SG_F_CONTAINER_MOUNT_SOURCE: return v_cstr(v, m->source);
	case SG_F_CONTAINER_MOUNT_DEST: return v_cstr(v, m->dest);
	case SG_F_CONTAINER_MOUNT_MODE: return v_cstr(v, m->mode);
	case SG_F_CONTAINER_MOUNT_RDWR: return v_cstr(v, m->rw ? "true" : "false");
	case SG_F_CONTAINER_MOUNT_PROPAGATION: return v_cstr(v, m->propagation);
	default: mount_text(b, m); return v_text(v, a, b);
	}
}

static const char *label(const struct sg_ctrinfo *ci, const char *k)
{
	return sg_ctrinfo_label(ci, k, strlen(k));
}

/* The pod's own record: the sandbox container's, when the container names
 * one the engine knows (docker-based Kubernetes), else the container's. */
static const struct sg_ctrinfo *pod_of(struct sg_event *e, const struct sg_ctrinfo *ci)
{
	const char *sb = label(ci, "io.kubernetes.sandbox.id");
	if (!sb || strlen(sb) < 12)
		return ci;
	char id[16];
	snprintf(id, sizeof(id), "%.12s", sb);
	const struct sg_ctrinfo *pod = sg_state_container_info(e->state, id);
	return pod ? pod : ci;
}

static bool pod_labels(const struct sg_ctrinfo *pod, struct sg_value *v, struct sg_arena *a)
{
	struct sg_strbuf *b = scratch();
	for (uint32_t i = 0; i < pod->nlabels; i++) {
		const struct sg_ctrlabel *l = &pod->labels[i];
		if (!strncmp(l->key, "annotation.", 11) || !strncmp(l->key, "io.kubernetes.", 14))
			continue;
		if (b->len)
			sg_sb_puts(b, ", ");
		sg_sb_puts(b, l->key);
		if (l->value[0])
			sg_sb_printf(b, ":%s", l->value);
	}
	return v_text(v, a, b);
}

static bool k8s_field(struct sg_event *e, const struct sg_ctrinfo *ci,
		      const struct sg_fieldref *ref, struct sg_value *v, struct sg_arena *a)
{
	const char *sb;
	char num[16];
	size_t klen;
	switch (ref->id) {
	case SG_F_K8S_NS_NAME:
	case SG_F_CONTAINER_K8S_NS_NAME: return v_cstr(v, label(ci, "io.kubernetes.pod.namespace"));
	case SG_F_K8S_POD_NAME:
	case SG_F_CONTAINER_K8S_POD_NAME: return v_cstr(v, label(ci, "io.kubernetes.pod.name"));
	case SG_F_K8S_POD_UID:
	case SG_F_K8S_POD_ID:
	case SG_F_CONTAINER_K8S_POD_ID: return v_cstr(v, label(ci, "io.kubernetes.pod.uid"));
	case SG_F_K8S_POD_FULL_SANDBOX_ID: return v_some(v, label(ci, "io.kubernetes.sandbox.id"));
	case SG_F_K8S_POD_SANDBOX_ID:
		if (!(sb = label(ci, "io.kubernetes.sandbox.id")) || !sb[0])
			return false;
		v_cstr(v, sb);
		if (v->s.len > 12)
			v->s.len = 12;
		return true;
	case SG_F_K8S_POD_LABEL:
	case SG_F_CONTAINER_K8S_POD_LABEL: {
		const char *k = arg_key(ref, num, &klen);
		return v_cstr(v, sg_ctrinfo_label(pod_of(e, ci), k, klen));
	}
	case SG_F_K8S_POD_LABELS: return pod_labels(pod_of(e, ci), v, a);
	case SG_F_K8S_POD_IP: return v_some(v, pod_of(e, ci)->ip);
	default: return false;
	}
}

bool sg_container_field(struct sg_event *e, const struct sg_fieldref *ref, struct sg_value *v,
			struct sg_arena *a)
{
	const struct sg_proc *p = e->proc;
	if (!p || !p->container_id[0])
		return false;
	bool host = !strcmp(p->container_id, "host");
	switch (ref->id) {
	case SG_F_CONTAINER_START_TS:
		return !host && p->pidns_start_ns && (v->type = SG_FT_U64, v->u = p->pidns_start_ns, true);
	case SG_F_CONTAINER_DURATION:
		if (host || !p->pidns_start_ns || e->ts < p->pidns_start_ns)
			return false;
		v->type = SG_FT_U64;
		v->u = e->ts - p->pidns_start_ns;
		return true;
	case SG_F_CONTAINER_NAME:
	case SG_F_CONTAINER_TYPE:
		if (host)
			return v_cstr(v, "host");
		break;
	default:
		if (host)
			return false;
	}
	const struct sg_ctrinfo *ci = sg_state_container_info(e->state, p->container_id);
	if (!ci)
		return false;
	switch (ref->id) {
	case SG_F_CONTAINER_NAME: return v_some(v, ci->name);
	case SG_F_CONTAINER_TYPE: return v_some(v, ci->type);
	case SG_F_CONTAINER_IMAGE: return v_some(v, ci->image);
	case SG_F_CONTAINER_IMAGE_ID: return v_some(v, ci->imageid);
	case SG_F_CONTAINER_IMAGE_REPOSITORY: return v_some(v, ci->repo);
	case SG_F_CONTAINER_IMAGE_TAG: return v_some(v, ci->tag);
	case SG_F_CONTAINER_IMAGE_DIGEST: return v_some(v, ci->digest);
	case SG_F_CONTAINER_IP: return v_some(v, ci->ip);
	case SG_F_CONTAINER_PRIVILEGED:
		v->type = SG_FT_BOOL;
		v->b = ci->privileged;
		return true;
	case SG_F_CONTAINER_MOUNTS:
	case SG_F_CONTAINER_MOUNT:
	case SG_F_CONTAINER_MOUNT_SOURCE:
	case SG_F_CONTAINER_MOUNT_DEST:
	case SG_F_CONTAINER_MOUNT_MODE:
	case SG_F_CONTAINER_MOUNT_RDWR:
	case SG_F_CONTAINER_MOUNT_PROPAGATION: return mount_field(ci, ref, v, a);
	default: return k8s_field(e, ci, ref, v, a);
	}
}
