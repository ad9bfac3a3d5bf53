/* byline-gotmpl-funcs-inflect.c — the inflect namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hugo's tpl/inflect: humanize, pluralize and singularize. Hugo's
 * Pluralize and Singularize are those of the flect library (v1.0.3, the
 * version Hugo pins), which inflect the last word of the string: a table
 * of words it knows in both numbers, then rules for endings, then -s.
 * The tables below are flect's, in flect's order, since the first rule
 * that matches wins.
 */

#define G_LOG_DOMAIN "byline-gotmpl"

#include "config.h"

#include "byline-gotmpl-funcs.h"

#include <stdlib.h>
#include <string.h>

#include "byline-gotmpl-funcs-private.h"

enum
{
  /* Singularize does not map the plural back (medium/media, basis/bases). */
  ONE_WAY = 1 << 0,
  /* Only the whole word: no ending rule for compounds (ox, not box). */
  EXACT = 1 << 1,
};

typedef struct
{
  const char *singular;
  const char *plural;       /* the singular again for words without a plural */
  const char *alternative;  /* another plural that Singularize also knows */
  int         flags;
} Word;

/* flect's dictionary. Besides the whole words, each word not EXACT is an
 * ending rule for the compounds that end with it (salesperson), tried
 * before the ending rules below, the later words first. */
