/* test-gotmpl.c — the Go template language: parsing and execution
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cases and expected outputs come from Go's text/template tests as Hugo
 * vendors them (tpl/internal/go_templates/texttemplate/exec_test.go,
 * parse/parse_test.go, parse/lex_test.go), adapted to the data below, which
 * stands in for exec_test.go's tVal. Where Hugo replaces a Go builtin (eq…ge,
 * index, slice) the expectations are Hugo's (tpl/compare, tpl/collections).
 */

#include "config.h"

#include <string.h>

#include "byline-gotmpl.h"
#include "byline-gotmpl-objects.h"
#include "byline-gotmpl-parse.h"

/* exec_test.go's tVal, as far as YAML can say it. */
static const char *t_val =
  "X: x\n"
  "I: 17\n"
  "U: {V: v}\n"
  "MSI: {one: 1, two: 2, three: 3}\n"
  "MSIone: {one: 1}\n"
  "MSIEmpty: {}\n"
  "SI: [3, 4, 5]\n"
  "SIEmpty: []\n"
  "SB: [true, false]\n"
  "S: xyz\n"
  "True: true\n"
  "FloatZero: 0.0\n"
  "Empty3: [7, 8]\n"
  "SMSI: [{one: 1, two: 2}, {eleven: 11, twelve: 12}]\n"
  "PSI: [21, 22, 23]\n"
  "PS: a string\n";

static BylineGotmplValue
data_value (const char *yaml)
{
  g_autoptr(GError) error = NULL;
  BylineGotmplValue v = BYLINE_GOTMPL_VALUE_INIT;

  if (yaml == NULL)
    return v;
  g_assert_true (byline_gotmpl_parse_yaml (yaml, strlen (yaml), FALSE, &v, &error));
  g_assert_no_error (error);
  return v;
}

/* Runs @source as a text template (name ending .txt) or an HTML one. */
static char *
render (const char         *name,
        const char         *source,
        const char         *data,
        BylineGotmplResult *result)
{
  g_autoptr(BylineGotmplSet) set = byline_gotmpl_set_new (NULL);
  g_auto(BylineGotmplValue) dot = data_value (data);

  byline_gotmpl_set_render_string (set, name, source, &dot, NULL, result);
  return result->status == BYLINE_GOTMPL_OK ? g_strdup (result->output) : NULL;
}

typedef struct
{
  const char *name;
  const char *source;
  const char *data;      /* YAML, or NULL for nil */
  const char *expected;  /* NULL: must fail */
} ExecCase;

#define TVAL ((const char *) 1)

