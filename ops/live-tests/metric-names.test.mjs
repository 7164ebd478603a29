/*
 * Every metric name that an alert rule or a Grafana panel queries exists in the real /metrics
 * output of the process its job scrapes (job="api": an API instance, job="web": the web app),
 * read after some traffic. The original's dashboards queried names nobody exported; here a
 * renamed or missing metric fails `make test`.
 *
 *   API_BASE_URL=… WEB_BASE_URL=… E2E_CREDENTIALS=… node --test ops/live-tests/metric-names.test.mjs
 * (scripts/test.mjs runs it in its `stack` step, against the production builds it started.)
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { before, describe, test } from 'node:test'

import { exposedNames, monitoringQueries, recordedNames } from '../lib/queries.mjs'

const API = process.env.API_BASE_URL
const WEB = process.env.WEB_BASE_URL
// Prometheus writes these itself for every scrape target.
const SCRAPE_NAMES = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'])

const queries = monitoringQueries()
/** job -> the sample names its /metrics declares */
const exposed = {}
const raw = {}

async function get(url, headers = {}) {
  const response = await fetch(url, { headers, redirect: 'manual' })
  await response.arrayBuffer()
  return response.status
}

describe('metric names used by Prometheus rules and Grafana dashboards', () => {
  before(async () => {
    assert.ok(API && WEB, 'API_BASE_URL and WEB_BASE_URL must point at a running API and web app')
    const { apiToken } = JSON.parse(readFileSync(process.env.E2E_CREDENTIALS, 'utf8'))
    const auth = { 'x-api-token': apiToken }
    // Some traffic first: requests by route, a cache miss then hits, a 404, the web app's pages.
    for (const path of ['/health', '/api/v1/products', '/api/v1/products', '/api/v1/stores', '/api/v1/products/999999']) await get(`${API}${path}`, auth)
    for (const path of ['/health', '/', '/connexion']) await get(`${WEB}${path}`)
    for (const [job, base] of [['api', API], ['web', WEB]]) {
      const response = await fetch(`${base}/metrics`)
      assert.equal(response.status, 200, `${base}/metrics answered ${response.status}`)
      raw[job] = await response.text()
      exposed[job] = exposedNames(raw[job])
    }
  })

  test('rules and dashboards have queries, each naming metrics', () => {
    assert.ok(queries.some((q) => q.where.startsWith('prometheus/rules/')), 'no expr found in prometheus/rules/')
    assert.ok(queries.some((q) => q.where.startsWith('grafana/dashboards/')), 'no expr found in grafana/dashboards/')
    const nameless = queries.filter((q) => q.names.length === 0)
    assert.deepEqual(nameless.map((q) => `${q.where}: ${q.expr}`), [], 'queries in which no metric name was found')
  })

  test('the /metrics read here are live: they count this traffic by route pattern', () => {
    assert.match(raw.api, /^http_requests_total\{[^}]*route="\/api\/v1\/products"[^}]*status="200"[^}]*\} [1-9]/m)
    assert.match(raw.api, /^http_requests_total\{[^}]*route="\/api\/v1\/products\/:id"[^}]*status="404"[^}]*\} [1-9]/m)
    assert.match(raw.web, /^http_requests_total\{[^}]*route="\/health"[^}]*\} [1-9]/m)
    assert.ok(exposed.api.size > 20 && exposed.web.size > 20, 'too few metrics declared to be a real exposition')
  })

  test('every metric a rule or dashboard queries is in the /metrics of the job it selects', () => {
    const recorded = new Set(recordedNames())
    const missing = []
    for (const query of queries) {
      // No job selector: the name must exist in at least one of the scraped applications.
      const jobs = query.jobs.length ? query.jobs : Object.keys(exposed)
      for (const name of query.names) {
        if (SCRAPE_NAMES.has(name) || recorded.has(name)) continue
        if (!jobs.some((job) => exposed[job]?.has(name))) missing.push(`${query.where}: ${name} (job ${jobs.join('|')}) in ${query.expr}`)
      }
    }
    assert.deepEqual(missing, [], `metric names not found in the real /metrics:\n${missing.join('\n')}`)
  })
})