static const Word words[] = {
  /* The same in both numbers. */
  { "aircraft", "aircraft", NULL, 0 },
  { "beef", "beef", "beefs", 0 },
  { "bison", "bison", NULL, 0 },
  { "blues", "blues", NULL, ONE_WAY },
  { "chassis", "chassis", NULL, 0 },
  { "deer", "deer", NULL, 0 },
  { "fish", "fish", "fishes", 0 },
  { "moose", "moose", NULL, 0 },
  { "police", "police", NULL, 0 },
  { "salmon", "salmon", "salmons", 0 },
  { "series", "series", NULL, 0 },
  { "sheep", "sheep", NULL, 0 },
  { "shrimp", "shrimp", "shrimps", 0 },
  { "species", "species", NULL, 0 },
  { "swine", "swine", "swines", 0 },
  { "trout", "trout", "trouts", 0 },
  { "tuna", "tuna", "tunas", 0 },
  { "you", "you", NULL, 0 },
  /* -en and vowel changes. */
  { "child", "children", NULL, 0 },
  { "ox", "oxen", NULL, EXACT },
  { "foot", "feet", NULL, 0 },
  { "goose", "geese", NULL, 0 },
  { "man", "men", NULL, 0 },
  { "human", "humans", NULL, 0 },
  { "louse", "lice", NULL, EXACT },
  { "mouse", "mice", NULL, 0 },
  { "tooth", "teeth", NULL, 0 },
  { "woman", "women", NULL, 0 },
  { "die", "dice", NULL, EXACT },
  { "person", "people", NULL, 0 },
  /* French -u with an x. */
  { "adieu", "adieux", "adieus", 0 },
  { "fabliau", "fabliaux", NULL, 0 },
  { "bureau", "bureaus", "bureaux", 0 },
  /* Greek -on to -a. */
  { "criterion", "criteria", NULL, 0 },
  { "ganglion", "ganglia", "ganglions", 0 },
  { "lexicon", "lexica", "lexicons", 0 },
  { "mitochondrion", "mitochondria", "mitochondrions", 0 },
  { "noumenon", "noumena", NULL, 0 },
  { "phenomenon", "phenomena", NULL, 0 },
  { "taxon", "taxa", NULL, 0 },
  /* Latin -um to -a. */
  { "media", "media", NULL, 0 },
  { "medium", "media", "mediums", ONE_WAY },
  { "stadium", "stadiums", "stadia", 0 },
  { "aquarium", "aquaria", "aquariums", 0 },
  { "auditorium", "auditoria", "auditoriums", 0 },
  { "symposium", "symposia", "symposiums", 0 },
  { "curriculum", "curriculums", "curricula", 0 },
  { "quota", "quotas", NULL, 0 },
  /* Latin -us to -i or -era. */
  { "alumnus", "alumni", "alumnuses", 0 },
  { "bacillus", "bacilli", NULL, 0 },
  { "cactus", "cacti", "cactuses", 0 },
  { "coccus", "cocci", NULL, 0 },
  { "focus", "foci", "focuses", 0 },
  { "locus", "loci", "locuses", 0 },
  { "nucleus", "nuclei", "nucleuses", 0 },
  { "octopus", "octupuses", "octopi", 0 },
  { "radius", "radii", "radiuses", 0 },
  { "syllabus", "syllabi", NULL, 0 },
  { "corpus", "corpora", "corpuses", 0 },
  { "genus", "genera", NULL, 0 },
  /* Latin -a to -ae. */
  { "alumna", "alumnae", NULL, 0 },
  { "vertebra", "vertebrae", NULL, 0 },
  { "differentia", "differentiae", NULL, 0 },
  { "minutia", "minutiae", NULL, 0 },
  { "vita", "vitae", NULL, 0 },
  { "larva", "larvae", NULL, 0 },
  { "postcava", "postcavae", NULL, 0 },
  { "praecava", "praecavae", NULL, 0 },
  { "uva", "uvae", NULL, 0 },
  /* Latin -ex and -ix to -ices. */
  { "apex", "apices", "apexes", 0 },
  { "codex", "codices", "codexes", 0 },
  { "index", "indices", "indexes", 0 },
  { "latex", "latices", "latexes", 0 },
  { "vertex", "vertices", "vertexes", 0 },
  { "vortex", "vortices", "vortexes", 0 },
  { "appendix", "appendices", "appendixes", 0 },
  { "radix", "radices", "radixes", 0 },
  { "helix", "helices", "helixes", 0 },
  /* Latin -is to -es. */
  { "axis", "axes", NULL, EXACT },
  { "crisis", "crises", NULL, 0 },
  { "ellipsis", "ellipses", NULL, ONE_WAY },
  { "genesis", "geneses", NULL, 0 },
  { "oasis", "oases", NULL, 0 },
  { "thesis", "theses", NULL, 0 },
  { "testis", "testes", NULL, 0 },
  { "base", "bases", NULL, 0 },
  { "basis", "bases", NULL, ONE_WAY },
  { "alias", "aliases", NULL, EXACT },
  { "vedalia", "vedalias", NULL, 0 },
  /* Words the -ch, -o, -s, -sh, -x, -z rules would get wrong. */
  { "use", "uses", NULL, EXACT },
  { "abuse", "abuses", NULL, 0 },
  { "cause", "causes", NULL, 0 },
  { "clause", "clauses", NULL, 0 },
  { "cruse", "cruses", NULL, 0 },
  { "excuse", "excuses", NULL, 0 },
  { "fuse", "fuses", NULL, 0 },
  { "house", "houses", NULL, 0 },
  { "misuse", "misuses", NULL, 0 },
  { "muse", "muses", NULL, 0 },
  { "pause", "pauses", NULL, 0 },
  { "ache", "aches", NULL, 0 },
  { "topaz", "topazes", NULL, 0 },
  { "buffalo", "buffaloes", "buffalos", 0 },
  { "potato", "potatoes", NULL, 0 },
  { "tomato", "tomatoes", NULL, 0 },
  /* Uncountable. */
  { "equipment", "equipment", NULL, 0 },
  { "information", "information", NULL, 0 },
  { "jeans", "jeans", NULL, 0 },
  { "money", "money", NULL, 0 },
  { "news", "news", NULL, 0 },
  { "rice", "rice", NULL, 0 },
  /* Exceptions to -f(e) to -ves, -y to -ies, -um to -a and -o to -oes. */
  { "dwarf", "dwarfs", "dwarves", 0 },
  { "hoof", "hoofs", "hooves", 0 },
  { "thief", "thieves", NULL, 0 },
  { "chive", "chives", NULL, 0 },
  { "hive", "hives", NULL, 0 },
  { "move", "moves", NULL, 0 },
  { "movie", "movies", NULL, 0 },
  { "cookie", "cookies", NULL, 0 },
  { "pretorium", "pretoriums", NULL, 0 },
  { "agenda", "agendas", NULL, 0 },
  { "formula", "formulas", "formulae", 0 },
  { "shoe", "shoes", NULL, 0 },
  { "toe", "toes", NULL, EXACT },
  { "graffiti", "graffiti", NULL, 0 },
  /* Abbreviations. */
  { "ID", "IDs", NULL, EXACT },
};

