/* test-gotmpl-inflect.c — Hugo's inflect namespace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pluralize, singularize (and inflect.Pluralize, inflect.Singularize) as
 * Hugo has them from the flect library. The expected outputs are those of
 * Hugo's tpl/inflect/inflect_test.go and of flect v1.0.3's test tables:
 * singlePluralAssertions in flect_test.go, run the way its
 * Test_Pluralize and Test_Singularize run them, and the words of its
 * dictionary (plural_rules.go), which its init() adds to that table for
 * Singularize.
 */

#include "config.h"

#include <string.h>

#include "byline-gotmpl.h"

typedef struct
{
  const char *singular;
  const char *plural;
  gboolean    singularize;  /* both forms singularize to the singular */
  gboolean    pluralize;    /* both forms pluralize to the plural */
} Assertion;

/* flect_test.go's singlePluralAssertions. */
static const Assertion flect_assertions[] = {
  { "", "", TRUE, TRUE },
  { "Car", "Cars", TRUE, TRUE },
  { "Boy", "Boys", TRUE, TRUE },
  { "GoodBoy", "GoodBoys", TRUE, TRUE },
  { "Axis", "Axes", TRUE, TRUE },
  { "Child", "Children", TRUE, TRUE },
  { "GoodChild", "GoodChildren", TRUE, TRUE },
  { "node_child", "node_children", TRUE, TRUE },
  { "SmartPerson", "SmartPeople", TRUE, TRUE },
  { "great_person", "great_people", TRUE, TRUE },
  { "salesperson", "salespeople", TRUE, TRUE },
  { "custom_field", "custom_fields", TRUE, TRUE },
  { "funky jeans", "funky jeans", TRUE, TRUE },
  { "payment_information", "payment_information", TRUE, TRUE },
  { "sportsEquipment", "sportsEquipment", TRUE, TRUE },
  { "status_code", "status_codes", TRUE, TRUE },
  { "user_custom_field", "user_custom_fields", TRUE, TRUE },
  { "SuperbOx", "SuperbOxen", TRUE, TRUE },
  { "WildOx", "WildOxen", TRUE, TRUE },
  { "wild_ox", "wild_oxen", TRUE, TRUE },
  { "box", "boxes", TRUE, TRUE },
  { "fox", "foxes", TRUE, TRUE },
  { "comment", "comments", TRUE, TRUE },
  { "edge", "edges", TRUE, TRUE },
  { "equipment", "equipment", TRUE, TRUE },
  { "experience", "experiences", TRUE, TRUE },
  { "fleet", "fleets", TRUE, TRUE },
  { "foobar", "foobars", TRUE, TRUE },
  { "mouse", "mice", TRUE, TRUE },
  { "newsletter", "newsletters", TRUE, TRUE },
  { "stack", "stacks", TRUE, TRUE },
  { "user", "users", TRUE, TRUE },
  { "woman", "women", TRUE, TRUE },
  { "human", "humans", TRUE, TRUE },
  { "spokesman", "spokesmen", TRUE, TRUE },
  /* Words that end in -f or -fe change -f or -fe to -ves. */
  { "calf", "calves", TRUE, TRUE },
  { "dwarf", "dwarves", TRUE, FALSE },
  { "dwarf", "dwarfs", TRUE, TRUE },
  { "elf", "elves", TRUE, TRUE },
  { "half", "halves", TRUE, TRUE },
  { "knife", "knives", TRUE, TRUE },
  { "leaf", "leaves", TRUE, TRUE },
  { "life", "lives", TRUE, TRUE },
  { "loaf", "loaves", TRUE, TRUE },
  { "safe", "saves", TRUE, TRUE },
  { "scarf", "scarves", TRUE, TRUE },
  { "self", "selves", TRUE, TRUE },
  { "sheaf", "sheaves", TRUE, TRUE },
  { "shelf", "shelves", TRUE, TRUE },
  { "thief", "thieves", TRUE, TRUE },
  { "wharf", "wharves", TRUE, TRUE },
  { "wife", "wives", TRUE, TRUE },
  { "wolf", "wolves", TRUE, TRUE },
  { "beef", "beef", TRUE, TRUE },
  { "belief", "beliefs", TRUE, TRUE },
  { "chef", "chefs", TRUE, TRUE },
  { "chief", "chiefs", TRUE, TRUE },
  { "hoof", "hoofs", TRUE, TRUE },
  { "kerchief", "kerchiefs", TRUE, TRUE },
  { "roof", "roofs", TRUE, TRUE },
  { "archive", "archives", TRUE, TRUE },
  { "perspective", "perspectives", TRUE, TRUE },
  /* Words that end in -y preceded by a consonant change -y to -ies. */
  { "day", "days", TRUE, TRUE },
  { "hobby", "hobbies", TRUE, TRUE },
  { "agency", "agencies", TRUE, TRUE },
  { "body", "bodies", TRUE, TRUE },
  { "abbey", "abbeys", TRUE, TRUE },
  { "jiffy", "jiffies", TRUE, TRUE },
  { "geology", "geologies", TRUE, TRUE },
  { "geography", "geographies", TRUE, TRUE },
  { "cookie", "cookies", TRUE, TRUE },
  { "sky", "skies", TRUE, TRUE },
  { "supply", "supplies", TRUE, TRUE },
  { "academy", "academies", TRUE, TRUE },
  { "ebony", "ebonies", TRUE, TRUE },
  { "boy", "boys", TRUE, TRUE },
  { "copy", "copies", TRUE, TRUE },
  { "category", "categories", TRUE, TRUE },
  { "embassy", "embassies", TRUE, TRUE },
  { "entity", "entities", TRUE, TRUE },
  { "guy", "guys", TRUE, TRUE },
  { "obsequy", "obsequies", TRUE, TRUE },
  { "navy", "navies", TRUE, TRUE },
  { "proxy", "proxies", TRUE, TRUE },
  { "crazy", "crazies", TRUE, TRUE },
  /* Words from French that end in -u add an x. */
  { "aboideau", "aboideaux", TRUE, TRUE },
  { "beau", "beaux", TRUE, TRUE },
  { "château", "châteaux", TRUE, TRUE },
  { "chateau", "chateaux", TRUE, TRUE },
  { "fabliau", "fabliaux", TRUE, TRUE },
  { "tableau", "tableaux", TRUE, TRUE },
  { "bureau", "bureaus", TRUE, TRUE },
  { "adieu", "adieux", TRUE, TRUE },
  /* Words from Greek that end in -on change -on to -a. */
  { "tetrahedron", "tetrahedra", TRUE, TRUE },
  /* Words from Latin that end in -um change -um to -a. */
  { "stadium", "stadiums", TRUE, TRUE },
  { "stadium", "stadia", TRUE, FALSE },
  { "aquarium", "aquaria", TRUE, TRUE },
  { "auditorium", "auditoria", TRUE, TRUE },
  { "bacterium", "bacteria", TRUE, TRUE },
  { "pretorium", "pretoriums", TRUE, TRUE },
  { "symposium", "symposia", TRUE, TRUE },
  { "symposium", "symposiums", TRUE, FALSE },
  { "amoebaeum", "amoebaea", TRUE, TRUE },
  { "coliseum", "coliseums", TRUE, TRUE },
  { "museum", "museums", TRUE, TRUE },
  { "agenda", "agendas", TRUE, TRUE },
  { "curriculum", "curriculums", TRUE, TRUE },
  { "collum", "colla", TRUE, TRUE },
  { "datum", "data", TRUE, TRUE },
  { "erratum", "errata", TRUE, TRUE },
  { "maximum", "maxima", TRUE, TRUE },
  { "platinum", "platinums", TRUE, TRUE },
  { "serum", "sera", TRUE, TRUE },
  { "spectrum", "spectra", TRUE, TRUE },
  /* Words from Latin that end in -us change -us to -i or -era. */
  { "opera", "operas", TRUE, TRUE },
  /* Words from Latin that end in -a change -a to -ae. */
  { "alumna", "alumnae", TRUE, TRUE },
  { "larva", "larvae", TRUE, TRUE },
  { "minutia", "minutiae", TRUE, TRUE },
  { "nebula", "nebulae", TRUE, TRUE },
  { "vertebra", "vertebrae", TRUE, TRUE },
  { "vita", "vitae", TRUE, TRUE },
  { "antenna", "antennas", TRUE, TRUE },
  { "formula", "formulas", TRUE, TRUE },
  { "tuna", "tuna", TRUE, TRUE },
  { "quota", "quotas", TRUE, TRUE },
  { "vedalia", "vedalias", TRUE, TRUE },
  { "media", "media", TRUE, TRUE },
  { "multimedia", "multimedia", TRUE, TRUE },
  /* Words that end in -ch, -o, -s, -sh, -x, -z. */
  { "lunch", "lunches", TRUE, TRUE },
  { "search", "searches", TRUE, TRUE },
  { "switch", "switches", TRUE, TRUE },
  { "headache", "headaches", TRUE, TRUE },
  { "marsh", "marshes", TRUE, TRUE },
  { "wish", "wishes", TRUE, TRUE },
  { "bus", "buses", TRUE, TRUE },
  { "campus", "campuses", TRUE, TRUE },
  { "caucus", "caucuses", TRUE, TRUE },
  { "circus", "circuses", TRUE, TRUE },
  { "plus", "pluses", TRUE, TRUE },
  { "prometheus", "prometheuses", TRUE, TRUE },
  { "status", "statuses", TRUE, TRUE },
  { "virus", "viruses", TRUE, TRUE },
  { "use", "uses", TRUE, TRUE },
  { "fuse", "fuses", TRUE, TRUE },
  { "house", "houses", TRUE, TRUE },
  { "spouse", "spouses", TRUE, TRUE },
  { "quiz", "quizzes", TRUE, TRUE },
  { "buzz", "buzzes", TRUE, TRUE },
  { "blitz", "blitzes", TRUE, TRUE },
  { "quartz", "quartzes", TRUE, TRUE },
  { "topaz", "topazes", TRUE, TRUE },
  { "waltz", "waltzes", TRUE, TRUE },
  { "prize", "prizes", TRUE, TRUE },
  { "access", "accesses", TRUE, TRUE },
  { "process", "processes", TRUE, TRUE },
  { "address", "addresses", TRUE, TRUE },
  { "case", "cases", TRUE, TRUE },
  { "database", "databases", TRUE, TRUE },
  { "glimpse", "glimpses", TRUE, TRUE },
  { "horse", "horses", TRUE, TRUE },
  { "lapse", "lapses", TRUE, TRUE },
  { "collapse", "collapses", TRUE, TRUE },
  { "truss", "trusses", TRUE, TRUE },
  { "portfolio", "portfolios", TRUE, TRUE },
  { "piano", "pianos", TRUE, TRUE },
  { "hello", "hellos", TRUE, TRUE },
  { "buffalo", "buffaloes", TRUE, TRUE },
  { "photo", "photos", TRUE, TRUE },
  { "potato", "potatoes", TRUE, TRUE },
  { "tomato", "tomatoes", TRUE, TRUE },
  { "graffiti", "graffiti", TRUE, TRUE },
  { "foo", "foos", TRUE, TRUE },
  { "zoo", "zoos", TRUE, TRUE },
  /* Words from Latin that end in -ex change -ex to -ices. */
  /* Words from Latin that end in -ix change -ix to -ices. */
  { "appendix", "appendices", TRUE, TRUE },
  { "codex", "codices", TRUE, TRUE },
  { "index", "indices", TRUE, TRUE },
  { "bodice", "bodices", TRUE, TRUE },
  { "helix", "helices", TRUE, TRUE },
  { "complex", "complexes", TRUE, TRUE },
  { "duplex", "duplexes", TRUE, TRUE },
  { "accomplice", "accomplices", TRUE, TRUE },
  { "slice", "slices", TRUE, TRUE },
  { "matrix", "matrices", TRUE, TRUE },
  { "justice", "justices", TRUE, TRUE },
  { "lattice", "lattices", TRUE, TRUE },
  { "notice", "notices", TRUE, TRUE },
  { "apex", "apices", TRUE, TRUE },
  { "spice", "spices", TRUE, TRUE },
  { "device", "devices", TRUE, TRUE },
  { "service", "services", TRUE, TRUE },
  { "fix", "fixes", TRUE, TRUE },
  { "sex", "sexes", TRUE, TRUE },
  { "invoice", "invoices", TRUE, TRUE },
  { "voice", "voices", TRUE, TRUE },
  { "choice", "choices", TRUE, TRUE },
  /* Words from Latin that end in -is change -is to -es. */
  { "axis", "axes", TRUE, TRUE },
  { "tax", "taxes", TRUE, TRUE },
  { "eclipse", "eclipses", TRUE, TRUE },
  { "ellipse", "ellipses", TRUE, TRUE },
  { "ellipsis", "ellipses", FALSE, TRUE },
  { "oasis", "oases", TRUE, TRUE },
  { "thesis", "theses", TRUE, TRUE },
  { "hypothesis", "hypotheses", TRUE, TRUE },
  { "parenthesis", "parentheses", TRUE, TRUE },
  { "analysis", "analyses", TRUE, TRUE },
  { "antithesis", "antitheses", TRUE, TRUE },
  { "diagnosis", "diagnoses", TRUE, TRUE },
  { "prognosis", "prognoses", TRUE, TRUE },
  { "synopsis", "synopses", TRUE, TRUE },
  { "synapse", "synapses", TRUE, TRUE },
  { "waste", "wastes", TRUE, TRUE },
  { "psi", "psis", TRUE, TRUE },
  { "pepsi", "pepsis", TRUE, TRUE },
  /* Acronyms. */
  { "widget_uuid", "widget_uuids", TRUE, TRUE },
  { "WidgetUUID", "WidgetUUIDs", TRUE, TRUE },
  { "widgetUUID", "widgetUUIDs", TRUE, TRUE },
  { "widgetUuid", "widgetUuids", TRUE, TRUE },
  { "widget_UUID", "widget_UUIDs", TRUE, TRUE },
  { "ID", "IDs", TRUE, TRUE },
  { "IDS", "IDSes", TRUE, TRUE },
  /* id to ids (ID), ids to idses (IDS) is not supported. */
  { "api", "apis", TRUE, TRUE },
  { "API", "APIs", TRUE, TRUE },
  { "html", "htmls", TRUE, TRUE },
  { "HTML", "HTMLs", TRUE, TRUE },
  { "FYI", "FYIs", TRUE, TRUE },
  { "LAN", "LANs", TRUE, TRUE },
  { "ssh", "sshs", TRUE, TRUE },
  { "SSH", "SSHs", TRUE, TRUE },
  { "eia", "eias", TRUE, TRUE },
  { "EIA", "EIAs", TRUE, TRUE },
  { "DNS", "DNSes", TRUE, TRUE },
};

