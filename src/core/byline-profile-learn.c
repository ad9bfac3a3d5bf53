/* byline-profile-learn.c — the profile a site's own posts show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A site without a .byline.yml is described by what it already has: the
 * front-matter keys that the pages of the post's section use (with their
 * value types and the share of pages that have each: keys nearly every
 * page has are recommended), the section's archetype (its keys come first
 * in the form), every key used anywhere on the site (known, not shown), and
 * the site's shortcodes with those of its themes. The keys of a page's
 * params map count as its own keys: Hugo (0.123 and later) puts the user's
 * keys there and merges them into .Params alike. What is learned is kept
 * per reading of the site's pages, so that every post of a section shares
 * one pass over them; the post being checked is weighed out of what its
 * profile learns, so that a key only that post has (a misspelt "titel") is
 * unknown to it.
 */

#define G_LOG_DOMAIN "byline-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "byline-data.h"
#include "byline-profile.h"
#include "byline-profile-private.h"

#include <string.h>

/* Keys this share of a section's pages have are recommended; below this
 * many pages a section says too little to recommend anything. */
#define RECOMMENDED_SHARE 0.9
#define RECOMMENDED_MIN_PAGES 5

enum
{
  SEEN_STRING = 1 << 0,
  SEEN_DATE_STRING = 1 << 1,
  SEEN_DATE = 1 << 2,
  SEEN_BOOL = 1 << 3,
  SEEN_INT = 1 << 4,
  SEEN_FLOAT = 1 << 5,
  SEEN_LIST = 1 << 6,
  SEEN_MAP = 1 << 7,
  SEEN_MULTILINE = 1 << 8,
  N_SEEN = 9,
};

typedef struct
{
  char  *key;          /* as the first page writes it */
  guint  count;        /* pages of the section that give it a value */
  guint  uses;         /* pages of the section that have it, empty or not */
  guint  top_count;    /* pages that give it a value at the top, not in params */
  guint  seen[N_SEEN]; /* pages whose value is of each SEEN_* kind */
} LearnedKey;

typedef struct
{
  char  *key;          /* folded */
  guint  uses;         /* pages outside the section that have it */
} SiteKey;

typedef struct
{
  BylineSitePages *pages;
  guint            n_pages;      /* pages of the section */
  GPtrArray       *keys;         /* LearnedKey, most used first */
  GHashTable      *by_key;       /* folded key → LearnedKey of keys */
  GPtrArray       *site_keys;    /* SiteKey, used on other pages of the site */
  GHashTable      *by_site_key;  /* folded key → SiteKey of site_keys */
  char           **archetype;    /* keys of the section's archetype, in order */
} LearnedSection;

/* What one page adds to the keys learned: its keys, folded, each with the
 * SEEN_* kind of its value and whether it has a value. */
typedef struct
{
  char     *folded;
  const char *name;
  guint     seen;
  gboolean  has_value;
  gboolean  top;       /* a key of the front matter itself, not of its params */
} PageKey;

typedef struct
{
  GPtrArray       *templates;    /* the site reading's shortcode list */
  GHashTable      *paired;       /* name → GINT_TO_POINTER (paired + 1) */
} LearnedShortcodes;

static GMutex cache_lock;
static GHashTable *section_cache;    /* "root/section" → LearnedSection */
static GHashTable *shortcode_cache;  /* root → LearnedShortcodes */

static void
learned_key_free (gpointer data)
{
  LearnedKey *key = data;

  g_free (key->key);
  g_free (key);
}

static void
site_key_free (gpointer data)
{
  SiteKey *key = data;

  g_free (key->key);
  g_free (key);
}

static void
page_key_clear (gpointer data)
{
  g_free (((PageKey *) data)->folded);
}

static void
learned_section_free (gpointer data)
{
  LearnedSection *section = data;

  byline_site_pages_unref (section->pages);
  g_hash_table_unref (section->by_key);
  g_ptr_array_unref (section->keys);
  g_hash_table_unref (section->by_site_key);
  g_ptr_array_unref (section->site_keys);
  g_strfreev (section->archetype);
  g_free (section);
}

static void
learned_shortcodes_free (gpointer data)
{
  LearnedShortcodes *shortcodes = data;

  g_hash_table_unref (shortcodes->paired);
  g_clear_pointer (&shortcodes->templates, g_ptr_array_unref);
  g_free (shortcodes);
}

