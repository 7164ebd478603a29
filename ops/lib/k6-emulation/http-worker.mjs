// The worker behind http.mjs: it makes each request with fetch and wakes the waiting script.
import { workerData } from 'node:worker_threads'

const { port, flag } = workerData
const signal = new Int32Array(flag)

port.on('message', async ({ method, url, body, headers }) => {
  let answer
  try {
    const response = await fetch(url, { method, body: body ?? undefined, headers, redirect: 'manual' })
    answer = { status: response.status, headers: [...response.headers], body: await response.text() }
  } catch (error) {
    // k6 reports a transport failure as status 0 with the error's text.
    answer = { status: 0, headers: [], body: '', error: String(error?.cause?.message ?? error) }
  }
  port.postMessage(answer)
  Atomics.store(signal, 0, 1)
  Atomics.notify(signal, 0)
})
