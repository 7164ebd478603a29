// One request followed across services, through the log files the test stack
// writes (scripts/test.mjs starts the API and the web app with LOG_DIR):
//   WEB_BASE_URL=… E2E_CREDENTIALS=… LOG_DIR=<the services' LOG_DIR> npm run test:integration -w web
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, test } from 'node:test'

import { Browserless, account, baseUrl } from './browserless.ts'

const logDir = process.env.LOG_DIR
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

type Line = Record<string, unknown> & { instance_from_file: string }

/** Every line of the service's files ($LOG_DIR/<service>-<instance>.<n>.log); each must be JSON. */
function readLog(service: 'api' | 'web') {
  const name = new RegExp(`^${service}-(.+)\\.(\\d+)\\.log$`)
  const files = readdirSync(logDir ?? '').filter((file) => name.test(file))
  const lines: Line[] = []
  for (const file of files) {
    const instance = name.exec(file)?.[1] ?? ''
    for (const text of readFileSync(join(logDir ?? '', file), 'utf8').split('\n').filter(Boolean)) {
      lines.push({ ...(JSON.parse(text) as Record<string, unknown>), instance_from_file: instance })
    }
  }
  return { files, lines }
}

/** The access-log lines carrying one of these ids, once the services have written them all. */
async function requestLines(service: 'api' | 'web', ids: string[]): Promise<{ files: string[]; lines: Line[] }> {
  const deadline = Date.now() + 5_000
  for (;;) {
    const { files, lines } = readLog(service)
    const found = lines.filter((line) => line.msg === 'request' && ids.includes(line.request_id as string))
    if (ids.every((id) => found.some((line) => line.request_id === id)) || Date.now() > deadline) return { files, lines: found }
    await new Promise((r) => setTimeout(r, 100))
  }
}

function assertAccessLine(line: Line, expected: { method: string; status: number }) {
  assert.equal(line.method, expected.method)
  assert.equal(line.status, expected.status)
  assert.equal(typeof line.route, 'string')
  assert.equal(typeof line.duration_ms, 'number')
  assert.ok(line.instance, 'instance missing')
  assert.equal(line.instance, line.instance_from_file, 'the file is named after the instance that wrote it')
}

async function signedInManager() {
  const client = new Browserless()
  const user = account('gerant')
  assert.equal((await client.signIn(user.username, user.password)).status, 302)
  return client
}

if (!baseUrl || !logDir || !existsSync(logDir)) {
  test('WEB_BASE_URL and LOG_DIR are set', () => {
    assert.fail('Set WEB_BASE_URL and LOG_DIR (the directory the API and web app write their log files to); scripts/test.mjs does.')
  })
} else {
  describe('request ids and log files', () => {
    test('an X-Request-Id sent to the web app is the id of the API calls its loader makes, in both logs', async () => {
      const client = await signedInManager()
      const id = `trace-${Date.now()}`
      const response = await client.fetch('/magasins', { headers: { 'X-Request-Id': id } })
      assert.equal(response.status, 200)
      await response.arrayBuffer()
      assert.equal(response.headers.get('x-request-id'), id)

      const web = await requestLines('web', [id])
      assert.equal(web.lines.length, 1, 'one web access line for the page')
      assertAccessLine(web.lines[0]!, { method: 'GET', status: 200 })
      assert.equal(web.lines[0]!.route, '/magasins')

      const api = await requestLines('api', [id])
      assert.ok(api.lines.length >= 1, `no API log line carries ${id}`)
      for (const line of api.lines) assertAccessLine(line, { method: 'GET', status: 200 })
      assert.ok(api.lines.some((line) => line.route === '/api/v1/stores'), 'the stores list was fetched under that id')
    })

    test('without an X-Request-Id the web app makes one and passes it on', async () => {
      const client = await signedInManager()
      const response = await client.fetch('/magasins')
      assert.equal(response.status, 200)
      await response.arrayBuffer()
      const id = response.headers.get('x-request-id') ?? ''
      assert.match(id, UUID)
      assert.equal((await requestLines('web', [id])).lines.length, 1)
      assert.ok((await requestLines('api', [id])).lines.some((line) => line.route === '/api/v1/stores'))
    })

    test('a malformed X-Request-Id is replaced before it reaches a log or the API', async () => {
      const client = await signedInManager()
      const forged = `forged id ${Date.now()} {"level":"error"}`
      const response = await client.fetch('/magasins', { headers: { 'X-Request-Id': forged } })
      await response.arrayBuffer()
      const id = response.headers.get('x-request-id') ?? ''
      assert.match(id, UUID)
      assert.ok((await requestLines('api', [id])).lines.length >= 1)
      const anywhere = [...readLog('api').lines, ...readLog('web').lines]
      assert.ok(!anywhere.some((line) => line.request_id === forged), 'the forged id was logged')
    })

    test('the web app writes one JSON line per request to its files, which rotate', async () => {
      const ids: string[] = []
      for (let i = 0; i < 60; i++) {
        const id = `rotate-${Date.now()}-${i}`
        ids.push(id)
        await (await fetch(`${baseUrl}/health`, { headers: { 'X-Request-Id': id } })).arrayBuffer()
      }
      const { files, lines } = await requestLines('web', ids)
      assert.equal(lines.length, ids.length, 'exactly one line per request')
      for (const line of lines) {
        assertAccessLine(line, { method: 'GET', status: 200 })
        assert.equal(line.route, '/health')
      }
      // ~60 lines of ~250 B went into files the test stack caps at 8 KB.
      assert.ok(files.length > 1, `no rotation: ${files.join(', ')}`)
    })
  })
}
