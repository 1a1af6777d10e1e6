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
	return wp_service_load_as(dir, dir);
}

int
wp_service_present(const char *dir, const char *shown)
{
	char	*path = wp_path(dir, "service.xml");
	int	 there = wp_exists(path);

	free(path);
	if (!there)
		wp_msg(MSG_NOFILE, shown, 0, "service.xml");
	return there;
}

struct wp_service *
wp_service_load_as(const char *dir, const char *shown)
{
	struct wp_service	*s;
	char			*path;

	if (!wp_service_present(dir, shown))
		return NULL;
	path = wp_path(dir, "service.xml");
	s = wp_calloc(1, sizeof(*s));
	s->dir = wp_strdup(shown);
	s->id = wp_service_id(shown);
	s->service_path = wp_path(shown, "service.xml");
	s->service = wp_load_xml_as(path, s->service_path);
	free(path);
	path = wp_path(dir, "revisions.xml");
	if (wp_exists(path)) {
		s->revisions_path = wp_path(shown, "revisions.xml");
		s->revisions = wp_load_xml_as(path, s->revisions_path);
	}
	free(path);
	return s;
}

void
wp_service_own_id(struct wp_service *s)
{
	xmlNodePtr	 root;
	xmlChar		*id;

	if (s->service == NULL ||
	    (root = xmlDocGetRootElement(s->service)) == NULL ||
	    (id = xmlGetProp(root, BAD_CAST "id")) == NULL)
		return;
	free(s->id);
	s->id = wp_strdup((const char *)id);
	xmlFree(id);
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
