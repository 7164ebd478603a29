import http from 'node:http'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import { issueToken } from '#access/services/token_service'
import { signedIn } from '#tests/helpers/actors'
import { resetDatabase } from '#tests/helpers/database'
import { registersOf } from '#tests/helpers/pos'
import { Rng, fuzzSeed } from '#tests/functional/fuzz/random'
import { WRITE_METHODS, operationsOf, describeOperation, type OpenApiDocument } from '#tests/functional/fuzz/operations'
import { excerpt, type FuzzContext, type FuzzRequest } from '#tests/functional/fuzz/fuzz_request'
import { generateRequest } from '#tests/functional/fuzz/request_generator'
import { runPool, send, type FuzzResponse } from '#tests/functional/fuzz/http_sender'
import { changedTables, tableChecksums } from '#tests/functional/fuzz/table_checksums'

/*
 * Thousands of malformed or hostile requests across every operation of the
 * OpenAPI document. None may answer 5xx, every error must be the envelope,
 * no write may be accepted, and no row may change (tables are compared
 * after each operation, so a change is pinned to it). The group runs outside
 * the per-test transaction, so a partial write would really be committed
 * and seen by the checksums.
 *
 *   FUZZ_SEED=<n>|random   another sequence (the seed is printed)
 *   FUZZ_REQUESTS=<n>      how many generated requests (default 2,400)
 *   FUZZ_ONLY=<text>       only the operations whose "METHOD /path" contains it
 */
const TARGET_REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2400)
const CONCURRENCY = 8
const ENVELOPE_KEYS = ['timestamp', 'status', 'error', 'message', 'path', 'error_code', 'details']

interface Offence {
  kind: string
  request: FuzzRequest
  status: number | null
  response: string
}

function baseUrl() {
  const host = !process.env.HOST || process.env.HOST === '0.0.0.0' ? '127.0.0.1' : process.env.HOST
  return new URL(`http://${host}:${process.env.PORT}`)
}