static const ExecCase exec_cases[] = {
  /* Trivial cases */
  { "empty", "", NULL, "" },
  { "text", "some text", NULL, "some text" },
  { "nil action", "{{nil}}", NULL, NULL },
  /* Ideal constants */
  { "ideal int", "{{printf \"%T\" 3}}", NULL, "int" },
  { "ideal float", "{{printf \"%T\" 1.0}}", NULL, "float64" },
  { "ideal exp float", "{{printf \"%T\" 1e1}}", NULL, "float64" },
  { "ideal char", "{{printf \"%T %d\" 'a' 'a'}}", NULL, "int 97" },
  /* Fields */
  { ".X", "-{{.X}}-", TVAL, "-x-" },
  { ".U.V", "-{{.U.V}}-", TVAL, "-v-" },
  { "map .one", "{{.MSI.one}}", TVAL, "1" },
  { "map .two", "{{.MSI.two}}", TVAL, "2" },
  { "map .NO", "{{.MSI.NO}}", TVAL, "<no value>" },
  { "map .WRONG args", "{{.MSI.one 1}}", TVAL, NULL },
  /* Dots */
  { "dot int", "<{{.}}>", "13", "<13>" },
  { "dot float", "<{{.}}>", "15.1", "<15.1>" },
  { "dot bool", "<{{.}}>", "true", "<true>" },
  { "dot string", "<{{.}}>", "hello", "<hello>" },
  { "dot slice", "<{{.}}>", "[-1, -2, -3]", "<[-1 -2 -3]>" },
  { "dot map", "<{{.}}>", "{two: 22}", "<map[two:22]>" },
  /* Variables */
  { "$ int", "{{$}}", "123", "123" },
  { "$.I", "{{$.I}}", TVAL, "17" },
  { "$.U.V", "{{$.U.V}}", TVAL, "v" },
  { "declare in action", "{{$x := $.U.V}}{{$x}}", TVAL, "v" },
  { "simple assignment", "{{$x := 2}}{{$x = 3}}{{$x}}", TVAL, "3" },
  { "nested assignment", "{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{$x}}", TVAL, "3" },
  { "nested assignment changes the last declaration",
    "{{$x := 1}}{{if true}}{{$x := 2}}{{if true}}{{$x = 3}}{{end}}{{end}}{{$x}}", TVAL, "1" },
  { "empty nil", "{{.Empty0}}", TVAL, "<no value>" },
  { "empty with slice", "{{.Empty3}}", TVAL, "[7 8]" },
  { "field on interface", "{{.foo}}", NULL, "<no value>" },
  { "field on parenthesized interface", "{{(.).foo}}", NULL, "<no value>" },
  { "unparenthesized non-function", "{{1 2}}", NULL, NULL },
  { "parenthesized non-function", "{{(1) 2}}", NULL, NULL },
  { "parenthesized non-function with no args", "{{(1)}}", NULL, "1" },
  /* Parenthesized expressions (add is Hugo's) */
  { "parens in pipeline", "{{printf `%d %d %d` (1) (2 | add 3) (add 4 (add 5 6))}}", TVAL,
    "1 5 15" },
  { "parens: $ in paren", "{{($).X}}", TVAL, "x" },
  { "parens: spaces and args", "{{(dict \"up\" \"down\" \"left\" \"right\").left}}", TVAL, "right" },
  /* If */
  { "if true", "{{if true}}TRUE{{end}}", TVAL, "TRUE" },
  { "if false", "{{if false}}TRUE{{else}}FALSE{{end}}", TVAL, "FALSE" },
  { "if 1", "{{if 1}}NON-ZERO{{else}}ZERO{{end}}", TVAL, "NON-ZERO" },
  { "if 0", "{{if 0}}NON-ZERO{{else}}ZERO{{end}}", TVAL, "ZERO" },
  { "if 1.5", "{{if 1.5}}NON-ZERO{{else}}ZERO{{end}}", TVAL, "NON-ZERO" },
  { "if 0.0", "{{if .FloatZero}}NON-ZERO{{else}}ZERO{{end}}", TVAL, "ZERO" },
  { "if emptystring", "{{if ``}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "if string", "{{if `notempty`}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "NON-EMPTY" },
  { "if emptyslice", "{{if .SIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "if slice", "{{if .SI}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "NON-EMPTY" },
  { "if emptymap", "{{if .MSIEmpty}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "if map", "{{if .MSI}}NON-EMPTY{{else}}EMPTY{{end}}", TVAL, "NON-EMPTY" },
  { "if map unset", "{{if .MXI.none}}NON-ZERO{{else}}ZERO{{end}}", TVAL, "ZERO" },
  { "if map not unset", "{{if not .MXI.none}}ZERO{{else}}NON-ZERO{{end}}", TVAL, "ZERO" },
  { "if $x with $y int", "{{if $x := true}}{{with $y := .I}}{{$x}},{{$y}}{{end}}{{end}}", TVAL,
    "true,17" },
  { "if $x with $x int", "{{if $x := true}}{{with $x := .I}}{{$x}},{{end}}{{$x}}{{end}}", TVAL,
    "17,true" },
  { "if else if", "{{if false}}FALSE{{else if true}}TRUE{{end}}", TVAL, "TRUE" },
  { "if else chain", "{{if eq 1 3}}1{{else if eq 2 3}}2{{else if eq 3 3}}3{{end}}", TVAL, "3" },
  /* Print */
  { "print", "{{print \"hello, print\"}}", TVAL, "hello, print" },
  { "print 123", "{{print 1 2 3}}", TVAL, "1 2 3" },
  { "print nil", "{{print nil}}", TVAL, "<nil>" },
  { "println", "{{println 1 2 3}}", TVAL, "1 2 3\n" },
  { "printf int", "{{printf \"%04x\" 127}}", TVAL, "007f" },
  { "printf float", "{{printf \"%g\" 3.5}}", TVAL, "3.5" },
  { "printf string", "{{printf \"%s\" \"hello\"}}", TVAL, "hello" },
  { "printf field", "{{printf \"%s\" .U.V}}", TVAL, "v" },
  { "printf dot", "{{with .I}}{{printf \"%d\" .}}{{end}}", TVAL, "17" },
  { "printf var", "{{with $x := .I}}{{printf \"%d\" $x}}{{end}}", TVAL, "17" },
  /* Go's fmt (print.go): a width or precision over a million is no number
   * (parsenum, tooLarge), so the directive has no verb and the argument is
   * extra; one taken from an argument is a bad width or precision
   * (intFromArg). */
  { "printf huge precision", "{{printf \"%.123456789d\" 7}}", NULL, "%!(NOVERB)%!(EXTRA int=7)" },
  { "printf huge width", "{{printf \"%123456789d\" 7}}", NULL, "%!(NOVERB)%!(EXTRA int=7)" },
  { "printf huge star width", "{{printf \"%*d\" 2000000 7}}", NULL, "%!(BADWIDTH)7" },
  { "printf huge star precision", "{{printf \"%.*d\" 2000000 7}}", NULL, "%!(BADPREC)7" },
  { "printf long precision", "{{printf \"%.20d\" 7}}", NULL, "00000000000000000007" },
  /* HTML, JavaScript, URL query */
  { "html", "{{html \"<script>alert(\\\"XSS\\\");</script>\"}}", NULL,
    "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;" },
  { "html pipeline", "{{printf \"<script>alert(\\\"XSS\\\");</script>\" | html}}", NULL,
    "&lt;script&gt;alert(&#34;XSS&#34;);&lt;/script&gt;" },
  { "html string", "{{html .PS}}", TVAL, "a string" },
  { "js", "{{js .}}", "It'd be nice.", "It\\'d be nice." },
  { "urlquery", "{{\"http://www.example.org/\"|urlquery}}", NULL, "http%3A%2F%2Fwww.example.org%2F" },
  /* Booleans */
  { "not", "{{not true}} {{not false}}", NULL, "false true" },
  { "and", "{{and false 0}} {{and 1 0}} {{and 0 true}} {{and 1 1}}", NULL, "false 0 0 1" },
  { "or", "{{or 0 0}} {{or 1 0}} {{or 0 true}} {{or 1 1}}", NULL, "0 1 true 1" },
  { "or short-circuit", "{{or 0 1 (die)}}", NULL, "1" },
  { "and short-circuit", "{{and 1 0 (die)}}", NULL, "0" },
  { "or short-circuit2", "{{or 0 0 (die)}}", NULL, NULL },
  { "and short-circuit2", "{{and 1 1 (die)}}", NULL, NULL },
  { "and pipe-true", "{{1 | and 1}}", NULL, "1" },
  { "and pipe-false", "{{0 | and 1}}", NULL, "0" },
  { "or pipe-true", "{{1 | or 0}}", NULL, "1" },
  { "or pipe-false", "{{0 | or 0}}", NULL, "0" },
  { "and undef", "{{and 1 .Unknown}}", NULL, "<no value>" },
  { "or undef", "{{or 0 .Unknown}}", NULL, "<no value>" },
  { "boolean if", "{{if and true 1 `hi`}}TRUE{{else}}FALSE{{end}}", TVAL, "TRUE" },
  { "boolean if not", "{{if and true 1 `hi` | not}}TRUE{{else}}FALSE{{end}}", NULL, "FALSE" },
  { "boolean if pipe", "{{if true | not | and 1}}TRUE{{else}}FALSE{{end}}", NULL, "FALSE" },
  /* Len */
  { "len slice", "{{len .SI}}", TVAL, "3" },
  { "len map", "{{len .MSI }}", TVAL, "3" },
  { "len of int", "{{len 3}}", TVAL, NULL },
  { "len of nothing", "{{len .Empty0}}", TVAL, NULL },
  { "len of string", "{{len \"héllo\"}}", NULL, "6" },
  /* With */
  { "with true", "{{with true}}{{.}}{{end}}", TVAL, "true" },
  { "with false", "{{with false}}{{.}}{{else}}FALSE{{end}}", TVAL, "FALSE" },
  { "with 1", "{{with 1}}{{.}}{{else}}ZERO{{end}}", TVAL, "1" },
  { "with 0", "{{with 0}}{{.}}{{else}}ZERO{{end}}", TVAL, "ZERO" },
  { "with 1.5", "{{with 1.5}}{{.}}{{else}}ZERO{{end}}", TVAL, "1.5" },
  { "with 0.0", "{{with .FloatZero}}{{.}}{{else}}ZERO{{end}}", TVAL, "ZERO" },
  { "with emptystring", "{{with ``}}{{.}}{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "with string", "{{with `notempty`}}{{.}}{{else}}EMPTY{{end}}", TVAL, "notempty" },
  { "with emptyslice", "{{with .SIEmpty}}{{.}}{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "with slice", "{{with .SI}}{{.}}{{else}}EMPTY{{end}}", TVAL, "[3 4 5]" },
  { "with emptymap", "{{with .MSIEmpty}}{{.}}{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "with map", "{{with .MSIone}}{{.}}{{else}}EMPTY{{end}}", TVAL, "map[one:1]" },
  { "with $x int", "{{with $x := .I}}{{$x}}{{end}}", TVAL, "17" },
  { "with $x struct.U.V", "{{with $x := $}}{{$x.U.V}}{{end}}", TVAL, "v" },
  { "with variable and action", "{{with $x := $}}{{$y := $.U.V}}{{$y}}{{end}}", TVAL, "v" },
  { "with else with", "{{with 0}}{{.}}{{else with true}}{{.}}{{end}}", TVAL, "true" },
  { "with else with chain",
    "{{with 0}}{{.}}{{else with false}}{{.}}{{else with `notempty`}}{{.}}{{end}}", TVAL,
    "notempty" },
  /* Range */
  { "range []int", "{{range .SI}}-{{.}}-{{end}}", TVAL, "-3--4--5-" },
  { "range empty no else", "{{range .SIEmpty}}-{{.}}-{{end}}", TVAL, "" },
  { "range []int else", "{{range .SI}}-{{.}}-{{else}}EMPTY{{end}}", TVAL, "-3--4--5-" },
  { "range empty else", "{{range .SIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "range []int break else", "{{range .SI}}-{{.}}-{{break}}NOTREACHED{{else}}EMPTY{{end}}", TVAL,
    "-3-" },
  { "range []int continue else",
    "{{range .SI}}-{{.}}-{{continue}}NOTREACHED{{else}}EMPTY{{end}}", TVAL, "-3--4--5-" },
  { "range []bool", "{{range .SB}}-{{.}}-{{end}}", TVAL, "-true--false-" },
  { "range map", "{{range .MSI}}-{{.}}-{{end}}", TVAL, "-1--3--2-" },
  { "range empty map no else", "{{range .MSIEmpty}}-{{.}}-{{end}}", TVAL, "" },
  { "range map else", "{{range .MSI}}-{{.}}-{{else}}EMPTY{{end}}", TVAL, "-1--3--2-" },
  { "range empty map else", "{{range .MSIEmpty}}-{{.}}-{{else}}EMPTY{{end}}", TVAL, "EMPTY" },
  { "range empty interface", "{{range .Empty3}}-{{.}}-{{else}}EMPTY{{end}}", TVAL, "-7--8-" },
  { "range empty nil", "{{range .Empty0}}-{{.}}-{{end}}", TVAL, "" },
  { "range $x SI", "{{range $x := .SI}}<{{$x}}>{{end}}", TVAL, "<3><4><5>" },
  { "range $x $y SI", "{{range $x, $y := .SI}}<{{$x}}={{$y}}>{{end}}", TVAL, "<0=3><1=4><2=5>" },
  { "range $x MSIone", "{{range $x := .MSIone}}<{{$x}}>{{end}}", TVAL, "<1>" },
  { "range $x $y MSIone", "{{range $x, $y := .MSIone}}<{{$x}}={{$y}}>{{end}}", TVAL, "<one=1>" },
  { "range $x PSI", "{{range $x := .PSI}}<{{$x}}>{{end}}", TVAL, "<21><22><23>" },
  { "declare in range", "{{range $x := .PSI}}<{{$foo:=$x}}{{$x}}>{{end}}", TVAL, "<21><22><23>" },
  { "range 5", "{{range $v := 5}}{{printf \"%T%d\" $v $v}}{{end}}", NULL, "int0int1int2int3int4" },
  { "range int over two variables", "{{range $i, $v := 5}}{{end}}", NULL, NULL },
  { "i = range", "{{$i := 0}}{{range $i = .SI}}{{end}}{{$i}}", TVAL, "5" },
  { "i, v = range", "{{$i := 0}}{{$v := 0}}{{range $i, $v = .SI}}{{end}}{{$i}}{{$v}}", TVAL, "25" },
  { "range string", "{{range .S}}{{.}}{{end}}", TVAL, NULL },
  /* Cute examples */
  { "or as if true", "{{or .SI \"slice is empty\"}}", TVAL, "[3 4 5]" },
  { "or as if false", "{{or .SIEmpty \"slice is empty\"}}", TVAL, "slice is empty" },
  /* Numbers */
  { "decimal", "{{print 1234}}", TVAL, "1234" },
  { "decimal _", "{{print 12_34}}", TVAL, "1234" },
  { "binary", "{{print 0b101}}", TVAL, "5" },
  { "binary _", "{{print 0b_1_0_1}}", TVAL, "5" },
  { "BINARY", "{{print 0B101}}", TVAL, "5" },
  { "octal0", "{{print 0377}}", TVAL, "255" },
  { "octal", "{{print 0o377}}", TVAL, "255" },
  { "octal _", "{{print 0o_3_7_7}}", TVAL, "255" },
  { "OCTAL", "{{print 0O377}}", TVAL, "255" },
  { "hex", "{{print 0x123}}", TVAL, "291" },
  { "hex _", "{{print 0x1_23}}", TVAL, "291" },
  { "HEX", "{{print 0X123ABC}}", TVAL, "1194684" },
  { "float", "{{print 123.4}}", TVAL, "123.4" },
  { "float _", "{{print 0_0_1_2_3.4}}", TVAL, "123.4" },
  { "hex float", "{{print +0x1.ep+2}}", TVAL, "7.5" },
  { "hex float _", "{{print +0x_1.e_0p+0_2}}", TVAL, "7.5" },
  { "HEX float", "{{print +0X1.EP+2}}", TVAL, "7.5" },
  { "print multi", "{{print 1_2_3_4 7.5_00_00_00}}", TVAL, "1234 7.5" },
  { "print multi2", "{{print 1234 0x0_1.e_0p+02}}", TVAL, "1234 7.5" },
  /* Fixed bugs */
  { "bug0", "{{range .MSIone}}{{if $.MSIone}}X{{end}}{{end}}", TVAL, "X" },
  { "bug18a", "{{eq . 0}}", "0", "true" },
  /* Comments and trim markers (parse_test.go, lex_test.go) */
  { "comment", "a{{/* a comment */}}b", NULL, "ab" },
  { "newline in comment", "{{/*\nhello\n*/}}", NULL, "" },
  { "trim left", "x \r\n\t{{- 3}}", NULL, "x3" },
  { "trim right", "{{3 -}}\n\n\ty", NULL, "3y" },
  { "trim left and right", "x \r\n\t{{- 3 -}}\n\n\ty", NULL, "x3y" },
  { "trim with extra spaces", "x\n{{-  3   -}}\ny", NULL, "x3y" },
  { "comment trim left", "x \r\n\t{{- /* hi */}}", NULL, "x" },
  { "comment trim right", "{{/* hi */ -}}\n\n\ty", NULL, "y" },
  { "comment trim left and right", "x \r\n\t{{- /* */ -}}\n\n\ty", NULL, "xy" },
  { "trim marker needs a space", "{{-3}}", NULL, "-3" },
  { "minus without space is a number", "{{ 3 -1 }}", NULL, NULL },
  /* define, template, block */
  { "define and template", "{{define \"x\"}}[{{.}}]{{end}}a{{template \"x\" 3}}b", NULL, "a[3]b" },
  { "template without pipeline", "{{define \"x\"}}[{{.}}]{{end}}{{template \"x\"}}", NULL,
    "[<no value>]" },
  { "block", "{{block \"b\" .}}<{{.}}>{{end}}", "7", "<7>" },
  { "template variables are its own", "{{$x := 1}}{{define \"t\"}}{{$}}{{end}}{{template \"t\" 2}}",
    NULL, "2" },
  { "undefined template", "{{template \"nope\"}}", NULL, NULL },
  /* Hugo's return ends the template it is in */
  { "bare return", "a{{return}}b", NULL, "a" },
  { "return with value outside partial", "a{{return 1}}b", NULL, NULL },
};

/* Runs a table of cases through @name (its extension picks text or HTML),
 * reporting every mismatch before failing. */
static void
check_cases (const char     *name,
             const ExecCase *cases,
             guint           n_cases)
{
  guint failures = 0;

  for (guint i = 0; i < n_cases; i++)
    {
      const ExecCase *c = &cases[i];
      g_auto(BylineGotmplResult) result = { 0 };
      g_autofree char *out = render (name, c->source, c->data == TVAL ? t_val : c->data, &result);

      if (c->expected == NULL)
        {
          if (out != NULL)
            {
              g_test_message ("%s: %s gave \"%s\", wanted an error", c->name, c->source, out);
              failures++;
            }
          else
            g_assert_nonnull (result.message);
          continue;
        }
      if (out == NULL)
        {
          g_test_message ("%s: %s failed: %s", c->name, c->source, result.message);
          failures++;
        }
      else if (g_strcmp0 (out, c->expected) != 0)
        {
          g_test_message ("%s: %s gave \"%s\", wanted \"%s\"", c->name, c->source, out,
                          c->expected);
          failures++;
        }
    }
  if (failures > 0)
    {
      g_test_message ("%u of %u cases failed", failures, n_cases);
      g_test_fail ();
    }
}

static void
test_exec (void)
{
  check_cases ("t.txt", exec_cases, G_N_ELEMENTS (exec_cases));
}

typedef struct
{
  const char *name;
  const char *source;
  const char *message;   /* contained in the error */
  guint       line;
} ParseErrorCase;

/* parse_test.go's errorTests (those Go reports while parsing; undefined
 * functions are reported when a template runs into them, see below). */
static const ParseErrorCase parse_errors[] = {
  { "unclosed1", "line1\n{{", "unclosed1:2: unclosed action", 2 },
  { "unclosed2", "line1\n{{define `x`}}line2\n{{", "unclosed2:3: unclosed action", 3 },
  { "unclosed3", "line1\n{{\"x\"\n\"y\"\n", "unclosed3:4: unclosed action started at unclosed3:2", 4 },
  { "unclosed4", "{{\n\n\n\n\n", "unclosed4:6: unclosed action started at unclosed4:1", 6 },
  { "comment1", "{{/*}}", "comment1:1: unclosed comment", 1 },
  { "comment2", "{{/*\nhello\n}}", "comment2:1: unclosed comment", 1 },
  { "lparen", "{{.X (1 2 3}}", "unclosed left paren", 1 },
  { "rparen", "{{.X 1 2 3 ) }}", "unexpected right paren", 1 },
  { "rparen2", "{{(.X 1 2 3", "unclosed action", 1 },
  { "space", "{{`x`3}}", "in operand", 1 },
  { "idchar", "{{a#}}", "'#'", 1 },
  { "charconst", "{{'a}}", "unterminated character constant", 1 },
  { "stringconst", "{{\"a}}", "unterminated quoted string", 1 },
  { "rawstringconst", "{{`a}}", "unterminated raw quoted string", 1 },
  { "number", "{{0xi}}", "number syntax", 1 },
  { "multidefine", "{{define `a`}}a{{end}}{{define `a`}}b{{end}}", "multiple definition of template", 1 },
  { "eof", "{{range .X}}", "unexpected EOF", 1 },
  { "variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}", "unexpected \":=\"", 1 },
  { "multidecl", "{{$a,$b,$c := 23}}", "too many declarations", 1 },
  { "undefvar", "{{$a}}", "undefined variable", 1 },
  { "wrongdot", "{{true.any}}", "unexpected . after term", 1 },
  { "wrongpipeline", "{{12|false}}", "non executable command in pipeline", 1 },
  { "emptypipeline", "{{ ( ) }}", "missing value for parenthesized pipeline", 1 },
  { "multilinerawstring", "{{ $v := `\n` }} {{", "multilinerawstring:2: unclosed action", 2 },
  { "rangeundefvar", "{{range $k}}{{end}}", "undefined variable", 1 },
  { "rangeundefvars", "{{range $k, $v}}{{end}}", "undefined variable", 1 },
  { "rangemissingvalue1", "{{range $k,}}{{end}}", "missing value for range", 1 },
  { "rangemissingvalue2", "{{range $k, $v := }}{{end}}", "missing value for range", 1 },
  { "rangenotvariable1", "{{range $k, .}}{{end}}", "range can only initialize variables", 1 },
  { "rangenotvariable2", "{{range $k, 123 := .}}{{end}}", "range can only initialize variables", 1 },
  { "break outside range", "{{break}}", "{{break}} outside {{range}}", 1 },
  { "continue outside range", "{{continue}}", "{{continue}} outside {{range}}", 1 },
  { "unexpected end", "a\n{{end}}", "unexpected {{end}}", 2 },
  { "else outside if", "{{else}}", "unexpected {{else}}", 1 },
  { "comment not at delimiter", "{{ x /* c */}}", "unexpected \"/\"", 1 },
  { "deep parentheses",
    "{{((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
    "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
    "(1}}", "max expression depth exceeded", 1 },
};

static void
test_parse_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_errors); i++)
    {
      const ParseErrorCase *c = &parse_errors[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineGotmplParsed) parsed = NULL;
      guint line = 0;

      parsed = byline_gotmpl_parse (c->name, c->source, strlen (c->source), &line, &error);
      if (parsed != NULL)
        g_error ("%s: %s parsed, wanted an error", c->name, c->source);
      if (strstr (error->message, c->message) == NULL || !g_str_has_prefix (error->message, "template: "))
        g_error ("%s: \"%s\" does not contain \"%s\"", c->name, error->message, c->message);
      g_assert_cmpuint (line, ==, c->line);
    }
}

typedef struct
{
  const char         *source;
  BylineGotmplStatus  status;
  const char         *message;   /* the whole message */
  guint               line;
  guint               column;    /* 1-based */
} RunErrorCase;

/* Runtime errors carry Go's "template: NAME:LINE:COL: executing …" form
 * (exec.go's errorf with ErrorContext, whose column is 0-based) and the
 * 1-based position. */
static const RunErrorCase run_errors[] = {
  { "{{len 3}}", BYLINE_GOTMPL_ERROR,
    "template: t.txt:1:2: executing \"t.txt\" at <len 3>: error calling len: len of type int", 1, 3 },
  { "a\n  {{.U.V 1}}", BYLINE_GOTMPL_ERROR,
    "template: t.txt:2:4: executing \"t.txt\" at <.U.V>: V is not a method but has arguments", 2, 5 },
  { "{{ 1 | printf }}", BYLINE_GOTMPL_ERROR,
    "template: t.txt:1:7: executing \"t.txt\" at <printf>: error calling printf: wrong type for "
    "value; expected string; got int", 1, 8 },
  { "line1\n{{\nx\n}}", BYLINE_GOTMPL_ERROR, "template: t.txt:3: function \"x\" not defined", 3, 1 },
  { "{{ \"s\".Foo }}", BYLINE_GOTMPL_ERROR, NULL, 0, 0 },
  { "{{ $x := \"s\" }}{{ $x.Foo }}", BYLINE_GOTMPL_ERROR,
    "template: t.txt:1:18: executing \"t.txt\" at <$x.Foo>: can't evaluate field Foo in type string",
    1, 19 },
  { "{{ range 3 }}{{ end }}{{ babel 1 }}", BYLINE_GOTMPL_UNSUPPORTED,
    "“babel” is not supported by the preview", 1, 26 },
};

static void
test_run_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (run_errors); i++)
    {
      const RunErrorCase *c = &run_errors[i];
      g_auto(BylineGotmplResult) result = { 0 };
      g_autofree char *out = render ("t.txt", c->source, t_val, &result);

      if (c->status == BYLINE_GOTMPL_ERROR && c->message == NULL)
        {
          /* A parse error: checked above. */
          g_assert_null (out);
          continue;
        }
      if (out != NULL)
        g_error ("%s gave \"%s\", wanted an error", c->source, out);
      g_assert_cmpint (result.status, ==, c->status);
      g_assert_cmpstr (result.message, ==, c->message);
      g_assert_cmpuint (result.line, ==, c->line);
      g_assert_cmpuint (result.column, ==, c->column);
      g_assert_cmpstr (result.file, ==, "t.txt");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gotmpl/exec", test_exec);
  g_test_add_func ("/gotmpl/parse-errors", test_parse_errors);
  g_test_add_func ("/gotmpl/run-errors", test_run_errors);

  return g_test_run ();
}