static guint
seen_of (const BylineData *value)
{
  const char *text;

  switch (byline_data_get_kind (value))
    {
    case BYLINE_DATA_STRING:
      text = byline_data_get_string (value);
      if (byline_data_parse_date_time (text, &(BylineDataDateTime) { 0 }))
        return SEEN_DATE_STRING;
      return SEEN_STRING | (strchr (text, '\n') != NULL || strlen (text) > 120
                            ? SEEN_MULTILINE : 0);
    case BYLINE_DATA_DATE_TIME:
      return SEEN_DATE;
    case BYLINE_DATA_BOOL:
      return SEEN_BOOL;
    case BYLINE_DATA_INT:
      return SEEN_INT;
    case BYLINE_DATA_FLOAT:
      return SEEN_FLOAT;
    case BYLINE_DATA_LIST:
      return SEEN_LIST;
    case BYLINE_DATA_MAP:
      return SEEN_MAP;
    case BYLINE_DATA_NULL:
    default:
      return 0;
    }
}

static gboolean
value_is_empty (const BylineData *value)
{
  const char *text;

  switch (byline_data_get_kind (value))
    {
    case BYLINE_DATA_NULL:
      return TRUE;
    case BYLINE_DATA_STRING:
      text = byline_data_get_string (value);
      return text == NULL || text[0] == '\0';
    case BYLINE_DATA_LIST:
    case BYLINE_DATA_MAP:
      return byline_data_get_length (value) == 0;
    default:
      return FALSE;
    }
}

/* The field type that every value seen fits. */
static BylineFieldType
type_of (guint seen)
{
  if (seen == 0)
    return BYLINE_FIELD_STRING;
  if ((seen & (SEEN_LIST | SEEN_MAP)) != 0)
    return seen == SEEN_LIST ? BYLINE_FIELD_STRING_LIST : BYLINE_FIELD_ANY;
  if ((seen & ~(SEEN_DATE | SEEN_DATE_STRING)) == 0)
    return BYLINE_FIELD_DATE;
  if (seen == SEEN_BOOL)
    return BYLINE_FIELD_BOOL;
  if (seen == SEEN_INT)
    return BYLINE_FIELD_INTEGER;
  if ((seen & ~(SEEN_INT | SEEN_FLOAT)) == 0)
    return BYLINE_FIELD_NUMBER;
  if ((seen & SEEN_MULTILINE) != 0 && (seen & ~(SEEN_STRING | SEEN_MULTILINE)) == 0)
    return BYLINE_FIELD_TEXT;
  /* Strings, or scalars of several kinds: any one value. */
  return BYLINE_FIELD_STRING;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const LearnedKey *ka = *(LearnedKey * const *) a;
  const LearnedKey *kb = *(LearnedKey * const *) b;

  if (ka->count != kb->count)
    return ka->count > kb->count ? -1 : 1;
  return strcmp (ka->key, kb->key);
}

/* The keys of an archetype's front matter, in order. Archetypes are
 * templates ("date: {{ .Date }}"), so this reads key lines, not data. */
static char **
read_archetype_keys (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *index = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autoptr(GRegex) yaml_key = g_regex_new ("^([A-Za-z_][^:#\\s]*)\\s*:", 0, 0, NULL);
  g_autoptr(GRegex) toml_key = g_regex_new ("^([A-Za-z0-9_-]+)\\s*=", 0, 0, NULL);
  gboolean toml = FALSE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    path = index = g_build_filename (path, "index.md", NULL);
  if (!g_file_get_contents (path, &contents, NULL, NULL) || !g_utf8_validate (contents, -1, NULL))
    return NULL;

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL)
    return NULL;
  g_strchomp (lines[0]);
  if (strcmp (lines[0], "+++") == 0)
    toml = TRUE;
  else if (strcmp (lines[0], "---") != 0)
    return NULL;

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *key = NULL;

      g_strchomp (lines[i]);
      if (strcmp (lines[i], toml ? "+++" : "---") == 0)
        break;
      if (toml && lines[i][0] == '[')
        break;
      if (g_regex_match (toml ? toml_key : yaml_key, lines[i], 0, &match))
        {
          key = g_match_info_fetch (match, 1);
          g_strv_builder_add (keys, key);
        }
    }
  return g_strv_builder_end (keys);
}

static void
add_page_key (GArray           *keys,
              GHashTable       *added,
              const char       *name,
              const BylineData *value,
              gboolean          top)
{
  PageKey key = { 0 };

  key.folded = byline_data_fold_key (name);
  if (g_hash_table_contains (added, key.folded))
    {
      g_free (key.folded);
      return;
    }
  key.name = name;
  key.seen = seen_of (value);
  /* An empty value (null, "", [], {}) is no value to Hugo: the key is
   * known, but the page does not count as having it. */
  key.has_value = !value_is_empty (value);
  key.top = top;
  g_array_append_val (keys, key);
  g_hash_table_add (added, key.folded);
}

