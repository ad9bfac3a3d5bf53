/* test-cli-spelling.c — byline-cli check --spelling run as a process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The corpus test plants misspellings in every istio.io post: in 20 common
 * words spread over its plain paragraphs, two neighbouring letters are
 * swapped, and each must be flagged at its line and column. The places are
 * found here without Byline's help (lines of plain prose, outside code,
 * shortcode calls and raw HTML), and the swapped spellings are not words of
 * the en_US dictionary. The other words flagged are reported, as the post's
 * genuinely unknown words.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "byline-test-util.h"
#include "corpus.h"

#define N_PLANTED 20

static const char * const common[][2] = {
  { "the", "teh" }, { "and", "adn" }, { "that", "taht" }, { "with", "wtih" },
  { "this", "tihs" }, { "from", "fomr" }, { "which", "whihc" }, { "their", "thier" },
  { "there", "tehre" }, { "about", "abuot" }, { "would", "wolud" }, { "these", "thsee" },
  { "other", "otehr" }, { "into", "itno" }, { "more", "mroe" }, { "some", "soem" },
  { "when", "wehn" }, { "what", "waht" }, { "also", "aslo" }, { "only", "olny" },
  { "because", "becuase" }, { "between", "betewen" }, { "through", "thorugh" },
  { "service", "serivce" }, { "traffic", "trafifc" }, { "request", "reqeust" },
  { "using", "usign" }, { "where", "whree" }, { "while", "whiel" }, { "first", "frist" },
  { "could", "cuold" }, { "should", "shuold" }, { "after", "atfer" }, { "before", "beofre" },
  { "different", "differnet" }, { "example", "exmaple" }, { "network", "netwrok" },
  { "then", "tehn" }, { "they", "tehy" }, { "have", "hvae" }, { "will", "wlil" },
  { "your", "yuor" }, { "each", "eahc" }, { "like", "lkie" }, { "many", "mnay" },
  { "such", "scuh" }, { "make", "mkae" }, { "used", "uesd" }, { "same", "smae" },
  { "time", "tmie" }, { "data", "dtaa" }, { "being", "bieng" }, { "most", "msot" },
  { "just", "jsut" }, { "over", "oevr" }, { "support", "suppotr" },
  { "security", "secuirty" }, { "users", "uesrs" }, { "cluster", "clutser" },
  { "proxy", "porxy" }, { "policy", "polciy" }, { "for", "ofr" }, { "are", "aer" },
  { "can", "cna" }, { "not", "nto" }, { "all", "lal" }, { "you", "yuo" }, { "was", "wsa" },
  { "how", "hwo" }, { "our", "oru" }, { "has", "hsa" }, { "but", "btu" }, { "one", "oen" },
  { "out", "otu" }, { "get", "gte" }, { "new", "nwe" }, { "use", "ues" },
  { "want", "wnat" }, { "check", "chcek" }, { "find", "fnid" }, { "here", "heer" },
  { "great", "graet" }, { "change", "chagne" }, { "project", "porject" }, { "few", "fwe" },
  { "why", "wyh" }, { "useful", "uesful" }, { "works", "wroks" }, { "explain", "expalin" },
  { "level", "lveel" }, { "helped", "hepled" }, { "understand", "udnerstand" },
  { "excited", "exctied" }, { "contribute", "contirbute" }, { "huge", "hgue" },
  { "commands", "commnads" }, { "details", "detials" }, { "adding", "addnig" },
  { "involved", "invovled" }, { "recently", "recnetly" }, { "small", "smlal" },
  { "open", "oepn" }, { "learning", "laerning" }, { "experience", "experinece" },
  { "working", "wokring" }, { "post", "psot" }, { "to", "ot" }, { "in", "ni" },
  { "an", "na" }, { "be", "eb" }, { "as", "sa" }, { "by", "yb" }, { "or", "ro" },
  { "we", "ew" },
};

typedef struct
{
  gsize       offset;   /* in the post text */
  guint       line;
  guint       column;   /* characters */
  const char *misspelt;
} Plant;

