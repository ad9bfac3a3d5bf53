/* test-spell-tokens.c — which words the spell checker looks at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "byline-spell-tokens.h"

#include <string.h>

/* The tokens of @text as "word@offset", "word*@offset" when hyphenated,
 * separated by spaces. */
static char *
tokens_of (const char *text)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (BylineSpellToken));
  GString *out = g_string_new (NULL);

  byline_spell_tokenize (text, 0, strlen (text), tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      const BylineSpellToken *t = &g_array_index (tokens, BylineSpellToken, i);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, text + t->start, t->end - t->start);
      if (t->hyphenated)
        g_string_append_c (out, '*');
      g_string_append_printf (out, "@%" G_GSIZE_FORMAT, t->start);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *tokens;
} Case;

static void
run_cases (const Case *cases,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *tokens = tokens_of (cases[i].text);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (tokens, ==, cases[i].tokens);
    }
}

/* Words, and their byte offsets (é is two bytes). */
static void
test_words (void)
{
  static const Case cases[] = {
    { "Teh quick brown fox", "Teh@0 quick@4 brown@10 fox@16" },
    { "  spaced\tout\nlines  ", "spaced@2 out@9 lines@13" },
    { "(parenthesised), \"quoted\" and 'single'.", "parenthesised@1 quoted@18 and@26 single@31" },
    { "café naïve résumé", "café@0 naïve@6 résumé@13" },
    { "Hello—world… end!", "Hello@0 world@8 end@17" },
    { "«guillemets» ¿qué? ¡sí!", "guillemets@2 qué@17 sí@25" },
    { "", "" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Apostrophes belong to words between letters, ' or ’ alike. */
static void
test_apostrophes (void)
{
  static const Case cases[] = {
    { "don't won’t O'Neal", "don't@0 won’t@6 O'Neal@14" },
    { "the users' files", "the@0 users@4 files@11" },
    { "‘quoted’ 'words'", "quoted@3 words@14" },
    { "Istio's mesh", "Istio's@0 mesh@8" },
    { "rock'n'roll", "rock'n'roll@0" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* A hyphenated word is one token when each part is a word; otherwise the
 * parts that are words are tokens of their own. */
static void
test_hyphens (void)
{
  static const Case cases[] = {
    { "well-known node-level", "well-known*@0 node-level*@11" },
    { "state-of-the-art", "state-of-the-art*@0" },
    { "x-ray e-mail", "ray@2 mail@8" },
    { "10,000-pod cluster", "pod@7 cluster@11" },
    { "TLS-secured v1-only", "secured@4 only@15" },
    { "a -- b - c", "" },
    { "trailing- -leading", "trailing@0" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Addresses, handles, paths and file names are skipped whole. */
static void
test_skip_addresses (void)
{
  static const Case cases[] = {
    { "see https://istio.io/latest/docs now", "see@0 now@33" },
    { "at www.example.com today", "at@0 today@19" },
    { "(http://x.org/a_b)", "" },
    { "mail me@example.org or mailto:a@b.c please", "mail@0 or@20 please@36" },
    { "thanks @alice and @bob-smith", "thanks@0 and@14" },
    { "edit index.md and config.yaml", "edit@0 and@14" },
    { "domains istio.io and bol.com", "domains@0 and@17" },
    { "paths /etc/hosts ./a/b ../up ~/x a/b/c", "paths@0" },
    { "and/or TCP/IP input/output", "and@0 or@4 input@14 output@20" },
    { "docs/setup.md", "" },
    { "C:\\Windows or a\\b", "or@11" },
    { "e.g. i.e. a.k.a. Node.js", "" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Numbers, versions, hex and units. */
static void
test_skip_numbers (void)
{
  static const Case cases[] = {
    { "version 1.22.3 and v1alpha3 or 2.0.0-rc.1", "version@0 and@15 or@28" },
    { "hex 0xdeadbeef a3f9c2 #ff0000", "hex@0" },
    { "took 2.8 ms and 10ms, used 1.9 GiB", "took@0 and@12 used@22" },
    { "3 hours 12 minutes 64 KB", "hours@2 minutes@11" },
    { "p99 latency 99.9% x86 arm64", "latency@4" },
    { "the 2nd and 3rd", "the@0 and@8" },
    { "10,000 requests", "requests@7" },
    { "16:9 ratio", "ratio@5" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Acronyms and identifiers. */
static void
test_skip_identifiers (void)
{
  static const Case cases[] = {
    { "TLS and HTTP APIs CRDs URLs", "and@4" },
    { "camelCase PascalCase iPhone mTLS eBPF GitHub", "" },
    { "snake_case _private __init__ CA_TRUSTED", "" },
    { "run --set -n with --dry-run", "run@0 with@13" },
    { "caf&eacute; R&amp;D &amp; more", "more@26" },
    { "f(x) word(s) a=b {{x}} <b> `code` `two words` [link]", "link@47" },
    { "I a A b", "" },
    { "Istio Kubernetes Envoy", "Istio@0 Kubernetes@6 Envoy@17" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Chinese, Japanese and Korean are never checked word by word; Latin words
 * around them are. */
static void
test_cjk (void)
{
  static const Case cases[] = {
    { "服务网格是一个基础设施层", "" },
    { "カテゴリーとひらがな", "" },
    { "도형이 한국어", "" },
    { "Istio服务网格 mesh", "Istio@0 mesh@18" },
    { "使用 Istio 的 waypoint 代理", "Istio@7 waypoint@17" },
    { "ｆｕｌｌｗｉｄｔｈ", "" },
  };

  run_cases (cases, G_N_ELEMENTS (cases));
}

/* Tokens stay inside [start, end) and keep offsets of the whole text. */
static void
test_range (void)
{
  const char *text = "skipped words here";
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (BylineSpellToken));
  const BylineSpellToken *t;

  byline_spell_tokenize (text, 8, 13, tokens);
  g_assert_cmpuint (tokens->len, ==, 1);
  t = &g_array_index (tokens, BylineSpellToken, 0);
  g_assert_cmpuint (t->start, ==, 8);
  g_assert_cmpuint (t->end, ==, 13);
  g_assert_false (t->hyphenated);
}

static void
test_char_classes (void)
{
  g_assert_true (byline_spell_is_cjk_char (0x597D));   /* 好 */
  g_assert_true (byline_spell_is_cjk_char (0x30AB));   /* カ */
  g_assert_true (byline_spell_is_cjk_char (0x3072));   /* ひ */
  g_assert_true (byline_spell_is_cjk_char (0xB3C4));   /* 도 */
  g_assert_false (byline_spell_is_cjk_char ('a'));
  g_assert_false (byline_spell_is_cjk_char (0x00E9));  /* é */

  g_assert_true (byline_spell_is_apostrophe ('\''));
  g_assert_true (byline_spell_is_apostrophe (0x2019));
  g_assert_false (byline_spell_is_apostrophe ('"'));
  g_assert_true (byline_spell_is_hyphen ('-'));
  g_assert_true (byline_spell_is_hyphen (0x2010));
  g_assert_false (byline_spell_is_hyphen (0x2014));    /* — */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/spell-tokens/words", test_words);
  g_test_add_func ("/core/spell-tokens/apostrophes", test_apostrophes);
  g_test_add_func ("/core/spell-tokens/hyphens", test_hyphens);
  g_test_add_func ("/core/spell-tokens/skip/addresses", test_skip_addresses);
  g_test_add_func ("/core/spell-tokens/skip/numbers", test_skip_numbers);
  g_test_add_func ("/core/spell-tokens/skip/identifiers", test_skip_identifiers);
  g_test_add_func ("/core/spell-tokens/cjk", test_cjk);
  g_test_add_func ("/core/spell-tokens/range", test_range);
  g_test_add_func ("/core/spell-tokens/char-classes", test_char_classes);

  return g_test_run ();
}
