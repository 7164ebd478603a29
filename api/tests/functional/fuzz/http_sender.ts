import http from 'node:http'
import type { FuzzRequest } from '#tests/functional/fuzz/fuzz_request'

export interface FuzzResponse {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

/**
 * Sends a request byte for byte as generated (raw path, raw query, any
 * content type), which a regular HTTP client would refuse or re-encode.
 */
export function send(baseUrl: URL, agent: http.Agent, request: FuzzRequest): Promise<FuzzResponse> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : Buffer.from(request.body)
    const headers: Record<string, string> = { ...request.headers }
    if (body) headers['content-length'] = String(body.length)
    let settled = false
    const req = http.request(
      { host: baseUrl.hostname, port: baseUrl.port, method: request.method, path: request.target, headers, agent },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          settled = true
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
        })
        res.on('error', (error) => !settled && reject(error))
      }
    )
    req.setTimeout(30_000, () => req.destroy(new Error('no response within 30 s')))
    /* A server that answers 413 before reading a large body may close the socket under the writer. */
    req.on('error', (error) => !settled && reject(error))
    req.end(body)
  })
}

/** Runs the tasks with at most `concurrency` in flight, in order of start. */
export async function runPool<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  async function worker() {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker))
  return results
}
