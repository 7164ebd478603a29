/*
 * The defect is chosen first, then each part of the request is drawn around
 * it (hostile_credentials, hostile_urls, hostile_bodies), always in the same
 * order: the same seed gives the same requests.
 */
import { addHeaderNoise, authHeaders, caller } from '#tests/functional/fuzz/hostile_credentials'
import { arrayOfObjectFields, hostileBody, referenceFields } from '#tests/functional/fuzz/hostile_bodies'
import { hostilePath, hostileQuery } from '#tests/functional/fuzz/hostile_urls'
import type { DefectKind, Draft, FuzzContext, FuzzRequest } from '#tests/functional/fuzz/fuzz_request'
import { WRITE_METHODS, describeOperation, type Operation } from '#tests/functional/fuzz/operations'
import type { Rng } from '#tests/functional/fuzz/random'

function applicableDefects(operation: Operation): [DefectKind, number][] {
  const kinds: [DefectKind, number][] = [['raw-path', 0.6]]
  const write = WRITE_METHODS.has(operation.method)
  const schema = operation.body?.schema
  if (!operation.isPublic) kinds.push(['auth', 1.2])
  if (operation.scopes.some((s) => s === 'admin' || s === 'reports')) kinds.push(['scope', 0.5])
  if (operation.pathParams.length > 0) kinds.push(['path', 3])
  if (operation.queryParams.length > 0) kinds.push(['query', 3], ['unknown-query', 1])
  if (write) kinds.push(['body-syntax', 1.2])
  if (schema) {
    kinds.push(['body-shape', 1.5], ['content-type', 1.2])
    if (Object.keys(schema.properties ?? {}).length > 0) kinds.push(['body-field', 5])
    if ((schema.required ?? []).length > 0) kinds.push(['body-missing', 0.8])
    if (arrayOfObjectFields(schema).length > 0) kinds.push(['body-nested', 2])
    if (referenceFields(schema).length > 0) kinds.push(['body-dangling', 1])
  }
  if (operation.idempotent) kinds.push(['idempotency-key', 1.5])
  return kinds
}

/**
 * One hostile request for an operation: at least one defect chosen among
 * those the operation can have, plus random noise that never repairs it.
 */
export function generateRequest(operation: Operation, rng: Rng, context: FuzzContext, index: number): FuzzRequest {
  const defect = rng.weighted(applicableDefects(operation))
  const labels: string[] = []
  const write = WRITE_METHODS.has(operation.method)
  const draft: Draft = { operation, defect, rng, context, labels }

  const principal = caller(draft)
  const headers = authHeaders(principal, context, rng)
  const path = hostilePath(draft)
  const query = hostileQuery(draft)
  const target = path + (query.length > 0 ? `?${query.join('&')}` : '')
  const { body, contentType } = hostileBody(draft, headers, write, index)
  if (body !== undefined && contentType) headers['content-type'] = contentType
  addHeaderNoise(headers, write, draft)

  return {
    operation: describeOperation(operation),
    method: operation.method,
    target,
    headers,
    body,
    defect: labels.join('; ') || defect,
    principal,
  }
}

