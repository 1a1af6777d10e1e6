/*
 * thread: what wpgen asks of its threads beyond POSIX.
 */
#ifndef WP_THREAD_H
#define WP_THREAD_H

/*
 * Puts the calling thread behind the others of the process when the
 * cores are short: a build of several services lets the one thread
 * that its end waits on (the typesetting one) run first, and the
 * threads that catch up with it (reading ahead, drawing PDFs) take what
 * is left.  Threads it then starts stand behind too.  Linux keeps a
 * nice value per thread; elsewhere this does nothing.
 */
void	 wp_thread_behind(void);

#endif