/* The keys of a page's front matter, with those of its params map, each
 * once (of PageKey). */
static GArray *
page_keys (BylineData *front_matter)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (PageKey));
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  guint length;

  g_array_set_clear_func (keys, page_key_clear);
  if (front_matter == NULL || byline_data_get_kind (front_matter) != BYLINE_DATA_MAP)
    return keys;

  length = byline_data_get_length (front_matter);
  for (guint k = 0; k < length; k++)
    add_page_key (keys, added, byline_data_map_get_key (front_matter, k),
                  byline_data_map_get_value (front_matter, k), TRUE);

  for (guint k = 0; k < length; k++)
    {
      BylineData *params = byline_data_map_get_value (front_matter, k);
      g_autofree char *folded = byline_data_fold_key (byline_data_map_get_key (front_matter, k));

      if (strcmp (folded, "params") != 0 || byline_data_get_kind (params) != BYLINE_DATA_MAP)
        continue;
      for (guint p = 0; p < byline_data_get_length (params); p++)
        add_page_key (keys, added, byline_data_map_get_key (params, p),
                      byline_data_map_get_value (params, p), FALSE);
    }
  return keys;
}

static gboolean
page_is_in_section (const BylineSitePage *page,
                    const char           *section)
{
  return byline_site_page_get_kind (page) == BYLINE_SITE_PAGE_PAGE &&
         g_strcmp0 (byline_site_page_get_section (page), section) == 0;
}

static LearnedSection *
learn_section (BylineSite      *site,
               BylineSitePages *pages,
               const char      *section)
{
  LearnedSection *learned = g_new0 (LearnedSection, 1);
  g_autofree char *archetype = NULL;
  guint n = byline_site_pages_get_n_pages (pages);

  learned->pages = byline_site_pages_ref (pages);
  learned->keys = g_ptr_array_new_with_free_func (learned_key_free);
  learned->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  learned->site_keys = g_ptr_array_new_with_free_func (site_key_free);
  learned->by_site_key = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const BylineSitePage *page = byline_site_pages_get_page (pages, i);
      BylineData *front_matter = byline_site_page_get_front_matter (page);
      g_autoptr(GArray) keys = NULL;
      gboolean in_section;

      if (front_matter == NULL || byline_data_get_kind (front_matter) != BYLINE_DATA_MAP)
        continue;
      in_section = page_is_in_section (page, section);
      if (in_section)
        learned->n_pages++;

      keys = page_keys (front_matter);
      for (guint k = 0; k < keys->len; k++)
        {
          const PageKey *key = &g_array_index (keys, PageKey, k);
          LearnedKey *learned_key;

          if (!in_section)
            {
              SiteKey *site_key = g_hash_table_lookup (learned->by_site_key, key->folded);

              if (site_key == NULL)
                {
                  site_key = g_new0 (SiteKey, 1);
                  site_key->key = g_strdup (key->folded);
                  g_ptr_array_add (learned->site_keys, site_key);
                  g_hash_table_insert (learned->by_site_key, site_key->key, site_key);
                }
              site_key->uses++;
              continue;
            }

          learned_key = g_hash_table_lookup (learned->by_key, key->folded);
          if (learned_key == NULL)
            {
              learned_key = g_new0 (LearnedKey, 1);
              learned_key->key = g_strdup (key->name);
              g_ptr_array_add (learned->keys, learned_key);
              g_hash_table_insert (learned->by_key, g_strdup (key->folded), learned_key);
            }
          learned_key->uses++;
          learned_key->count += key->has_value;
          learned_key->top_count += key->has_value && key->top;
          for (guint b = 0; b < N_SEEN; b++)
            learned_key->seen[b] += (key->seen & (1u << b)) != 0;
        }
    }

  g_ptr_array_sort (learned->keys, compare_keys);

  archetype = byline_site_find_archetype (site, section);
  if (archetype != NULL)
    learned->archetype = read_archetype_keys (archetype);
  return learned;
}

/* Hugo makes a shortcode that uses .Inner need its closing tag (or a
 * self-closing call): hugolib/shortcode.go, "must be closed or self-closed". */
