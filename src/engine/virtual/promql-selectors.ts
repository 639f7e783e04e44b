import {
  EqlRegex,
  EqlSingle,
  Identifier,
  LabelMatchers,
  LabelName,
  MatchOp,
  Neq,
  NeqRegex,
  parser,
  QuotedLabelMatcher,
  QuotedLabelName,
  StringLiteral,
  UnquotedLabelMatcher,
  VectorSelector,
} from '@prometheus-io/lezer-promql';

type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

export type MatchOperator = '=' | '!=' | '=~' | '!~';

/** One label matcher of a selector, with its value unquoted and unescaped. */
export interface LabelMatcher {
  name: string;
  op: MatchOperator;
  value: string;
}

/** One vector selector of a PromQL expression, inside a range or subquery or not. */
export interface Selector {
  /**
   * The metric name as written (`foo_bucket`, not `foo`), before the braces or as
   * `{__name__="foo"}`; undefined when the selector does not fix one (`{__name__=~"foo.*"}`).
   */
  metricName: string | undefined;
  /** The matchers inside the braces, in written order, `__name__` ones included. */
  matchers: LabelMatcher[];
  /** The selector as written in the expression. */
  text: string;
}

const OPERATORS = new Map<number, MatchOperator>([
  [EqlSingle, '='],
  [Neq, '!='],
  [EqlRegex, '=~'],
  [NeqRegex, '!~'],
]);

/**
 * Every vector selector in a PromQL expression, in written order, read with the PromQL grammar
 * the Prometheus UI uses. Throws a plain error naming the expression and the position of the
 * first syntax error.
 */
export function selectorsOf(expr: string): Selector[] {
  const tree = parser.parse(expr);
  const selectors: Selector[] = [];
  let errorAt: number | undefined;
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) errorAt ??= ref.from;
      if (ref.type.id === StringLiteral) checkTerminated(expr, ref.from, ref.to);
      if (ref.type.id === VectorSelector) selectors.push(readSelector(expr, ref.node));
    },
  });
  if (errorAt !== undefined) throw syntaxError(expr, errorAt, 'unexpected input');

  return selectors;
}

/**
 * The metric names the expressions read, exactly as written: a histogram rule reads
 * `foo_bucket`, `foo_count` and `foo_sum`, not `foo`. Selectors without a fixed name add nothing;
 * use `metricFilterFor` where those must still be honoured.
 */
export function metricNamesReadBy(exprs: string[]): Set<string> {
  const names = new Set<string>();
  for (const selector of exprs.flatMap(selectorsOf)) {
    if (selector.metricName !== undefined) names.add(selector.metricName);
  }

  return names;
}

/**
 * Whether the expressions may read series of a metric. Conservative: when a selector does not
 * fix its metric name (`{__name__=~"x_.*"}`, `{job="sim"}`) every metric is kept, since dropping
 * a series a rule reads would silently keep the rule from firing.
 */
export function metricFilterFor(exprs: string[]): (metricName: string) => boolean {
  const selectors = exprs.flatMap(selectorsOf);
  if (selectors.some((selector) => selector.metricName === undefined)) return () => true;
  const names = new Set(selectors.map((selector) => selector.metricName));

  return (metricName) => names.has(metricName);
}

/**
 * Which bucket series of a histogram the expressions may read: when every selector of
 * `foo_bucket` fixes `le` with `=`, only those bounds; otherwise all of them (a quantile reads
 * every bucket). Saves recording, and promtool reading, the buckets no rule looks at.
 */
export function bucketFilterFor(exprs: string[]): (metricName: string, le: string) => boolean {
  const selectors = exprs.flatMap(selectorsOf);
  if (selectors.some((selector) => selector.metricName === undefined)) return () => true;
  const bounds = new Map<string, Set<string> | 'all'>();
  for (const selector of selectors) {
    const name = selector.metricName!;
    if (!name.endsWith('_bucket') || bounds.get(name) === 'all') continue;
    const fixed = selector.matchers.find((m) => m.name === 'le' && m.op === '=');
    if (fixed === undefined) bounds.set(name, 'all');
    else bounds.set(name, new Set([...((bounds.get(name) as Set<string>) ?? []), fixed.value]));
  }

  return (metricName, le) => {
    const kept = bounds.get(metricName);
    return kept === undefined || kept === 'all' || kept.has(le);
  };
}

