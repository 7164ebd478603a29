/*
 * The machine's ceiling: a bare node:http server (separate process, like
 * the API) answering a static JSON body as large as a products page,
 * driven by the same autocannon settings. Scenarios report a % of it, so
 * figures compare across machines of different speed.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import autocannon from 'autocannon'

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

/** `sample`: the response whose body size the server copies (default: the API's products page). */
export async function measureCeiling({ target, token, connections, duration, sample }) {
  const { url, headers } = sample ?? { url: `${target}/api/v1/products/`, headers: { 'x-api-token': token } }
  const page = await fetch(url, { headers })
  const body = await page.text()
  const server = spawn(process.execPath, ['-e', SERVER], { stdio: ['pipe', 'pipe', 'inherit'] })
  server.stdin.end(body)
  try {
    const [chunk] = await once(server.stdout, 'data')
    const port = Number(chunk.toString().trim())
    const result = await autocannon({ url: `http://127.0.0.1:${port}/`, connections, duration })
    return {
      bodyBytes: Buffer.byteLength(body),
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
    }
  } finally {
    server.kill()
  }
}