typedef struct
{
  const char *singular;
  const char *plural;
} Suffix;

/* flect's ending rules in their order of priority. */
static const Suffix suffixes[] = {
  /* -f and -fe to -ves. */
  { "tive", "tives" }, { "eaf", "eaves" }, { "oaf", "oaves" }, { "afe", "aves" },
  { "arf", "arves" }, { "rfe", "rves" }, { "rf", "rves" }, { "lf", "lves" }, { "fe", "ves" },
  /* -y to -ies after a consonant. */
  { "ay", "ays" }, { "ey", "eys" }, { "oy", "oys" }, { "quy", "quies" }, { "uy", "uys" },
  { "y", "ies" },
  /* French -eau to -eaux. */
  { "eau", "eaux" },
  /* Latin -a to -ae (flect maps all of them to -bulae). */
  { "bula", "bulae" }, { "dula", "bulae" }, { "lula", "bulae" }, { "nula", "bulae" },
  { "vula", "bulae" },
  /* Greek -on to -a. */
  { "hedron", "hedra" },
  /* Latin -um to -a. */
  { "ium", "ia" }, { "seum", "seums" }, { "eum", "ea" }, { "oum", "oa" }, { "stracum", "straca" },
  { "dum", "da" }, { "elum", "ela" }, { "ilum", "ila" }, { "olum", "ola" }, { "ulum", "ula" },
  { "llum", "lla" }, { "ylum", "yla" }, { "imum", "ima" }, { "ernum", "erna" }, { "gnum", "gna" },
  { "brum", "bra" }, { "crum", "cra" }, { "terum", "tera" }, { "serum", "sera" },
  { "trum", "tra" }, { "antum", "anta" }, { "atum", "ata" }, { "entum", "enta" },
  { "etum", "eta" }, { "itum", "ita" }, { "otum", "ota" }, { "utum", "uta" }, { "ctum", "cta" },
  { "ovum", "ova" },
  /* Latin -ix to -ices. */
  { "trix", "trices" },
  /* Latin -is to -es. */
  { "iasis", "iases" }, { "mesis", "meses" }, { "kinesis", "kineses" }, { "resis", "reses" },
  { "gnosis", "gnoses" }, { "opsis", "opses" }, { "ysis", "yses" },
  /* -ch, -o, -s, -sh, -x and -z take -es. */
  { "ouse", "ouses" }, { "lause", "lauses" }, { "us", "uses" }, { "ch", "ches" }, { "io", "ios" },
  { "sh", "shes" }, { "ss", "sses" }, { "ez", "ezzes" }, { "iz", "izzes" }, { "tz", "tzes" },
  { "zz", "zzes" }, { "ano", "anos" }, { "lo", "los" }, { "to", "tos" }, { "oo", "oos" },
  { "o", "oes" }, { "x", "xes" },
  /* Abbreviations. */
  { "S", "Ses" },
};

/* flect's acronyms, which make a word a part of its own (UserID is User
 * and ID) and are upper-cased. flect also lists gbps, kbps, Mbps, MoCA and
 * WiFi, but it looks words up upper-cased, so those never match. */
