import assert from 'node:assert/strict'
import { test } from 'node:test'

import { resolveRequestId } from '../../server/request-context.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

test('keeps a well-formed incoming request id', () => {
  assert.equal(resolveRequestId('3f2a-req_1.b:c'), '3f2a-req_1.b:c')
})

test('generates a UUID when none is given', () => {
  assert.match(resolveRequestId(undefined), UUID)
  assert.match(resolveRequestId(''), UUID)
})

test('replaces ids that could forge log lines or headers', () => {
  assert.match(resolveRequestId('abc\n{"level":"error"}'), UUID)
  assert.match(resolveRequestId('x'.repeat(129)), UUID)
})
