/*
 * service: one service's content folder, read: service.xml and, if it
 * is there, revisions.xml.
 */
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/diag.h"
#include "base/path.h"
#include "input/service.h"
#include "input/xml.h"

char *
wp_service_id(const char *dir)
{
	char	*id = wp_basename(dir), *real;

	if (strcmp(id, ".") != 0 && strcmp(id, "..") != 0 && *id != '\0')
		return id;
	if ((real = realpath(dir, NULL)) != NULL) {
		free(id);
		id = wp_basename(real);
		free(real);
	}
	return id;
}

struct wp_service *
wp_service_load(const char *dir)
{
	struct wp_service	*s;
	char			*path = wp_path(dir, "service.xml");

	if (!wp_exists(path)) {
		wp_msg(MSG_NOFILE, dir, 0, "service.xml");
		free(path);
		return NULL;
	}
	s = wp_calloc(1, sizeof(*s));
	s->dir = wp_strdup(dir);
	s->id = wp_service_id(dir);
	s->service_path = path;
	s->service = wp_load_xml(path);
	path = wp_path(dir, "revisions.xml");
	if (wp_exists(path)) {
		s->revisions_path = path;
		s->revisions = wp_load_xml(path);
	} else
		free(path);
	return s;
}

void
wp_service_free(struct wp_service *s)
{
	if (s == NULL)
		return;
	xmlFreeDoc(s->service);
	xmlFreeDoc(s->revisions);
	free(s->dir);
	free(s->id);
	free(s->service_path);
	free(s->revisions_path);
	free(s);
}
