/*
 * thread: what wpgen asks of its threads beyond POSIX (thread.h).
 */
#ifdef __linux__
#define _GNU_SOURCE		/* sched_getcpu, the affinity calls */
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include <pthread.h>

#include "base/thread.h"

/* How far behind: a thread at nice 5 gets about a third of what one at
 * 0 gets of a core both want (the kernel's weights, 1024 and 335). */
#define BEHIND	5

void
wp_thread_behind(void)
{
#ifdef __linux__
	/* a thread's own nice value: its id, not the process's */
	(void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), BEHIND);
#endif
}

int
wp_thread_beside(pthread_t *t, void *(*fn)(void *), void *arg)
{
	pthread_attr_t	 attr;
	int		 rc;

	if (pthread_attr_init(&attr) != 0)
		return pthread_create(t, NULL, fn, arg);
#ifdef __linux__
	{
		cpu_set_t	 set;
		int		 here = sched_getcpu();

		if (here >= 0 && here < CPU_SETSIZE &&
		    pthread_getaffinity_np(pthread_self(), sizeof(set),
		    &set) == 0) {
			CPU_CLR(here, &set);
			if (CPU_COUNT(&set) > 0)
				(void)pthread_attr_setaffinity_np(&attr,
				    sizeof(set), &set);
		}
	}
#endif
	rc = pthread_create(t, &attr, fn, arg);
	pthread_attr_destroy(&attr);
	return rc;
}
