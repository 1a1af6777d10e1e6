/*
 * timing: per-stage wall-clock accumulators.  Cheap enough to be always
 * on; printed only when asked.  A stage is begun and ended in one thread
 * (each its own start); the sums are shared.
 */
#include <pthread.h>
#include <time.h>

#include "base/timing.h"

static const char *const names[STAGE__MAX] = {
	"fonts", "parse", "merge", "layout", "pdf", "html", "text", "write"
};
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static double		 spent[STAGE__MAX];
static _Thread_local double started[STAGE__MAX];

double
wp_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

void
wp_stage_begin(enum wp_stage s)
{
	started[s] = wp_now();
}

void
wp_stage_end(enum wp_stage s)
{
	double t = wp_now() - started[s];

	pthread_mutex_lock(&lock);
	spent[s] += t;
	pthread_mutex_unlock(&lock);
}

void
wp_timings_print(FILE *fp, const char *label)
{
	double	total = 0;
	int	i;

	pthread_mutex_lock(&lock);
	fprintf(fp, "timings %s", label);
	for (i = 0; i < STAGE__MAX; i++) {
		fprintf(fp, " %s=%.4f", names[i], spent[i]);
		total += spent[i];
	}
	fprintf(fp, " total=%.4f\n", total);
	pthread_mutex_unlock(&lock);
}

void
wp_timings_reset(void)
{
	int i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < STAGE__MAX; i++)
		spent[i] = 0;
	pthread_mutex_unlock(&lock);
}