static const char * const acronyms[] = {
  "ACK", "ACL", "ADSL", "AES", "ANSI", "API", "ARP", "ATM", "BGP", "BSS", "CCITT", "CHAP", "CIDR",
  "CIR", "CLI", "CMOS", "CPE", "CPU", "CRC", "CRT", "CSMA", "DCE", "DEC", "DES", "DHCP", "DMI",
  "DNS", "DRAM", "DSL", "DSLAM", "DTE", "EHA", "EIA", "EIGRP", "EOF", "ESS", "FCC", "FCS", "FDDI",
  "FTP", "GBIC", "GEPOF", "HDLC", "HTML", "HTTP", "HTTPS", "IANA", "ICMP", "ID", "IDF", "IDS",
  "IEEE", "IETF", "IMAP", "IP", "IPS", "ISDN", "ISP", "JSON", "JWT", "LACP", "LAN", "LAPB",
  "LAPF", "LLC", "MAC", "MC", "MDF", "MIB", "MPLS", "MTU", "NAC", "NAT", "NBMA", "NIC", "NRZ",
  "NRZI", "NVRAM", "OK", "OSI", "OSPF", "OUI", "PAP", "PAT", "PC", "PCM", "PDU", "PIM", "POP3",
  "POTS", "PPP", "PPTP", "PTT", "PVST", "RAM", "RARP", "RCP", "RFC", "RIP", "RLL", "ROM", "RSTP",
  "RTP", "SDLC", "SFD", "SFP", "SLARP", "SLIP", "SMTP", "SNA", "SNAP", "SNMP", "SOF", "SQL",
  "SRAM", "SSH", "SSID", "STP", "SYN", "TDM", "TFTP", "TIA", "TOFU", "UDP", "URI", "URL", "USB",
  "UTF8", "UTP", "UUID", "VC", "VLAN", "VLSM", "VPN", "W3C", "WAN", "WEP", "WPA", "WWW",
};

/* The longest of the acronyms (CCITT, DSLAM, …), in characters: longer
 * text need not be upper-cased to be looked up. */
#define ACRONYM_MAX 5

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The character at @s as Go's range over a string reads it: a byte that
 * does not start a UTF-8 character is U+FFFD. */
static gunichar
next_char (const char  *s,
           const char  *end,
           const char **next)
{
  gunichar c = g_utf8_get_char_validated (s, end - s);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = s + 1;
      return 0xFFFD;
    }
  *next = g_utf8_next_char (s);
  return c;
}

/* Go's strings.ToUpper and ToLower: character by character. */
static char *
map_case (const char *s,
          const char *end,
          gunichar  (*map) (gunichar))
{
  GString *out = g_string_sized_new (end - s);

  for (const char *p = s, *next; p < end; p = next)
    g_string_append_unichar (out, map (next_char (p, end, &next)));
  return g_string_free (out, FALSE);
}

/* The text from @s to @end upper-cased, if that is one of the acronyms. */
static char *
as_acronym (const char *s,
            const char *end)
{
  g_autofree char *upper = NULL;

  if (end - s > ACRONYM_MAX * 4 || !g_utf8_validate (s, end - s, NULL) ||
      g_utf8_strlen (s, end - s) > ACRONYM_MAX)
    return NULL;
  upper = map_case (s, end, g_unichar_toupper);
  if (bsearch (&upper, acronyms, G_N_ELEMENTS (acronyms), sizeof (char *),
               compare_strings) == NULL)
    return NULL;
  return g_steal_pointer (&upper);
}

/* Go's strings.TrimSpace. */
static void
trim_space (const char **s,
            const char **end)
{
  while (*s < *end)
    {
      const char *next;

      if (!byline_gotmpl_is_go_space (next_char (*s, *end, &next)))
        break;
      *s = next;
    }
  while (*s < *end)
    {
      const char *prev = g_utf8_find_prev_char (*s, *end);
      const char *next;

      if (prev == NULL)
        prev = *s;
      if (!byline_gotmpl_is_go_space (next_char (prev, *end, &next)) || next != *end)
        break;
      *end = prev;
    }
}

/* What separates words for flect. */
static gboolean
is_separator (gunichar c)
{
  return c == '_' || c == ' ' || c == ':' || c == '-' || c == '/' || byline_gotmpl_is_go_space (c);
}