function readSelector(expr: string, node: SyntaxNode): Selector {
  const identifier = node.getChild(Identifier);
  let metricName = identifier === null ? undefined : expr.slice(identifier.from, identifier.to);
  const matchers: LabelMatcher[] = [];
  for (let child = node.getChild(LabelMatchers)?.firstChild; child; child = child.nextSibling) {
    if (child.type.id === QuotedLabelName) {
      // `{"my.metric"}`: a quoted name alone in the braces is the metric name.
      metricName = stringValue(expr, child.firstChild!);
    } else if (child.type.id === UnquotedLabelMatcher || child.type.id === QuotedLabelMatcher) {
      matchers.push(readMatcher(expr, child));
    }
  }
  const fixedName = matchers.find((matcher) => matcher.name === '__name__' && matcher.op === '=');

  return {
    metricName: metricName ?? fixedName?.value,
    matchers,
    text: expr.slice(node.from, node.to),
  };
}

function readMatcher(expr: string, node: SyntaxNode): LabelMatcher {
  const label = node.getChild(LabelName);
  const quotedLabel = node.getChild(QuotedLabelName)?.firstChild;
  const operator = node.getChild(MatchOp)?.firstChild;
  const value = node.getChild(StringLiteral);
  const op = operator ? OPERATORS.get(operator.type.id) : undefined;
  if (op === undefined || value === null || (label === null && !quotedLabel)) {
    throw syntaxError(expr, node.from, 'incomplete label matcher');
  }
  const name = label ? expr.slice(label.from, label.to) : stringValue(expr, quotedLabel!);

  return { name, op, value: stringValue(expr, value) };
}

/** The grammar lets a string run to the end of the input unclosed; PromQL does not. */
function checkTerminated(expr: string, from: number, to: number): void {
  let backslashes = 0;
  while (to - 2 - backslashes > from && expr[to - 2 - backslashes] === '\\') backslashes += 1;
  const escaped = expr[from] !== '`' && backslashes % 2 === 1;
  if (to - from < 2 || expr[to - 1] !== expr[from] || escaped) {
    throw syntaxError(expr, from, 'unterminated string');
  }
}

function stringValue(expr: string, node: SyntaxNode): string {
  try {
    return unquotePromqlString(expr.slice(node.from, node.to));
  } catch (error) {
    throw syntaxError(expr, node.from, (error as Error).message);
  }
}

/**
 * The value of a PromQL string literal: Go escapes in '…' and "…", none in `…`. Promtool prints
 * label values with Go's %q, which this reads too.
 */
export function unquotePromqlString(literal: string): string {
  const quote = literal[0] ?? '';
  const body = literal.slice(1, -1);
  if (literal.length < 2 || !'"\'`'.includes(quote) || literal.at(-1) !== quote) {
    throw new Error(`${literal} is not a quoted string`);
  }
  if (quote === '`') return body;

  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < body.length; index += 1) {
    if (body[index] !== '\\') {
      const codePoint = body.codePointAt(index)!;
      if (codePoint > 0xffff) index += 1;
      bytes.push(...encoder.encode(String.fromCodePoint(codePoint)));
      continue;
    }
    const escape = readEscape(body, index + 1, quote);
    if (escape === undefined) throw new Error(`invalid escape in string ${literal}`);
    bytes.push(...(escape.byte === undefined ? encoder.encode(escape.text) : [escape.byte]));
    index += escape.length;
  }

  return new TextDecoder().decode(new Uint8Array(bytes));
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

interface Escape {
  /** Characters after the backslash. */
  length: number;
  text: string;
  /** A single raw byte (`\xff`, `\377`), which need not be UTF-8 on its own. */
  byte?: number;
}

function readEscape(body: string, at: number, quote: string): Escape | undefined {
  const letter = body[at] ?? '';
  if (letter === quote) return { length: 1, text: quote };
  if (letter in SIMPLE_ESCAPES) return { length: 1, text: SIMPLE_ESCAPES[letter]! };
  const hexDigits: Record<string, number> = { x: 2, u: 4, U: 8 };
  const digits = hexDigits[letter];
  if (digits !== undefined) {
    const hex = body.slice(at + 1, at + 1 + digits);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
    const value = parseInt(hex, 16);
    if (letter === 'x') return { length: 1 + digits, text: '', byte: value };
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return undefined;

    return { length: 1 + digits, text: String.fromCodePoint(value) };
  }
  const octal = body.slice(at, at + 3);
  if (/^[0-7]{3}$/.test(octal) && parseInt(octal, 8) <= 0xff) {
    return { length: 3, text: '', byte: parseInt(octal, 8) };
  }

  return undefined;
}

function syntaxError(expr: string, offset: number, problem: string): Error {
  const before = expr.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;

  return new Error(
    `PromQL expression ${JSON.stringify(expr)} does not parse: ${problem} at line ${line}, ` +
      `column ${column} (offset ${offset})`,
  );
}
