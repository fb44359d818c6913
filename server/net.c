/* Trusted proxies and X-Forwarded-For.
 *
 * A proxy appends the address it received the request from, so the list
 * reads "client, proxy1, proxy2" and only the entries appended by our own
 * proxies can be believed: walk from the right while entries are trusted;
 * the first untrusted one is the client.
 */
#include "server/net.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int parse_ip(const char *s, int *family, unsigned char addr[16])
{
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, s, addr) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, addr) == 1) {
		static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
		if (memcmp(addr, mapped, 12) == 0) {
			memmove(addr, addr + 12, 4);
			memset(addr + 4, 0, 12);
			*family = AF_INET;
		} else {
			*family = AF_INET6;
		}
		return 0;
	}
	return -1;
}

static int parse_cidr(const char *s, struct net_cidr *c)
{
	char ip[64];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	unsigned max;

	if (n == 0 || n >= sizeof ip)
		return -1;
	memcpy(ip, s, n);
	ip[n] = '\0';
	if (parse_ip(ip, &c->family, c->addr))
		return -1;
	max = c->family == AF_INET ? 32 : 128;
	c->prefix = max;
	if (slash) {
		char *end;
		unsigned long p;
		if (!isdigit((unsigned char)slash[1]))
			return -1;
		p = strtoul(slash + 1, &end, 10);
		if (*end || p > max)
			return -1;
		c->prefix = (unsigned)p;
	}
	return 0;
}

int net_cidr_list_parse(const char *text, struct net_cidr_list *out, char *err, size_t errlen)
{
	const char *p = text ? text : "";

	out->v = NULL;
	out->n = 0;
	while (*p) {
		char item[96];
		size_t n;
		const char *q;
		struct net_cidr *v;

		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			break;
		q = p;
		while (*q && *q != ',' && *q != ' ' && *q != '\t')
			q++;
		n = (size_t)(q - p);
		if (n >= sizeof item) {
			snprintf(err, errlen, "address too long in list");
			goto fail;
		}
		memcpy(item, p, n);
		item[n] = '\0';
		v = realloc(out->v, (out->n + 1) * sizeof *v);
		if (!v) {
			snprintf(err, errlen, "out of memory");
			goto fail;
		}
		out->v = v;
		if (parse_cidr(item, &out->v[out->n])) {
			snprintf(err, errlen, "'%s' is not an IP address or CIDR range", item);
			goto fail;
		}
		out->n++;
		p = q;
	}
	return 0;
fail:
	net_cidr_list_free(out);
	return -1;
}

void net_cidr_list_free(struct net_cidr_list *list)
{
	free(list->v);
	list->v = NULL;
	list->n = 0;
}

static int cidr_match(const struct net_cidr *c, int family, const unsigned char *addr)
{
	unsigned full = c->prefix / 8, rest = c->prefix % 8;

	if (c->family != family)
		return 0;
	if (memcmp(c->addr, addr, full))
		return 0;
	if (rest) {
		unsigned char mask = (unsigned char)(0xff << (8 - rest));
		if ((c->addr[full] & mask) != (addr[full] & mask))
			return 0;
	}
	return 1;
}

int net_cidr_list_contains(const struct net_cidr_list *list, const char *addr)
{
	unsigned char a[16];
	int family;
	size_t i;

	if (!list->n || parse_ip(addr, &family, a))
		return 0;
	for (i = 0; i < list->n; i++)
		if (cidr_match(&list->v[i], family, a))
			return 1;
	return 0;
}

char *net_format_addr(const struct sockaddr *sa, char *buf)
{
	strcpy(buf, "-");
	if (!sa)
		return buf;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		inet_ntop(AF_INET, &in->sin_addr, buf, NET_ADDR_MAX);
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr))
			inet_ntop(AF_INET, in6->sin6_addr.s6_addr + 12, buf, NET_ADDR_MAX);
		else
			inet_ntop(AF_INET6, &in6->sin6_addr, buf, NET_ADDR_MAX);
	}
	return buf;
}

/* Canonical text of one X-Forwarded-For entry, or -1 when it is not an IP
 * address ("unknown", an obfuscated id, or "1.2.3.4:5678" with a port). */
static int xff_entry(const char *s, size_t n, char *out)
{
	char tmp[NET_ADDR_MAX + 2];
	unsigned char a[16];
	int family;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= sizeof tmp)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (parse_ip(tmp, &family, a))
		return -1;
	inet_ntop(family, a, out, NET_ADDR_MAX);
	return 0;
}

char *net_client_addr(const struct net_cidr_list *trusted, const char *peer, const char *xff,
		      char *out)
{
	const char *end;

	net_copy(out, peer, NET_ADDR_MAX);
	if (!xff || !net_cidr_list_contains(trusted, peer))
		return out;
	end = xff + strlen(xff);
	while (end > xff) {
		const char *start = end;
		char entry[NET_ADDR_MAX];

		while (start > xff && start[-1] != ',')
			start--;
		if (xff_entry(start, (size_t)(end - start), entry))
			break;
		net_copy(out, entry, NET_ADDR_MAX);
		if (!net_cidr_list_contains(trusted, entry))
			break;
		end = start > xff ? start - 1 : start;
	}
	return out;
}