/* Go's unicode.IsPunct (GLib's g_unichar_ispunct also takes symbols).
 * GUnicodeType lists the seven punctuation categories together. */
static gboolean
is_punct (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type >= G_UNICODE_CONNECT_PUNCTUATION && type <= G_UNICODE_OPEN_PUNCTUATION;
}

/* flect's xappend: the part from @s to @end without white space and
 * separators at its ends, upper-cased if it is an acronym, replaces
 * *@last unless nothing is left of it. */
static void
keep_part (char       **last,
           const char  *s,
           const char  *end)
{
  static const char trimmed[] = "_ :-/";
  char *part;

  if (s == NULL)
    return;
  trim_space (&s, &end);
  for (const char *t = trimmed; *t != '\0'; t++)
    {
      while (s < end && *s == *t)
        s++;
      while (s < end && end[-1] == *t)
        end--;
    }
  if (s == end)
    return;
  part = as_acronym (s, end);
  if (part == NULL)
    part = g_strndup (s, end - s);
  g_free (*last);
  *last = part;
}

/* The last of the words flect splits @word into (Ident.LastPart), the
 * one it inflects; NULL if there is none. Words end at separators,
 * before a capital that follows no capital (GoodChild), after an
 * acronym followed by a capital (APIKey), and at characters that are no
 * letter, digit or punctuation, which are dropped. */
static char *
last_part (const char *word)
{
  const char *s = word, *end = word + strlen (word);
  const char *x = NULL;
  gunichar prev = 0;
  char *last;

  trim_space (&s, &end);
  if (s == end)
    return NULL;
  last = as_acronym (s, end);
  if (last != NULL)
    return last;
  for (const char *p = s, *next; p < end; p = next)
    {
      gunichar c = next_char (p, end, &next);
      gboolean upper = g_unichar_isupper (c);
      g_autofree char *acronym = NULL;

      /* The current part runs from x to p. */
      if (is_separator (c) || (upper && !g_unichar_isupper (prev)) ||
          (upper && x != NULL && (acronym = as_acronym (x, p)) != NULL))
        {
          keep_part (&last, x, p);
          x = p;
        }
      else if (g_unichar_isalpha (c) || g_unichar_isdigit (c) || is_punct (c) || c == '`')
        {
          if (x == NULL)
            x = p;
        }
      else
        {
          keep_part (&last, x, p);
          x = NULL;
        }
      prev = c;
    }
  keep_part (&last, x, end);
  return last;
}

/* flect's singleToPlural. */
static const char *
plural_of (const char *singular)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (words[i].singular, singular) == 0)
      return words[i].plural;
  return NULL;
}

/* flect's pluralToSingle. */
static const char *
singular_of (const char *plural)
{
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const Word *w = &words[i];

      if ((w->flags & ONE_WAY) == 0 &&
          (strcmp (w->plural, plural) == 0 ||
           (w->alternative != NULL && strcmp (w->alternative, plural) == 0)))
        return w->singular;
    }
  return NULL;
}

/* flect's Ident.ReplaceSuffix: @word without @suffix, if it ends so,
 * followed by @replacement. */
static char *
replace_suffix (const char *word,
                const char *suffix,
                const char *replacement)
{
  int len = strlen (word);

  if (g_str_has_suffix (word, suffix))
    len -= strlen (suffix);
  return g_strdup_printf ("%.*s%s", len, word, replacement);
}

/* The last part @part of @word replaced by the dictionary's @form,
 * capitalised if @part is (Person, People). */
static char *
replace_part (const char *word,
              const char *part,
              const char *form)
{
  gunichar first = g_utf8_get_char (part);
  g_autofree char *capitalized = NULL;

  if (g_unichar_totitle (first) == first)
    {
      capitalized = g_strdup (form);
      capitalized[0] = g_ascii_toupper (capitalized[0]);
      form = capitalized;
    }
  return replace_suffix (word, part, form);
}

/* One of flect's ending rules: a part that ends in @to already stays as
 * it is, one that ends in @from ends in @to instead; NULL if neither. */
