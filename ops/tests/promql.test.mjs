/*
 * The metric-name extraction that the dashboard/rules check relies on: if it missed names,
 * that check would pass on anything.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { dashboardExpressions, metricNames, ruleExpressions } from '../lib/promql.mjs'

test('metric names, not functions, aggregations, labels, durations or variables', () => {
  assert.deepEqual(
    metricNames('histogram_quantile(0.95, sum by (le, instance) (rate(http_request_duration_seconds_bucket{job="api"}[5m]))) > 0.5'),
    ['http_request_duration_seconds_bucket']
  )
  assert.deepEqual(
    metricNames('sum(rate(http_requests_total{status=~"5.."}[$__rate_interval])) by (instance) / on(instance) group_left sum(rate(http_requests_total[1m] offset 5m))'),
    ['http_requests_total']
  )
  assert.deepEqual(metricNames('up{job="api"} == 0'), ['up'])
  assert.deepEqual(metricNames('count(up == 1) and bool cache_hits_total'), ['up', 'cache_hits_total'])
  assert.deepEqual(metricNames('{__name__="stock_alerts_total", store="1"}'), ['stock_alerts_total'])
  assert.deepEqual(metricNames('label_replace(up, "x", "$1", "instance", "(.*)")'), ['up'])
  assert.deepEqual(metricNames('api:requests:rate5m * 1e3'), ['api:requests:rate5m'])
})

test('rule expressions: inline and block scalars', () => {
  const yaml = [
    'groups:',
    '  - name: g',
    '    rules:',
    '      - alert: A',
    '        expr: up{job="api"} == 0',
    '      - alert: B',
    '        expr: >-',
    '          sum(rate(a_total[5m]))',
    '          / sum(rate(b_total[5m]))',
    '        for: 2m',
    "      - record: c\n        expr: 'c_total'",
  ].join('\n')
  assert.deepEqual(ruleExpressions(yaml), ['up{job="api"} == 0', 'sum(rate(a_total[5m])) / sum(rate(b_total[5m]))', 'c_total'])
})

test('dashboard expressions: panels, rows and nested panels', () => {
  const dashboard = {
    panels: [
      { targets: [{ expr: 'a' }, { expr: '' }] },
      { type: 'row', panels: [{ targets: [{ expr: 'b' }] }] },
    ],
  }
  assert.deepEqual(dashboardExpressions(dashboard), ['a', 'b'])
})
