/* Addresses: trusted-proxy CIDR lists and X-Forwarded-For resolution. */
#ifndef MEETINGD_NET_H
#define MEETINGD_NET_H

#include <stddef.h>
#include <string.h>
#include <sys/socket.h>

#define NET_ADDR_MAX 46 /* INET6_ADDRSTRLEN */

struct net_cidr {
	int family; /* AF_INET or AF_INET6 */
	unsigned char addr[16];
	unsigned prefix;
};

struct net_cidr_list {
	struct net_cidr *v;
	size_t n;
};

/* Parse "10.0.0.0/8, 192.168.1.7, ::1" into *out (malloc'ed; free with
 * net_cidr_list_free). Empty or NULL text gives an empty list. 0, or -1 with
 * a message in err. */
int net_cidr_list_parse(const char *text, struct net_cidr_list *out, char *err, size_t errlen);

/* Free a list filled by net_cidr_list_parse(); the struct itself is the
 * caller's. */
void net_cidr_list_free(struct net_cidr_list *list);

/* 1 when the textual address addr is inside one of the list's ranges. */
int net_cidr_list_contains(const struct net_cidr_list *list, const char *addr);

/* Format a peer address (IPv4-mapped IPv6 shown as IPv4) into buf
 * (NET_ADDR_MAX bytes); "-" when unknown. Returns buf. */
char *net_format_addr(const struct sockaddr *sa, char *buf);

/* The client address behind trusted proxies: when peer is trusted, the
 * rightmost X-Forwarded-For entry that is not trusted (or the leftmost when
 * all are); otherwise peer itself. xff may be NULL. Writes NET_ADDR_MAX
 * bytes into out and returns it. Entries that are not IP addresses stop the
 * walk: whatever a client forged left of them is not believed. */
char *net_client_addr(const struct net_cidr_list *trusted, const char *peer, const char *xff,
		      char *out);

/* Copy the string src into dst of cap bytes (cap > 0), cut to fit and always
 * terminated: snprintf(dst, cap, "%s", src) without the format machinery,
 * which costs hundreds of instructions on every request. */
static inline void net_copy(char *dst, const char *src, size_t cap)
{
	size_t n = strnlen(src, cap - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

#endif