static gboolean
have_dictionary (const char *root)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "check", "--spelling", "probe.md", NULL };

  /* A language without a dictionary is reported on standard error. */
  byline_test_write_file (root, "probe.md", "Teh.\n", -1);
  byline_test_run_cli (root, args, &out, &err);
  if (strstr (out, "[spelling/unknown-word]") != NULL)
    return TRUE;
  g_test_skip ("No en_US dictionary for Enchant: install hunspell-en-us");
  return FALSE;
}

#define POST \
  "---\n" \
  "title: \"A post\"\n" \
  "description: \"What it is about.\"\n" \
  "publishdate: 2023-01-02\n" \
  "attribution: \"A. Writer\"\n" \
  "keywords: [istio, mesh]\n" \
  "---\n" \
  "\n" \
  "We recieve the `recieve` code, and Quuxly too.\n"

static void
test_option (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-cli-spelling-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *plain_err = NULL;
  const char *with[] = { "check", "--spelling", "post/index.md", NULL };
  const char *without[] = { "check", "post/index.md", NULL };

  /* An istio.io blog post. */
  byline_test_write_file (root, ".byline.yml", "extends: istio\n", -1);
  if (!have_dictionary (root))
    return;
  byline_test_write_file (root, "post/index.md", POST, -1);

  /* Infos only: exit status 0. */
  g_assert_cmpint (byline_test_run_cli (root, with, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "post/index.md:9:4: info: Unknown word “recieve”: check its spelling, or add "
                   "it to the site’s word list [spelling/unknown-word]\n"
                   "post/index.md:9:36: info: Unknown word “Quuxly”: check its spelling, or add "
                   "it to the site’s word list [spelling/unknown-word]\n"
                   "0 errors, 0 warnings, 2 infos in 1 file\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (byline_test_run_cli (root, without, &plain, &plain_err), ==, 0);
  g_assert_cmpstr (plain, ==, "0 errors, 0 warnings, 0 infos in 1 file\n");

  byline_test_remove_tree (root);
}

/* A profile switches the rule on and re-grades it, and adds words. */
static void
test_profile (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-cli-spelling-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "check", "post/index.md", NULL };

  if (!have_dictionary (root))
    return;
  byline_test_write_file (root, "post/index.md", POST, -1);
  byline_test_write_file (root, ".byline.yml",
                          "extends: istio\n"
                          "rules:\n  spelling/unknown-word: error\nwords: [quuxly]\n", -1);

  g_assert_cmpint (byline_test_run_cli (root, args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==,
                   "post/index.md:9:4: error: Unknown word “recieve”: check its spelling, or add "
                   "it to the site’s word list [spelling/unknown-word]\n"
                   "1 error, 0 warnings, 0 infos in 1 file\n");

  byline_test_remove_tree (root);
}

/* A language without a dictionary is said once for all its posts; Chinese
 * posts are never checked word by word, and say nothing. */
static void
test_languages (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-cli-spelling-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "check", "--spelling", "site/content", NULL };

  if (!have_dictionary (root))
    return;
  byline_test_write_file (root, "site/hugo.toml",
              "defaultContentLanguage = 'xx'\n"
              "[languages.xx]\n  languageCode = 'xx-YY'\n"
              "[languages.zh]\n  languageCode = 'zh-CN'\n", -1);
  byline_test_write_file (root, "site/content/a/index.md", POST, -1);
  byline_test_write_file (root, "site/content/b/index.md", POST, -1);
  byline_test_write_file (root, "site/content/b/index.zh.md", POST, -1);

  g_assert_cmpint (byline_test_run_cli (root, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0 errors, 0 warnings, 0 infos in 3 files\n");
  g_assert_cmpstr (err, ==, "site/content/a/index.md: warning: No spelling dictionary for "
                   "“xx-YY” is installed; posts in this language are not checked for spelling\n");

  byline_test_remove_tree (root);
}

/* The site's lists count; one that does not parse is said once. */
static void
test_site_lists (void)
{
  g_autofree char *root = g_dir_make_tmp ("byline-cli-spelling-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "check", "--spelling", "site/content", NULL };

  if (!have_dictionary (root))
    return;
  byline_test_write_file (root, ".git/HEAD", "ref: refs/heads/main\n", -1);
  byline_test_write_file (root, ".spelling", "# words\nQuuxly\n", -1);
  byline_test_write_file (root, "site/hugo.toml", "baseURL = '/'\n", -1);
  byline_test_write_file (root, "site/.cspell.json", "{\"words\": [\"recieve\"],}", -1);
  byline_test_write_file (root, "site/cspell.yml", "words: [\n", -1);
  byline_test_write_file (root, "site/content/a/index.md", POST, -1);
  byline_test_write_file (root, "site/content/b/index.md", POST, -1);

  g_assert_cmpint (byline_test_run_cli (root, args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0 errors, 0 warnings, 0 infos in 2 files\n");
  expected = g_strdup_printf ("byline-cli: warning: %s/site/cspell.yml:2: Not valid YAML: "
                              "did not find expected node content\n", root);
  g_assert_cmpstr (err, ==, expected);

  byline_test_remove_tree (root);
}

/* Where the text of a heading (## x) or a list item (- x, 1. x) starts. */
static const char *
prose_start (const char *line)
{
  const char *p = line;

  if (*p == '#')
    {
      p += strspn (p, "#");
      return *p == ' ' ? p + 1 : line;
    }
  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    return p + 2;
  p += strspn (p, "0123456789");
  if (p > line && *p == '.' && p[1] == ' ')
    return p + 2;
  return line;
}

/* Plain prose lines of the body, headings and list items: they start with
 * a letter once the marker is left out, and are not in a
 * fenced block, a {{< text >}} block or raw HTML (a line starting with <,
 * up to the next blank line). */
static GArray *
find_places (const char *text)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (Plant));
  const char *body = text;
  gboolean in_fence = FALSE, in_text = FALSE, in_html = FALSE;
  guint line_number = 1;

  /* After the closing --- of the front matter. */
  if (g_str_has_prefix (text, "---\n"))
    {
      const char *close = strstr (text + 4, "\n---\n");

      g_assert_nonnull (close);
      body = close + 5;
      for (const char *p = text; p < body; p++)
        line_number += *p == '\n';
    }

  for (const char *line = body; *line != '\0'; line_number++)
    {
      const char *end = strchr (line, '\n');
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      g_autofree char *content = g_strndup (line, length);

      const char *trimmed = content + strspn (content, " \t");

      if (g_str_has_prefix (trimmed, "```") || g_str_has_prefix (trimmed, "~~~"))
        in_fence = !in_fence;
      else if (strstr (content, "{{< text") != NULL && strstr (content, "{{< /text >}}") == NULL)
        in_text = TRUE;
      else if (strstr (content, "{{< /text >}}") != NULL)
        in_text = FALSE;
      else if (content[0] == '<')
        in_html = TRUE;
      else if (content[strspn (content, " \t")] == '\0')
        in_html = FALSE;
      else if (!in_fence && !in_text && !in_html && g_ascii_isalpha (prose_start (content)[0]))
        {
          /* Words between spaces, outside `code`, [..](url), {{ }} and < >. */
          gboolean code = FALSE, url = FALSE, call = FALSE, tag = FALSE;

          for (const char *p = prose_start (content); *p != '\0'; p++)
            {
              gsize n;

              if (*p == '`')
                code = !code;
              else if (p[0] == ']' && p[1] == '(')
                url = TRUE;
              else if (*p == ')' && url)
                url = FALSE;
              else if (p[0] == '{' && p[1] == '{')
                call = TRUE;
              else if (p[0] == '}' && p[1] == '}')
                call = FALSE;
              else if (*p == '<')
                tag = TRUE;
              else if (*p == '>')
                tag = FALSE;
              if (code || url || call || tag || (p > content && p[-1] != ' ' && p[-1] != '#'))
                continue;

              for (guint w = 0; w < G_N_ELEMENTS (common); w++)
                {
                  n = strlen (common[w][0]);
                  if (strncmp (p, common[w][0], n) == 0 &&
                      (p[n] == ' ' || p[n] == ',' || p[n] == '.' || p[n] == '\0'))
                    {
                      Plant plant;

                      plant.offset = (line - text) + (p - content);
                      plant.line = line_number;
                      plant.column = g_utf8_strlen (content, p - content) + 1;
                      plant.misspelt = common[w][1];
                      g_array_append_val (places, plant);
                      break;
                    }
                }
            }
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  return places;
}

static void
test_corpus_planted (void)
{
  g_autoptr(GPtrArray) posts = corpus_load ();
  g_autofree char *root = NULL;
  g_autofree char *spelling = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) expected_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sample = g_string_new (NULL);
  const char *args[] = { "check", "--spelling", "site/content", NULL };
  guint n_other = 0, n_posts = 0;
  g_auto(GStrv) lines = NULL;

  if (posts == NULL || posts->len == 0)
    {
      g_test_skip ("The istio.io corpus is not there (BYLINE_CORPUS)");
      return;
    }

  root = g_dir_make_tmp ("byline-cli-planted-XXXXXX", NULL);
  if (!have_dictionary (root))
    {
      byline_test_remove_tree (root);
      return;
    }

  /* istio.io keeps a .spelling list at the root of its repository; the
   * corpus has the posts only. Use it when it is there. */
  spelling = g_build_filename (g_getenv ("BYLINE_CORPUS"), "istio-blog", ".spelling", NULL);
  byline_test_write_file (root, ".git/HEAD", "ref: refs/heads/main\n", -1);
  byline_test_write_file (root, "site/hugo.toml", "baseURL = '/'\n", -1);
  if (g_file_test (spelling, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (spelling, &contents, &length, NULL));
      byline_test_write_file (root, ".spelling", contents, length);
    }
  else
    g_test_message ("The corpus has no .spelling: measured without the site's word list");

  for (guint i = 0; i < posts->len; i++)
    {
      CorpusPost *post = g_ptr_array_index (posts, i);
      g_autoptr(GArray) places = find_places (post->text);
      g_autoptr(GString) planted = g_string_new_len (post->text, post->length);
      g_autofree char *relative = g_build_filename ("site", "content", "blog", post->name, NULL);

      g_test_message ("%s: %u places", post->name, places->len);
      g_assert_cmpuint (places->len, >=, N_PLANTED);

      /* 20 places spread evenly over the post. */
      for (guint k = 0; k < N_PLANTED; k++)
        {
          const Plant *plant = &g_array_index (places, Plant, k * places->len / N_PLANTED);

          memcpy (planted->str + plant->offset, plant->misspelt, strlen (plant->misspelt));
          g_ptr_array_add (expected_lines,
                           g_strdup_printf ("%s:%u:%u: info: Unknown word “%s”", relative,
                                            plant->line, plant->column, plant->misspelt));
        }
      byline_test_write_file (root, relative, planted->str, planted->len);
      n_posts++;
    }

  byline_test_run_cli (root, args, &out, &err);
  g_test_message ("stderr: %s", err);
  lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; i < expected_lines->len; i++)
    {
      const char *expected = g_ptr_array_index (expected_lines, i);
      gboolean found = FALSE;

      for (guint j = 0; lines[j] != NULL && !found; j++)
        found = g_str_has_prefix (lines[j], expected);
      if (!found)
        g_test_message ("not flagged: %s", expected);
      g_assert_true (found);
    }

  for (guint j = 0; lines[j] != NULL; j++)
    {
      gboolean planted = FALSE;

      if (strstr (lines[j], "[spelling/unknown-word]") == NULL)
        continue;
      for (guint i = 0; i < expected_lines->len && !planted; i++)
        planted = g_str_has_prefix (lines[j], g_ptr_array_index (expected_lines, i));
      if (planted)
        continue;
      n_other++;
      if (n_other % 25 == 1)
        g_string_append_printf (sample, "\n  %s", lines[j]);
    }
  g_test_message ("%u planted misspellings flagged at their place in %u posts; %u other "
                  "words flagged (%.1f a post), a sample:%s", expected_lines->len, n_posts,
                  n_other, n_other / (double) n_posts, sample->str);

  byline_test_remove_tree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/spelling/option", test_option);
  g_test_add_func ("/cli/spelling/profile", test_profile);
  g_test_add_func ("/cli/spelling/languages", test_languages);
  g_test_add_func ("/cli/spelling/site-lists", test_site_lists);
  g_test_add_func ("/cli/spelling/corpus-planted", test_corpus_planted);

  return g_test_run ();
}
