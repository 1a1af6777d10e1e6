/*
 * thread: what wpgen asks of its threads beyond POSIX.
 */
#ifndef WP_THREAD_H
#define WP_THREAD_H

#include <pthread.h>

/*
 * Puts the calling thread behind the others of the process when the
 * cores are short: a build of several services lets the one thread
 * that its end waits on (the typesetting one) run first, and the
 * threads that catch up with it (reading ahead, drawing PDFs) take what
 * is left.  Threads it then starts stand behind too.  Linux keeps a
 * nice value per thread; elsewhere this does nothing.
 */
void	 wp_thread_behind(void);

/*
 * Starts a thread to work beside the calling one, as pthread_create()
 * does; on Linux, on the processors the caller may use but the one it
 * is on, when there are any.  A scheduler that packs a process's
 * threads onto as few processors as it can (this project's machines
 * do: their kernel's sched_vcpu_pack) otherwise starts the helper on
 * the caller's processor and leaves the other idle while the two take
 * turns, 4 ms at a time, for most of a 45 ms rebuild.  The caller is
 * left where it is, free to move.  Returns what pthread_create() does.
 * For a short-lived helper of one thread (the side outputs, the PDF
 * pass's); not for the line of several services (cli/jobs.c), whose
 * reader and PDF threads, kept off the typesetting thread's processor,
 * made all five services 5 to 8 % slower.
 */
int	 wp_thread_beside(pthread_t *, void *(*)(void *), void *);

#endif