/** Why an error response is not the envelope, or null when it is. */
function envelopeProblem(response: FuzzResponse): string | null {
  if (!String(response.headers['content-type'] ?? '').includes('application/json')) {
    return `content-type ${response.headers['content-type'] ?? '(none)'}`
  }
  let body: Record<string, unknown>
  try {
    body = JSON.parse(response.text)
  } catch {
    return 'body is not JSON'
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object'
  const keys = Object.keys(body).sort()
  if (keys.join() !== [...ENVELOPE_KEYS].sort().join()) return `keys ${keys.join(',')}`
  if (body.status !== response.status) return `status ${String(body.status)} in a ${response.status}`
  if (typeof body.error_code !== 'string' || body.error_code === '') return 'no error_code'
  return null
}

function describeOffence(offence: Offence) {
  const { request } = offence
  const lines = [
    `${request.method} ${excerpt(request.target, 160)}  [${request.principal}]`,
    `    defect: ${request.defect}`,
  ]
  const headers = Object.entries(request.headers)
    .filter(([name]) => !['x-api-token', 'authorization'].includes(name))
    .map(([name, value]) => `${name}: ${excerpt(value, 40)}`)
  if (headers.length > 0) lines.push(`    headers: ${headers.join(' | ')}`)
  if (request.body !== undefined) lines.push(`    body: ${excerpt(String(request.body), 160)}`)
  lines.push(`    → ${offence.status ?? 'no response'} ${excerpt(offence.response, 300)}`)
  return lines.join('\n')
}

/** A committed request of the fixture (the fuzz needs real records to reach deep); 2xx expected. */
async function fixture(agent: http.Agent, token: string, method: string, target: string, body: object) {
  const response = await send(baseUrl(), agent, {
    operation: 'fixture',
    method,
    target,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    defect: 'none',
    principal: 'admin',
  })
  if (response.status >= 300) throw new Error(`fixture ${method} ${target}: ${response.status} ${response.text}`)
  return JSON.parse(response.text) as Record<string, unknown> & { id: number }
}

test.group('Fuzz: hostile requests on every route (commits; database reset afterwards)', (group) => {
  let context: FuzzContext

  /*
   * Real records for the requests to reach: an open register session with
   * a sale on it, a pending replenishment request. Then every body that
   * would succeed is one defect away (see FuzzContext.bodies).
   */
  group.setup(async () => {
    const agent = new http.Agent({ keepAlive: false })
    const admin = await issueToken({ name: 'fuzz-admin', scopes: ['read', 'write', 'reports', 'admin'] })
    const clerk = await signedIn('clerk', 1)
    const [registerId] = await registersOf(1)
    const session = await fixture(agent, clerk.token, 'POST', `/api/v1/registers/${registerId}/sessions`, { fond_de_caisse: '100.00' })
    const saleBody = {
      caisse_id: registerId,
      lignes: [{ code: 'ALI001', quantite: 2 }],
      paiements: [{ mode: 'especes', montant: '50.00' }],
    }
    const sale = await fixture(agent, clerk.token, 'POST', '/api/v1/sales', saleBody)
    const lineId = (sale.lignes as { id: number }[])[0].id
    const request = await fixture(agent, admin.token, 'POST', '/api/v1/replenishments', { magasin_id: 1, produit_id: 1, quantite: 5 })
    agent.destroy()
    context = {
      admin: admin.token,
      clerk: clerk.token,
      pathIds: {
        'sales': [sale.id],
        'registers': [registerId],
        'register-sessions': [session.id],
        'replenishments': [request.id],
        'users': [clerk.user.id],
        'tokens': [admin.record.id],
        'products': [1, 2],
        'stores': [1, 2],
        'categories': [1, 2],
      },
      bodies: {
        'POST /api/v1/sales': { ...saleBody, lignes: [{ code: 'ALI001', quantite: 1 }], paiements: [{ mode: 'especes', montant: '5.00' }] },
        'POST /api/v1/sales/{id}/returns': { lignes: [{ ligne_id: lineId, quantite: 1 }], motif: 'Retour fuzz' },
        'POST /api/v1/register-sessions/{id}/close': { especes_comptees: '100.00' },
      },
    }
  })

  /* The fixture committed rows (and the ledger refuses DELETE): back to the reference data. */
  group.teardown(() => resetDatabase())

  test('no 5xx, only envelopes, no accepted write and no changed row', async ({ assert }) => {
    const seed = fuzzSeed()
    const rng = new Rng(seed)
    const url = baseUrl()
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

    const documentResponse = await send(url, agent, {
      operation: 'openapi',
      method: 'GET',
      target: '/api/v1/openapi.json',
      headers: {},
      defect: 'none',
      principal: 'none',
    })
    const operations = operationsOf(JSON.parse(documentResponse.text) as OpenApiDocument).filter((operation) =>
      describeOperation(operation).includes(process.env.FUZZ_ONLY ?? '')
    )
    assert.isAbove(operations.length, 0, 'the OpenAPI document lists no operation')
    const perOperation = Math.ceil(TARGET_REQUESTS / operations.length)
    console.log(`fuzz seed ${seed} (FUZZ_SEED=${seed} reproduces it): ${operations.length} operations × ${perOperation} requests`)

    const offences: Offence[] = []
    const changes: string[] = []
    const statuses = new Map<number, number>()
    let sent = 0
    let baseline = await tableChecksums()
    const startedAt = Date.now()

    for (const operation of operations) {
      const requests = Array.from({ length: perOperation }, (_, i) => generateRequest(operation, rng, context, i))
      const outcomes = await runPool(
        requests.map((request) => () =>
          send(url, agent, request).then(
            (response) => ({ request, response, error: null }),
            (error: Error) => ({ request, response: null, error })
          )
        ),
        CONCURRENCY
      )
      sent += outcomes.length
      for (const { request, response, error } of outcomes) {
        if (!response) {
          offences.push({ kind: 'no response', request, status: null, response: error?.message ?? '' })
          continue
        }
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        const record = (kind: string) => offences.push({ kind, request, status: response.status, response: response.text })
        if (response.status >= 500) record('5xx')
        else if (response.status >= 400) {
          const problem = envelopeProblem(response)
          if (problem) record(`not the envelope (${problem})`)
        } else if (WRITE_METHODS.has(request.method)) record('hostile write accepted')
        else if (response.status >= 300) record('redirect')
      }
      const after = await tableChecksums()
      const changed = changedTables(baseline, after)
      if (changed.length > 0) {
        changes.push(`${describeOperation(operation)} changed ${changed.join(', ')}`)
        baseline = after
      }
    }
    agent.destroy()

    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ')
    console.log(`fuzz: ${sent} requests in ${seconds} s; statuses ${histogram}; ${offences.length} offences`)

    /* The test server runs in this process: a polluted prototype would show here. */
    const polluted = ['admin', 'x', 'a'].filter((key) => key in Object.prototype)
    if (polluted.length > 0) changes.push(`Object.prototype polluted with ${polluted.join(', ')}`)

    if (offences.length > 0 || changes.length > 0) {
      const report = join(process.env.COMPTOIR_DATA_DIR ?? tmpdir(), `fuzz-offences-${seed}.txt`)
      const counts = new Map<string, number>()
      for (const o of offences) counts.set(`${o.kind} — ${o.request.operation}`, (counts.get(`${o.kind} — ${o.request.operation}`) ?? 0) + 1)
      const text = [
        `seed ${seed}: ${offences.length} offending responses, ${changes.length} operations changed rows`,
        ...[...counts.entries()].map(([key, n]) => `  ${n}× ${key}`),
        ...changes,
        ...offences.map((o) => `[${o.kind}] ${o.request.operation}\n${describeOffence(o)}`),
      ].join('\n')
      writeFileSync(report, text)
      assert.fail(`${text}\n(also written to ${report})`)
    }
    assert.isAtLeast(sent, 2000)
  }).timeout(180_000)
})