/* The words of flect's dictionary that singularize back, singular first. */
static const struct { const char *singular; const char *plural; } flect_dictionary[] = {
  { "aircraft", "aircraft" }, { "beef", "beef" }, { "bison", "bison" }, { "chassis", "chassis" },
  { "deer", "deer" }, { "fish", "fish" }, { "moose", "moose" }, { "police", "police" },
  { "salmon", "salmon" }, { "series", "series" }, { "sheep", "sheep" }, { "shrimp", "shrimp" },
  { "species", "species" }, { "swine", "swine" }, { "trout", "trout" }, { "tuna", "tuna" },
  { "you", "you" }, { "child", "children" }, { "ox", "oxen" }, { "foot", "feet" },
  { "goose", "geese" }, { "man", "men" }, { "human", "humans" }, { "louse", "lice" },
  { "mouse", "mice" }, { "tooth", "teeth" }, { "woman", "women" }, { "die", "dice" },
  { "person", "people" }, { "adieu", "adieux" }, { "fabliau", "fabliaux" },
  { "bureau", "bureaus" }, { "criterion", "criteria" }, { "ganglion", "ganglia" },
  { "lexicon", "lexica" }, { "mitochondrion", "mitochondria" }, { "noumenon", "noumena" },
  { "phenomenon", "phenomena" }, { "taxon", "taxa" }, { "media", "media" },
  { "stadium", "stadiums" }, { "aquarium", "aquaria" }, { "auditorium", "auditoria" },
  { "symposium", "symposia" }, { "curriculum", "curriculums" }, { "quota", "quotas" },
  { "alumnus", "alumni" }, { "bacillus", "bacilli" }, { "cactus", "cacti" },
  { "coccus", "cocci" }, { "focus", "foci" }, { "locus", "loci" }, { "nucleus", "nuclei" },
  { "octopus", "octupuses" }, { "radius", "radii" }, { "syllabus", "syllabi" },
  { "corpus", "corpora" }, { "genus", "genera" }, { "alumna", "alumnae" },
  { "vertebra", "vertebrae" }, { "differentia", "differentiae" }, { "minutia", "minutiae" },
  { "vita", "vitae" }, { "larva", "larvae" }, { "postcava", "postcavae" },
  { "praecava", "praecavae" }, { "uva", "uvae" }, { "apex", "apices" }, { "codex", "codices" },
  { "index", "indices" }, { "latex", "latices" }, { "vertex", "vertices" },
  { "vortex", "vortices" }, { "appendix", "appendices" }, { "radix", "radices" },
  { "helix", "helices" }, { "axis", "axes" }, { "crisis", "crises" }, { "genesis", "geneses" },
  { "oasis", "oases" }, { "thesis", "theses" }, { "testis", "testes" }, { "base", "bases" },
  { "alias", "aliases" }, { "vedalia", "vedalias" }, { "use", "uses" }, { "abuse", "abuses" },
  { "cause", "causes" }, { "clause", "clauses" }, { "cruse", "cruses" }, { "excuse", "excuses" },
  { "fuse", "fuses" }, { "house", "houses" }, { "misuse", "misuses" }, { "muse", "muses" },
  { "pause", "pauses" }, { "ache", "aches" }, { "topaz", "topazes" }, { "buffalo", "buffaloes" },
  { "potato", "potatoes" }, { "tomato", "tomatoes" }, { "equipment", "equipment" },
  { "information", "information" }, { "jeans", "jeans" }, { "money", "money" },
  { "news", "news" }, { "rice", "rice" }, { "dwarf", "dwarfs" }, { "hoof", "hoofs" },
  { "thief", "thieves" }, { "chive", "chives" }, { "hive", "hives" }, { "move", "moves" },
  { "movie", "movies" }, { "cookie", "cookies" }, { "pretorium", "pretoriums" },
  { "agenda", "agendas" }, { "formula", "formulas" }, { "shoe", "shoes" }, { "toe", "toes" },
  { "graffiti", "graffiti" }, { "ID", "IDs" },
};

