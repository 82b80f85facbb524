/*
 * The stop signals, the same for every source: SIGINT, SIGTERM and SIGHUP
 * end a run cleanly (the live probe is detached and drained, the totals
 * printed), and so does SIGPIPE, as a closed output does.  Installed first
 * thing in main, so that a signal during start-up (the probe still loading)
 * ends the run the same way instead of killing it half set up.
 */
#ifndef SG_SIGNALS_H
#define SG_SIGNALS_H

/* Catch the stop signals from now on (no SA_RESTART: a wait returns EINTR),
 * and unblock them: a mask or SIG_IGN inherited from the parent is undone. */
void sg_signals_catch(void);

/* Back to the defaults (informational actions: ^C just ends them). */
void sg_signals_default(void);

/* The stop signal received, or 0. */
int sg_signals_stop(void);

#endif /* SG_SIGNALS_H */
