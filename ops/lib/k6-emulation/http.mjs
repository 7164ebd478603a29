/*
 * k6/http as the scripts use it — synchronous requests answering { status, headers, body, json() } —
 * on Node: the script's thread waits (Atomics.wait) while a worker makes the request with fetch.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'

const flag = new SharedArrayBuffer(4)
const signal = new Int32Array(flag)
const { port1, port2 } = new MessageChannel()
const worker = new Worker(new URL('./http-worker.mjs', import.meta.url), { workerData: { port: port2, flag }, transferList: [port2] })
worker.unref()
port1.unref()

/** Go's canonical header names, as k6 gives them: x-instance-id → X-Instance-Id. */
const canonical = (name) => name.replace(/(^|-)([a-z])/g, (_, dash, letter) => dash + letter.toUpperCase())

/** Every request the script made, for the runner's summary. */
export const made = []

function request(method, url, body = null, params = {}) {
  Atomics.store(signal, 0, 0)
  port1.postMessage({ method, url, body, headers: params.headers ?? {} })
  Atomics.wait(signal, 0, 0)
  const answer = receiveMessageOnPort(port1).message
  const response = {
    status: answer.status,
    error: answer.error ?? '',
    body: answer.body,
    headers: Object.fromEntries(answer.headers.map(([name, value]) => [canonical(name), value])),
    json() {
      return JSON.parse(this.body)
    },
  }
  made.push({ method, url, tag: params.tags?.route ?? null, status: answer.status, error: response.error })
  return response
}

export default {
  request,
  get: (url, params) => request('GET', url, null, params),
  post: (url, body, params) => request('POST', url, body, params),
}
