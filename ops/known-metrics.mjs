/*
 * Metric names that dashboards and alert rules may use. ops/tests/config.test.mjs fails when a
 * Grafana query or a Prometheus rule names anything else, so a dashboard never shows a panel
 * that stays empty (the original's dashboards queried metrics nobody exported).
 *
 * Until the test reads the real /metrics output of the API and web app, this list is the
 * contract: add a name here only together with the code that exports it.
 */
export const KNOWN_METRICS = Object.freeze([
  // Set by Prometheus on every scrape target.
  'up',
  // API and web (prom-client), labelled by method, route, status and instance.
  'http_requests_total',
  'http_request_duration_seconds_bucket',
  'http_request_duration_seconds_sum',
  'http_request_duration_seconds_count',
])
