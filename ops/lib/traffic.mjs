/*
 * Client traffic for the failover tests: a few workers on keep-alive connections, each sending
 * one request after another (reads, and sales that carry an Idempotency-Key) until stopped,
 * recording every outcome — status, answering instance, or the connection error — with its time.
 * No retry here: a request nginx could not save must show up as a failure.
 */
import http from 'node:http'

const READS = ['/api/v1/products', '/api/v1/products/1', '/api/v1/stores', '/health', '/api/v1/reports/global-summary']

/**
 * @param {{ port: number, token: string, workers: number, saleEvery: number, keyPrefix: string,
 *           saleBody: (n: number) => object }} options
 */
export function startTraffic({ port, token, workers, saleEvery, keyPrefix, saleBody }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: workers })
  /** @type {{ at: number, method: string, path: string, status: number | null, instance: string | null, error: string | null, key: string | null }[]} */
  const outcomes = []
  let stopped = false
  let sent = 0

  async function worker() {
    while (!stopped) {
      const n = sent++
      const isSale = n % saleEvery === 0
      const key = isSale ? `${keyPrefix}-${n}` : null
      const request = isSale
        ? { method: 'POST', path: '/api/v1/sales', key, body: JSON.stringify(saleBody(n)) }
        : { method: 'GET', path: READS[n % READS.length], key: null, body: null }
      outcomes.push({ ...(await send(agent, port, token, request)), at: Date.now(), method: request.method, path: request.path, key })
    }
  }

  const running = Promise.all(Array.from({ length: workers }, worker))
  return {
    outcomes,
    async stop() {
      stopped = true
      await running
      agent.destroy()
      return outcomes
    },
  }
}

function send(agent, port, token, { method, path, key, body }) {
  return new Promise((resolve) => {
    const headers = { 'x-api-token': token }
    if (key) headers['idempotency-key'] = key
    if (body) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = Buffer.byteLength(body)
    }
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks = []
      res.on('data', (chunk) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode, instance: res.headers['x-instance-id'] ?? null, error: null, body: res.statusCode >= 300 ? Buffer.concat(chunks).toString().slice(0, 300) : null })
      )
      res.on('error', (error) => resolve({ status: null, instance: null, error: error.message }))
    })
    req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s')))
    req.on('error', (error) => resolve({ status: null, instance: null, error: error.message }))
    req.end(body ?? undefined)
  })
}

/** Outcomes that are not a 2xx answer: connection errors, 5xx, and any other refusal. */
export const failures = (outcomes) => outcomes.filter((o) => o.error || o.status < 200 || o.status >= 300)

/** Answers per X-Instance-Id among `outcomes`. */
export function byInstance(outcomes) {
  const counts = {}
  for (const o of outcomes) if (o.instance) counts[o.instance] = (counts[o.instance] ?? 0) + 1
  return counts
}

export const describeFailures = (list) =>
  list
    .slice(0, 20)
    .map((o) => `${o.method} ${o.path}${o.key ? ` [${o.key}]` : ''}: ${o.error ?? `HTTP ${o.status} ${o.body ?? ''}`}`)
    .join('\n')
