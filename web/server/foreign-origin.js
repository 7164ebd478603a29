// @ts-check
import { isSameOrigin } from '../app/lib/auth/csrf.server.ts'

/** Methods that change nothing: never refused here. */
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The host the browser addressed, as Remix reads it for its own check (X-Forwarded-Host first,
 * then Host): the two must agree, or a request Remix refuses would pass here.
 * @param {import('express').Request} req
 */
function addressedHost(req) {
  const forwarded = req.get('x-forwarded-host')?.split(',')[0]?.trim()
  return forwarded || req.get('host') || null
}

/**
 * A form posted to us from another site (its Origin names another host) is refused with a 403
 * before Remix sees it. Remix refuses it too, but by throwing: the browser got a bare 500 and the
 * logs an error, for what is an attack stopped. Requests without Origin go on to the CSRF token.
 * @returns {import('express').RequestHandler}
 */
export function refuseForeignOrigin() {
  return (req, res, next) => {
    const origin = req.get('origin') ?? null
    if (SAFE.has(req.method) || origin === null) return next()
    const host = addressedHost(req)
    if (host !== null && isSameOrigin(origin, `http://${host}/`)) return next()
    res.status(403).type('text/plain; charset=utf-8')
    res.send('Requête refusée : ce formulaire a été envoyé depuis un autre site.\nRequest refused: this form was sent from another site.\n')
  }
}