static LearnedShortcodes *
learn_shortcodes (const GPtrArray *templates)
{
  LearnedShortcodes *learned = g_new0 (LearnedShortcodes, 1);

  learned->templates = templates != NULL ? g_ptr_array_ref ((GPtrArray *) templates) : NULL;
  learned->paired = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; templates != NULL && i < templates->len; i++)
    {
      const BylineSiteTemplate *template = g_ptr_array_index ((GPtrArray *) templates, i);
      g_autofree char *contents = NULL;
      gboolean paired;

      /* The project's template comes first and is the one Hugo uses. */
      if (g_hash_table_contains (learned->paired, template->name))
        continue;
      paired = g_file_get_contents (template->path, &contents, NULL, NULL) &&
               strstr (contents, ".Inner") != NULL;
      g_hash_table_insert (learned->paired, g_strdup (template->name),
                           GINT_TO_POINTER (paired + 1));
    }
  return learned;
}

/* What the other pages show of a learned key: @own is the post's own
 * contribution (NULL when it has no such key). */
static guint
others_seen (const LearnedKey *key,
             const PageKey    *own)
{
  guint seen = 0;

  for (guint b = 0; b < N_SEEN; b++)
    if (key->seen[b] > (own != NULL && (own->seen & (1u << b)) != 0 ? 1u : 0u))
      seen |= 1u << b;
  return seen;
}

static void
learn_fields (BylineProfile        *self,
              const LearnedSection *learned,
              const char           *section,
              const BylineSitePage *post,
              gboolean              recommend)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GArray) own_keys = NULL;
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean own_in_section = FALSE;
  guint n_pages = learned->n_pages;

  /* The post's own keys, as last saved, are weighed out: a key is known
   * when other pages use it. */
  if (post != NULL)
    {
      own_keys = page_keys (byline_site_page_get_front_matter (post));
      for (guint i = 0; i < own_keys->len; i++)
        {
          PageKey *key = &g_array_index (own_keys, PageKey, i);

          g_hash_table_insert (own, key->folded, key);
        }
      own_in_section = own_keys->len > 0 && page_is_in_section (post, section);
      if (own_in_section)
        n_pages--;
    }

  /* The archetype's keys lead, in its order; then the keys by use. */
  for (guint i = 0; learned->archetype != NULL && learned->archetype[i] != NULL; i++)
    g_ptr_array_add (shown, learned->archetype[i]);

  for (guint i = 0; i < learned->keys->len; i++)
    {
      const LearnedKey *key = g_ptr_array_index (learned->keys, i);
      g_autofree char *folded = byline_data_fold_key (key->key);
      const PageKey *mine = own_in_section ? g_hash_table_lookup (own, folded) : NULL;
      guint count = key->count - (mine != NULL && mine->has_value ? 1 : 0);
      guint top_count = key->top_count - (mine != NULL && mine->has_value && mine->top ? 1 : 0);
      int position;
      BylineFieldSpec *spec;

      if (key->uses == (mine != NULL ? 1u : 0u))
        continue;
      g_ptr_array_add (shown, key->key);
      position = byline_profile_find_field (self, key->key);
      if (position >= 0)
        spec = g_ptr_array_index (self->fields, position);
      else
        spec = byline_profile_add_field (self, key->key, key->key,
                                         type_of (others_seen (key, mine)));

      spec->hidden = spec->type == BYLINE_FIELD_ANY;
      g_free (spec->help);
      spec->help = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Used by %u of the %u page in “%s”.",
                                                 "Used by %u of the %u pages in “%s”.",
                                                 n_pages),
                                    count, n_pages, section[0] != '\0' ? section : "/");
      /* The rules look for a recommended key at the top of the front
       * matter: keys the pages keep in params are known, not asked for. */
      if (recommend && n_pages >= RECOMMENDED_MIN_PAGES &&
          top_count >= RECOMMENDED_SHARE * n_pages)
        spec->missing = BYLINE_SEVERITY_WARNING;
    }

  for (guint i = 0; learned->archetype != NULL && learned->archetype[i] != NULL; i++)
    {
      int position = byline_profile_find_field (self, learned->archetype[i]);

      if (position < 0)
        byline_profile_add_field (self, learned->archetype[i], learned->archetype[i],
                                  BYLINE_FIELD_STRING);
      else
        ((BylineFieldSpec *) g_ptr_array_index (self->fields, position))->hidden = FALSE;
    }

  for (guint i = 0; i < learned->site_keys->len; i++)
    {
      const SiteKey *key = g_ptr_array_index (learned->site_keys, i);
      gboolean mine = post != NULL && !own_in_section && g_hash_table_contains (own, key->key);

      if (key->uses > (mine ? 1u : 0u) && byline_profile_find_field (self, key->key) < 0)
        byline_profile_add_field (self, key->key, key->key, BYLINE_FIELD_ANY)->hidden = TRUE;
    }

  /* Shown fields in the order above, then the hidden ones. */
  order = g_ptr_array_new_full (self->fields->len, byline_field_spec_free);
  for (guint i = 0; i < shown->len; i++)
    {
      int position = byline_profile_find_field (self, g_ptr_array_index (shown, i));
      BylineFieldSpec *spec;

      if (position < 0)
        continue;
      spec = g_ptr_array_index (self->fields, position);
      if (spec->hidden)
        continue;
      g_ptr_array_add (order, g_ptr_array_steal_index (self->fields, position));
    }
  for (guint i = 0; i < self->fields->len; i++)
    if (!((BylineFieldSpec *) g_ptr_array_index (self->fields, i))->hidden)
      g_ptr_array_add (order, g_ptr_array_index (self->fields, i));
  for (guint i = 0; i < self->fields->len; i++)
    if (((BylineFieldSpec *) g_ptr_array_index (self->fields, i))->hidden)
      g_ptr_array_add (order, g_ptr_array_index (self->fields, i));
  g_ptr_array_set_free_func (self->fields, NULL);
  g_ptr_array_unref (self->fields);
  self->fields = g_steal_pointer (&order);
}