static char *
apply_rule (const char *part,
            const char *from,
            const char *to)
{
  if (g_str_has_suffix (part, to))
    return g_strdup (part);
  if (g_str_has_suffix (part, from))
    return g_strdup_printf ("%.*s%s", (int) (strlen (part) - strlen (from)), part, to);
  return NULL;
}

static char *
pluralize_by_rules (const char *part)
{
  char *r;

  for (guint i = G_N_ELEMENTS (words); i-- > 0;)
    if ((words[i].flags & EXACT) == 0 &&
        (r = apply_rule (part, words[i].singular, words[i].plural)) != NULL)
      return r;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if ((r = apply_rule (part, suffixes[i].singular, suffixes[i].plural)) != NULL)
      return r;
  return NULL;
}

static char *
singularize_by_rules (const char *part)
{
  char *r;

  for (guint i = G_N_ELEMENTS (words); i-- > 0;)
    {
      const Word *w = &words[i];

      if ((w->flags & (EXACT | ONE_WAY)) != 0)
        continue;
      /* The rule for the alternative plural was added last: it comes first. */
      if (w->alternative != NULL && (r = apply_rule (part, w->alternative, w->singular)) != NULL)
        return r;
      if ((r = apply_rule (part, w->plural, w->singular)) != NULL)
        return r;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if ((r = apply_rule (part, suffixes[i].plural, suffixes[i].singular)) != NULL)
      return r;
  return NULL;
}

/* flect's Pluralize: the whole word in the dictionary, then its last
 * part (in lower case) there, then the ending rules, then -s for a word
 * that does not end in s. */
static char *
pluralize (const char *word)
{
  g_autofree char *part = last_part (word);
  g_autofree char *lower = NULL;
  g_autofree char *ruled = NULL;
  const char *form;

  if (part == NULL)
    return g_strdup ("");
  if ((form = plural_of (word)) != NULL)
    return g_strdup (form);
  if (singular_of (word) != NULL)
    return g_strdup (word);
  lower = map_case (part, part + strlen (part), g_unichar_tolower);
  if (singular_of (lower) != NULL)
    return g_strdup (word);
  if ((form = plural_of (lower)) != NULL)
    return replace_part (word, part, form);
  ruled = pluralize_by_rules (part);
  if (ruled != NULL)
    return replace_suffix (word, part, ruled);
  if (g_str_has_suffix (lower, "s"))
    return g_strdup (word);
  return g_strconcat (word, "s", NULL);
}

/* flect's Singularize: the same steps the other way round, then a word
 * loses a final s. */
static char *
singularize (const char *word)
{
  g_autofree char *part = last_part (word);
  g_autofree char *lower = NULL;
  g_autofree char *ruled = NULL;
  const char *form;

  if (part == NULL)
    return g_strdup (word);
  if ((form = singular_of (word)) != NULL)
    return g_strdup (form);
  if (plural_of (word) != NULL)
    return g_strdup (word);
  lower = map_case (part, part + strlen (part), g_unichar_tolower);
  if ((form = singular_of (lower)) != NULL)
    return replace_part (word, part, form);
  if (plural_of (lower) != NULL)
    return g_strdup (word);
  ruled = singularize_by_rules (part);
  if (ruled != NULL)
    return replace_suffix (word, part, ruled);
  if (g_str_has_suffix (part, "s"))
    return replace_suffix (word, "s", "");
  return g_strdup (word);
}

/* inflect.Humanize, and Ordinalize for numbers. */
static gboolean
fn_humanize (BylineGotmplCall        *call,
             const BylineGotmplValue *self,
             const BylineGotmplValue *args,
             guint                    n_args,
             BylineGotmplValue       *result)
{
  g_autofree char *word = NULL;
  gint64 n;
  GString *out;
  gboolean last_lower = FALSE, pending_space = FALSE;

  if (!byline_gotmpl_to_string (call, &args[0], &word))
    return FALSE;
  if (word[0] == '\0')
    {
      *result = byline_gotmpl_string ("");
      return TRUE;
    }
  if (args[0].kind == BYLINE_GOTMPL_INT ||
      g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, &n, NULL))
    {
      gint64 abs_n;
      const char *suffix = "th";

      if (!g_ascii_string_to_signed (word, 10, G_MININT64, G_MAXINT64, &n, NULL))
        n = args[0].i;
      abs_n = n < 0 ? -n : n;
      if (abs_n % 100 < 11 || abs_n % 100 > 13)
        switch (abs_n % 10)
          {
          case 1: suffix = "st"; break;
          case 2: suffix = "nd"; break;
          case 3: suffix = "rd"; break;
          default: break;
          }
      *result = byline_gotmpl_string_printf ("%s%s", word, suffix);
      return TRUE;
    }
  /* Words split at separators and before capitals, lower-cased, the
   * first letter then upper-cased. */
  out = g_string_new (NULL);
  if (g_utf8_validate (word, -1, NULL))
    for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (c == '_' || c == '-' || c == ' ' || c == '.')
          {
            pending_space = out->len > 0;
            last_lower = FALSE;
            continue;
          }
        if (g_unichar_isupper (c) && last_lower)
          pending_space = TRUE;
        if (pending_space)
          g_string_append_c (out, ' ');
        pending_space = FALSE;
        g_string_append_unichar (out, g_unichar_tolower (c));
        last_lower = g_unichar_islower (c) || g_unichar_isdigit (c);
      }
  else
    g_string_append (out, word);
  if (out->len > 0 && g_utf8_validate (out->str, -1, NULL))
    {
      gunichar first = g_utf8_get_char (out->str);
      g_autofree char *rest = g_strdup (g_utf8_next_char (out->str));

      g_string_truncate (out, 0);
      g_string_append_unichar (out, g_unichar_toupper (first));
      g_string_append (out, rest);
    }
  *result = byline_gotmpl_string_take (out);
  return TRUE;
}

