/*
 * thread: what wpgen asks of its threads beyond POSIX (thread.h).
 */
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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