/* Runs @source as a text template with the string @word as dot; NULL if
 * it fails. */
static char *
render (BylineGotmplSet *set,
        const char      *source,
        const char      *word)
{
  g_auto(BylineGotmplResult) result = { 0 };
  g_auto(BylineGotmplValue) dot = BYLINE_GOTMPL_VALUE_INIT;

  dot = byline_gotmpl_string (word);
  byline_gotmpl_set_render_string (set, "inflect.txt", source, &dot, NULL, &result);
  return result.status == BYLINE_GOTMPL_OK ? g_strdup (result.output) : NULL;
}

static guint
check (BylineGotmplSet *set,
       const char      *function,
       const char      *word,
       const char      *expected)
{
  g_autofree char *source = g_strdup_printf ("{{ %s . }}", function);
  g_autofree char *got = render (set, source, word);

  if (g_strcmp0 (got, expected) == 0)
    return 0;
  g_test_message ("%s \"%s\" gave \"%s\", wanted \"%s\"", function, word,
                  got != NULL ? got : "(error)", expected);
  return 1;
}

static void
test_flect_assertions (void)
{
  g_autoptr(BylineGotmplSet) set = byline_gotmpl_set_new (NULL);
  guint failures = 0;

  for (guint i = 0; i < G_N_ELEMENTS (flect_assertions); i++)
    {
      const Assertion *a = &flect_assertions[i];

      /* Each function once as the alias, once as the namespace's method. */
      if (a->pluralize)
        {
          failures += check (set, "pluralize", a->singular, a->plural);
          failures += check (set, "inflect.Pluralize", a->plural, a->plural);
        }
      if (a->singularize)
        {
          failures += check (set, "singularize", a->plural, a->singular);
          failures += check (set, "inflect.Singularize", a->singular, a->singular);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (flect_dictionary); i++)
    {
      failures += check (set, "singularize", flect_dictionary[i].plural,
                         flect_dictionary[i].singular);
      failures += check (set, "singularize", flect_dictionary[i].singular,
                         flect_dictionary[i].singular);
    }
  g_assert_cmpuint (failures, ==, 0);
}

/* Hugo's inflect_test.go, the examples of tpl/inflect/init.go, and what
 * the rules above give for other arguments: numbers and booleans are
 * inflected as their text, and what cast.ToStringE cannot make a string
 * of is an error. */
static void
test_arguments (void)
{
  static const struct { const char *source; const char *output; } cases[] = {
    { "{{ inflect.Pluralize \"cat\" }}", "cats" },
    { "{{ inflect.Pluralize \"\" }}", "" },
    { "{{ inflect.Singularize \"cats\" }}", "cat" },
    { "{{ inflect.Singularize \"\" }}", "" },
    { "{{ \"cat\" | pluralize }}", "cats" },
    { "{{ \"cats\" | singularize }}", "cat" },
    /* The last word is inflected; case follows the word's. */
    { "{{ pluralize \"page bundle\" }}", "page bundles" },
    { "{{ singularize \"page bundles\" }}", "page bundle" },
    { "{{ singularize \"taxonomies\" }}", "taxonomy" },
    { "{{ singularize \"aliases\" }}", "alias" },
    { "{{ pluralize \"Person\" }}", "People" },
    { "{{ singularize \"People\" }}", "Person" },
    { "{{ pluralize \"Mouse\" }}", "Mice" },
    { "{{ singularize \"Mice\" }}", "Mouse" },
    { "{{ pluralize \"Sheep\" }}", "Sheep" },
    { "{{ singularize \"fish\" }}", "fish" },
    { "{{ pluralize \"sales person\" }}", "sales people" },
    { "{{ pluralize \"CAT\" }}", "CATs" },
    { "{{ pluralize \"UserID\" }}", "UserIDs" },
    /* Symbols end a word, punctuation does not: ox alone takes -en. */
    { "{{ pluralize \"a+ox\" }}|{{ pluralize \"a.ox\" }}", "a+oxen|a.oxes" },
    /* Only white space: nothing to pluralize; Singularize keeps it. */
    { "{{ pluralize \"  \" }}|{{ singularize \"  \" }}", "|  " },
    /* Numbers and booleans as text. */
    { "{{ pluralize 1 }}", "1s" },
    { "{{ singularize 1 }}", "1" },
    { "{{ pluralize 1.5 }}", "1.5s" },
    { "{{ pluralize true }}", "trues" },
    { "{{ pluralize nil }}", "" },
  };
  static const char * const errors[] = {
    "{{ pluralize (dict) }}",
    "{{ inflect.Singularize (slice 1 2) }}",
  };
  g_autoptr(BylineGotmplSet) set = byline_gotmpl_set_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      byline_gotmpl_set_render_string (set, "inflect.txt", cases[i].source, NULL, NULL, &result);
      g_test_message ("%s", cases[i].source);
      g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_OK);
      g_assert_cmpstr (result.output, ==, cases[i].output);
    }
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_auto(BylineGotmplResult) result = { 0 };

      byline_gotmpl_set_render_string (set, "inflect.txt", errors[i], NULL, NULL, &result);
      g_test_message ("%s", errors[i]);
      g_assert_cmpint (result.status, ==, BYLINE_GOTMPL_ERROR);
      g_assert_nonnull (strstr (result.message, "unable to cast"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gotmpl/inflect/flect-assertions", test_flect_assertions);
  g_test_add_func ("/gotmpl/inflect/arguments", test_arguments);

  return g_test_run ();
}
