/* The gate's socket pairs to libmicrohttpd: one per client connection,
 * opened for its first request (on the libmicrohttpd worker with fewer),
 * kept while the answers allow keep-alive, and closed once libmicrohttpd
 * has finished the last request it answered there. */
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "server/gate_int.h"

#define G gate_g

static void spent_close_now(struct gate_spent *s)
{
	close(s->fd);
	gate_chan_release(s->chan);
	G.pairs[s->worker]--;
	if (s->link)
		gate_link_unref(s->link);
}

void gate_inner_close(struct gate_conn *c)
{
	struct gate_link *l = c->last;
	struct gate_spent *s, at_once;

	c->last = NULL;
	if (c->inner < 0) {
		if (l)
			gate_link_unref(l);
		return;
	}
	gate_watch(c, 1, 0);
	/* a request libmicrohttpd never took, or one it has finished, needs
	 * no wait (nor does one when there is no memory for the wait) */
	s = l && !gate_link_server_done(l) && atomic_load(&c->chan->next) != l ? malloc(sizeof *s)
									       : NULL;
	if (s) {
		s->since = G.now;
		s->next = G.spent;
		G.spent = s;
	} else {
		s = &at_once;
	}
	s->fd = c->inner;
	s->worker = c->worker;
	s->chan = c->chan;
	s->link = l;
	if (s != G.spent)
		spent_close_now(s);
	c->inner = -1;
	c->chan = NULL;
}

void gate_spent_close(int all)
{
	struct gate_spent **p = &G.spent, *s;

	while ((s = *p)) {
		if (all || gate_link_server_done(s->link) || G.now - s->since > PAIR_IDLE_NS) {
			*p = s->next;
			spent_close_now(s);
			free(s);
		} else {
			p = &s->next;
		}
	}
}

int gate_pair_open(struct gate_conn *c)
{
	struct gate_chan *ch, *again;
	int sv[2], mine, theirs;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv))
		return -1;
	/* which end libmicrohttpd gets picks its worker thread: the one with
	 * fewer pairs (pairs made in a row would all land on one worker, and
	 * with them every small parse) */
	theirs = G.pairs[sv[0] % G.workers] < G.pairs[sv[1] % G.workers] ? 0 : 1;
	mine = sv[1 - theirs];
	theirs = sv[theirs];
	ch = gate_chan_new(theirs);
	if (!ch) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (MHD_add_connection(G.daemon, theirs, (struct sockaddr *)&c->addr, c->addrlen) !=
	    MHD_YES) {
		/* libmicrohttpd closed its end itself */
		again = gate_chan_take(theirs);
		if (again)
			gate_chan_release(again);
		gate_chan_release(ch);
		close(mine);
		return -1;
	}
	c->inner = mine;
	c->chan = ch;
	c->worker = theirs % G.workers;
	G.pairs[c->worker]++;
	c->imask = 0;
	/* level-triggered and left as it is between requests: an event while
	 * no answer is due means libmicrohttpd closed its end */
	gate_watch(c, 1, EPOLLIN | EPOLLRDHUP);
	return 0;
}
