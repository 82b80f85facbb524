/*
 * Stop signals: a flag the loops poll.  SIGPIPE is caught rather than
 * ignored: a write to a closed pipe still fails with EPIPE (the quiet end),
 * and a SIGPIPE sent by kill ends the run as a closed pipe would, instead of
 * being lost.  SIGXFSZ is ignored: see sg_signals_catch.
 */
#include "cmd/signals.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t stop_signal;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

static void on_signal(int sig)
{
	stop_signal = sig;
}

static void set_all(void (*handler)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	for (unsigned i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaction(stop_signals[i], &sa, NULL);
}

/* A parent may hand them over blocked (the mask survives execve): a
 * handler alone would then never run and sysgrep could not be stopped
 * short of SIGKILL, which skips the drain and the totals. */
static void unblock_all(void)
{
	sigset_t set;

	sigemptyset(&set);
	for (unsigned i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++)
		sigaddset(&set, stop_signals[i]);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

void sg_signals_catch(void)
{
	set_all(on_signal);
	unblock_all();
	/* a file size limit (ulimit -f) is a write error like a full disk
	 * (EFBIG, reported, status 2), not a kill without the totals */
	signal(SIGXFSZ, SIG_IGN);
}

void sg_signals_default(void)
{
	set_all(SIG_DFL);
}

int sg_signals_stop(void)
{
	return stop_signal;
}
