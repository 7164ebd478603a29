/*
 * Just enough PromQL reading to list the metric names an expression selects, so that
 * dashboards and rules can be checked against the metrics that exist. Syntax itself is
 * checked by promtool; this only has to tell metric names from functions, keywords and labels.
 */

// Aggregations, set and grouping operators: words that are never metric names.
const KEYWORDS = new Set([
  'sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk',
  'topk', 'quantile', 'limitk', 'limit_ratio',
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool',
  'and', 'or', 'unless', 'offset', 'atan2', 'inf', 'nan',
])

/** @returns {string[]} the distinct metric names in a PromQL expression, in order of appearance */
export function metricNames(expr) {
  const names = []
  // {__name__="x"} selects a metric too.
  for (const match of expr.matchAll(/__name__\s*=~?\s*"([^"]+)"/g)) names.push(match[1])
  const bare = expr
    // String literals first (they may hold braces or words), then what is inside selectors and
    // ranges, then the label lists of by/without/on/ignoring/group_left/group_right.
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
  // A word not preceded by a digit, dot or $ (numbers, durations, Grafana variables).
  for (const match of bare.matchAll(/(?<![\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    const [, word, call] = match
    if (call || KEYWORDS.has(word.toLowerCase())) continue
    names.push(word)
  }
  return [...new Set(names)]
}

/**
 * The `expr:` values of a Prometheus rules file, for the files of this repository: inline
 * values and `>-` / `|` block scalars (no YAML parser in the dependencies, none needed here).
 */
export function ruleExpressions(yamlText) {
  const lines = yamlText.split('\n')
  const exprs = []
  for (let i = 0; i < lines.length; i++) {
    const match = lines[i].match(/^(\s*)(?:-\s+)?expr:\s*(.*)$/)
    if (!match) continue
    const value = match[2].trim()
    if (/^[|>][-+]?$/.test(value)) {
      const block = []
      const indent = match[1].length
      while (i + 1 < lines.length && (lines[i + 1].trim() === '' || lines[i + 1].search(/\S/) > indent)) {
        block.push(lines[++i].trim())
      }
      exprs.push(block.join(' ').trim())
    } else {
      exprs.push(value.replace(/^(['"])(.*)\1$/, '$2'))
    }
  }
  return exprs
}

/** Every `expr` of a Grafana dashboard's targets, rows and nested panels included. */
export function dashboardExpressions(dashboard) {
  const exprs = []
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node && typeof node === 'object') {
      if (typeof node.expr === 'string' && node.expr.trim()) exprs.push(node.expr)
      Object.values(node).forEach(visit)
    }
  }
  visit(dashboard)
  return exprs
}
