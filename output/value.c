/* Field values as text, the same for every format before its escaping. */
#include "output/internal.h"

#include "extract/render.h"

void sg_value_text(struct sg_strbuf *b, const struct sg_value *v)
{
	switch (v->type) {
	case SG_FT_U64:
	case SG_FT_PORT:
	case SG_FT_ABSTIME:
		sg_sb_u64(b, v->u);
		break;
	case SG_FT_S64:
		sg_sb_i64(b, v->i);
		break;
	case SG_FT_BOOL:
		sg_sb_puts(b, v->b ? "true" : "false");
		break;
	case SG_FT_IPADDR:
	case SG_FT_IPNET:
		sg_render_ip(b, v->ip.family, v->ip.addr);
		break;
	case SG_FT_STR:
	case SG_FT_BYTES:
	case SG_FT_SYSCALL:
		if (v->s.p)
			sg_sb_put(b, v->s.p, v->s.len);
		break;
	default:
		break;
	}
}

bool sg_value_is_number(const struct sg_value *v)
{
	return v->type == SG_FT_U64 || v->type == SG_FT_S64 || v->type == SG_FT_PORT ||
	       v->type == SG_FT_ABSTIME;
}