static void
learn_shortcode_specs (BylineProfile           *self,
                       const LearnedShortcodes *learned)
{
  GHashTableIter iter;
  gpointer name, paired;

  g_hash_table_iter_init (&iter, learned->paired);
  while (g_hash_table_iter_next (&iter, &name, &paired))
    byline_profile_add_shortcode (self, name, GPOINTER_TO_INT (paired) - 1, NULL);
}

/**
 * byline_profile_learn:
 * @post_file: (nullable): the post's path, for its section
 *
 * Adds to @self what the site's pages and templates show (see above).
 */
void
byline_profile_learn (BylineProfile *self,
                      BylineSite    *site,
                      const char    *post_file)
{
  g_autoptr(BylineSitePages) pages = byline_site_get_pages (site);
  const GPtrArray *templates = byline_site_get_shortcodes (site);
  const BylineSitePage *page = NULL;
  g_autofree char *cache_key = NULL;
  g_autofree char *root = NULL;
  const char *section = "";
  const char *title;
  LearnedSection *learned;
  LearnedShortcodes *shortcodes;

  g_return_if_fail (BYLINE_IS_PROFILE (self));
  g_return_if_fail (BYLINE_IS_SITE (site));
  g_return_if_fail (byline_site_get_root (site) != NULL);

  if (pages != NULL && post_file != NULL)
    page = byline_site_pages_lookup_file (pages, post_file);
  if (page != NULL && byline_site_page_get_section (page) != NULL)
    section = byline_site_page_get_section (page);

  byline_profile_add_taxonomies (self, site);

  root = g_file_get_path (byline_site_get_root (site));
  g_mutex_lock (&cache_lock);
  if (section_cache == NULL)
    {
      section_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             learned_section_free);
      shortcode_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               learned_shortcodes_free);
    }

  /* A new reading of the pages, or of the templates, is learned again. */
  if (pages != NULL)
    {
      cache_key = g_strdup_printf ("%s/%s", root, section);
      learned = g_hash_table_lookup (section_cache, cache_key);
      if (learned == NULL || learned->pages != pages)
        {
          learned = learn_section (site, pages, section);
          g_hash_table_replace (section_cache, g_steal_pointer (&cache_key), learned);
        }
      /* What pages share says nothing about a section's own list page. */
      learn_fields (self, learned, section, page,
                    page == NULL || byline_site_page_get_kind (page) == BYLINE_SITE_PAGE_PAGE);
    }

  shortcodes = g_hash_table_lookup (shortcode_cache, root);
  if (shortcodes == NULL || shortcodes->templates != templates)
    {
      shortcodes = learn_shortcodes (templates);
      g_hash_table_replace (shortcode_cache, g_strdup (root), shortcodes);
    }
  learn_shortcode_specs (self, shortcodes);
  g_mutex_unlock (&cache_lock);

  /* Without every theme, Byline cannot know every shortcode the site has. */
  if (!byline_site_is_complete (site))
    byline_profile_set_rule_severity (self, "shortcode/unknown", BYLINE_SEVERITY_WARNING);

  title = byline_site_get_title (site);
  g_free (self->name);
  self->name = g_strdup (title != NULL && title[0] != '\0' ? title : _("Hugo site"));
  g_free (self->description);
  self->description = g_strdup (_("Hugo profile learned from the site"));
  self->learned = TRUE;
  byline_profile_update_indexes (self);
}

gboolean
byline_profile_is_learned (BylineProfile *self)
{
  g_return_val_if_fail (BYLINE_IS_PROFILE (self), FALSE);

  return self->learned;
}