/* Pluralize and Singularize: cast.ToStringE of the argument, inflected. */
static gboolean
inflect_string (BylineGotmplCall         *call,
                const BylineGotmplValue  *arg,
                char                   *(*inflect) (const char *),
                BylineGotmplValue        *result)
{
  g_autofree char *word = NULL;

  if (!byline_gotmpl_to_string (call, arg, &word))
    return FALSE;
  *result = byline_gotmpl_string_own (inflect (word));
  return TRUE;
}

static gboolean
fn_pluralize (BylineGotmplCall *call, const BylineGotmplValue *self,
              const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return inflect_string (call, &args[0], pluralize, result);
}

static gboolean
fn_singularize (BylineGotmplCall *call, const BylineGotmplValue *self,
                const BylineGotmplValue *args, guint n_args, BylineGotmplValue *result)
{
  return inflect_string (call, &args[0], singularize, result);
}

static const BylineGotmplMethod inflect_methods[] = {
  { "Humanize", fn_humanize, 1, 1 },
  { "Pluralize", fn_pluralize, 1, 1 },
  { "Singularize", fn_singularize, 1, 1 },
};

static const BylineGotmplClass inflect_class = {
  .type_name = "*inflect.Namespace",
  .methods = inflect_methods,
  .n_methods = G_N_ELEMENTS (inflect_methods),
};

static gboolean
fn_inflect (BylineGotmplCall        *call,
            const BylineGotmplValue *self,
            const BylineGotmplValue *args,
            guint                    n_args,
            BylineGotmplValue       *result)
{
  *result = byline_gotmpl_namespace_value (&inflect_class);
  return TRUE;
}

static const BylineGotmplMethod methods[] = {
  { "humanize", fn_humanize, 1, 1 },
  { "inflect", fn_inflect, 0, -1 },
  { "pluralize", fn_pluralize, 1, 1 },
  { "singularize", fn_singularize, 1, 1 },
};

const BylineGotmplFuncTable byline_gotmpl_funcs_inflect = { methods, G_N_ELEMENTS (methods) };
