import env from '#start/env'
import proxyAddr from 'proxy-addr'
import { defineConfig } from '@adonisjs/core/http'
import { badUrlResponse } from '#core/exceptions/outside_pipeline'
import { serializeJson } from '#core/response_json'
import { DEFAULT_TRUSTED_PROXIES } from '#core/trusted_proxies'

export const http = defineConfig({
  /* X-Request-Id is accepted from the edge (nginx, the web app) or generated. */
  generateRequestId: true,
  allowMethodSpoofing: false,
  /* A URL whose percent-encoding does not decode is refused before routing: in the envelope too. */
  onBadUrl: badUrlResponse,
  useAsyncLocalStorage: true,
  serializeJSON: serializeJson,
  /*
   * X-Forwarded-For is believed only from our own proxies (TRUST_PROXY:
   * nginx and the web app on this host by default); anyone else could forge
   * it to dodge the per-IP login limits.
   */
  trustProxy: proxyAddr.compile(env.get('TRUST_PROXY') ?? DEFAULT_TRUSTED_PROXIES),
  /* `sort=prix,desc` is one value (the original's format), not an array. */
  qs: {
    parse: { depth: 3, parameterLimit: 100, allowSparse: false, arrayLimit: 50, comma: false },
    stringify: { encode: true, encodeValuesOnly: false, arrayFormat: 'indices', skipNulls: false },
  },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: env.get('NODE_ENV') === 'production',
    sameSite: 'lax',
  },
})
