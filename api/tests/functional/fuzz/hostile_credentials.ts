/* Who calls, with which (possibly garbage) credentials, and the header noise around them. */
import { TEN_KB, UNICODE } from '#tests/functional/fuzz/hostile_values'
import type { Draft, FuzzContext, Principal } from '#tests/functional/fuzz/fuzz_request'
import type { Rng } from '#tests/functional/fuzz/random'

/* Garbage credentials: every one must be a 401, never a 500 nor a pass. */
const BAD_TOKENS: ((valid: string) => Record<string, string>)[] = [
  () => ({ 'x-api-token': 'garbage' }),
  () => ({ 'x-api-token': 'cpt_' + 'A'.repeat(43) }),
  () => ({ 'x-api-token': 'cpt_' + 'A'.repeat(TEN_KB) }),
  () => ({ 'x-api-token': "cpt_' OR 1=1 --" }),
  () => ({ 'x-api-token': '%00' }),
  () => ({ 'x-api-token': 'cpt_\u00e9\u00ff\u00fe' }),
  (valid) => ({ 'x-api-token': valid + 'x' }),
  (valid) => ({ 'x-api-token': valid.slice(0, -1) }),
  (valid) => ({ 'x-api-token': valid.toUpperCase() }),
  () => ({ authorization: 'Bearer ' + 'B'.repeat(TEN_KB) }),
  () => ({ authorization: 'Bearer cpt_' + 'B'.repeat(TEN_KB) }),
  () => ({ authorization: 'Bearer' }),
  () => ({ authorization: 'Bearer ' }),
  (valid) => ({ authorization: `Basic ${Buffer.from('admin:' + valid).toString('base64')}` }),
  (valid) => ({ authorization: `Token ${valid}` }),
  () => ({ authorization: "Bearer ' OR 1=1 --" }),
  () => ({ authorization: 'Bearer <script>alert(1)</script>' }),
  /* X-API-Token is read first: garbage there wins over a valid Bearer. */
  (valid) => ({ 'x-api-token': 'nope', authorization: `Bearer ${valid}` }),
]

export const BAD_IDEMPOTENCY_KEYS = ['', ' ', 'short', 'x'.repeat(101), 'x'.repeat(TEN_KB), "' OR 1=1 --", '<script>', 'clé-é\u00e9\u00e9\u00e9', 'a b c d e f g h', '../../../../']

/** The caller: the defect decides when it is about credentials or scopes, else mostly a valid token. */
export function caller({ operation, defect, rng, labels }: Draft): Principal {
  let principal: Principal
  if (defect === 'auth') {
    principal = rng.chance(0.25) ? 'none' : 'bad-token'
    labels.push(principal === 'none' ? 'no token' : 'bad token')
  } else if (defect === 'scope') {
    principal = 'clerk'
    labels.push(`clerk session on a ${operation.scopes.join('+')} route`)
  } else {
    principal = rng.weighted<Principal>([
      ['admin', 6],
      ['clerk', 2.5],
      ['none', 1],
      ['bad-token', 0.5],
    ])
  }
  return principal
}

export function authHeaders(principal: Principal, context: FuzzContext, rng: Rng): Record<string, string> {
  if (principal === 'none') return {}
  if (principal === 'bad-token') return rng.pick(BAD_TOKENS)(rng.pick([context.admin, context.clerk]))
  const token = principal === 'admin' ? context.admin : context.clerk
  return rng.chance(0.5) ? { 'x-api-token': token } : { authorization: `Bearer ${token}` }
}

/** Headers that never repair the defect: stray idempotency keys, hostile request ids, odd Accept values. */
export function addHeaderNoise(headers: Record<string, string>, write: boolean, { defect, rng }: Draft) {
  if (write && defect !== 'idempotency-key' && rng.chance(0.35)) headers['idempotency-key'] = rng.pick(BAD_IDEMPOTENCY_KEYS)
  if (rng.chance(0.1)) headers['x-request-id'] = rng.pick(["' OR 1=1 --", '<script>', 'x'.repeat(2000), '../..'])
  if (rng.chance(0.1)) headers['x-forwarded-for'] = rng.pick(["' OR 1=1 --", '999.999.999.999', 'garbage, 1.2.3.4', '::ffff:zz', ''])
  if (rng.chance(0.1)) headers.accept = rng.pick(['text/csv', 'application/xml', '*/*;q=abc', 'text/html', ''])
  if (rng.chance(0.05)) headers['accept-language'] = UNICODE[1]
}
