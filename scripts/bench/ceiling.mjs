/*
 * The machine's ceiling: a bare node:http server (separate process, like
 * the API) answering a static JSON body as large as a products page,
 * driven by the same runner with the same requests and connections.
 * Scenarios report a % of it, so figures compare across machines of
 * different speed. The load generator shares the machine's cores: a
 * ceiling driven by a lighter client (autocannon on one static URL, before
 * 2026-12-07 22:05 UTC) left more CPU to the bare server than the scenario's
 * own requests leave to the API, and came out 1.4–2.3 × higher (three back-to-back pairs, 2026-12-07).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'

// The body comes on stdin: a web page can be larger than one command-line argument may be.
const SERVER = `
const http = require('node:http')
const chunks = []
process.stdin.on('data', (chunk) => chunks.push(chunk))
process.stdin.on('end', () => {
  const body = Buffer.concat(chunks)
  http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
    res.end(body)
  }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n') })
})
`

/**
 * `sample`: the response whose body size the server copies (default: the API's products page);
 * `drive(url)`: runs the scenario's requests against the bare server at `url` (scripts/bench/load.mjs).
 */
export async function measureCeiling({ target, token, sample, drive }) {
  const { url, headers } = sample ?? { url: `${target}/api/v1/products/`, headers: { 'x-api-token': token } }
  const page = await fetch(url, { headers })
  const body = await page.text()
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] })
  server.stdin.end(body)
  try {
    const [chunk] = await once(server.stdout, 'data')
    const port = Number(chunk.toString().trim())
    const { total } = await drive(`http://127.0.0.1:${port}`)
    return { bodyBytes: Buffer.byteLength(body), rps: total.rps, p50: total.p50, p95: total.p95, p99: total.p99 }
  } finally {
    server.kill()
  }
}
