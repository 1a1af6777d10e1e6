/*
 * service: one service's content folder, content/<id>/.
 */
#ifndef WP_SERVICE_H
#define WP_SERVICE_H

#include <libxml/tree.h>

struct wp_service {
	char		*dir;
	char		*id;		/* the folder's name */
	char		*service_path;	/* dir/service.xml */
	char		*revisions_path;/* dir/revisions.xml, or NULL if absent */
	xmlDocPtr	 service;	/* NULL if it could not be parsed */
	xmlDocPtr	 revisions;	/* NULL if absent or unparsable */
};

/*
 * A service's id: its folder's name, the folder as the path names it
 * ("content/x/" gives "x"; "." the current folder's name).  Caller frees.
 */
char			*wp_service_id(const char *dir);

/*
 * Whether dir holds a service.xml; when not, says so (at the folder
 * shown) as every command does.
 */
int			 wp_service_present(const char *dir, const char *shown);
/*
 * Loads a service folder.  Returns NULL only if the folder has no
 * service.xml; a file that fails to parse leaves its document NULL and
 * has been reported.  Free with wp_service_free().
 */
struct wp_service	*wp_service_load(const char *dir);
/*
 * The same from the files in dir, named as if they were in the folder
 * shown (its id, its files' names in messages and in the model): a
 * folder as it was at a git revision, written elsewhere.
 */
struct wp_service	*wp_service_load_as(const char *dir,
			    const char *shown);
/*
 * Takes the service's id from its service.xml (<service id>) instead of
 * its folder's name, where it has one: two versions of a service
 * compared may sit in folders of any name (old/, new/, a checkout).
 */
void			 wp_service_own_id(struct wp_service *);
void			 wp_service_free(struct wp_service *);

#endif
