// @ts-check
import { randomBytes } from 'node:crypto'

/**
 * @param {{ nonce: string, isDev: boolean }} options
 */
export function contentSecurityPolicy({ nonce, isDev }) {
  const directives = {
    'default-src': ["'self'"],
    // Remix hydrates through inline <script> tags; the per-request nonce allows
    // exactly those and nothing injected.
    'script-src': ["'self'", `'nonce-${nonce}'`],
    // Vite injects <style> elements while developing; production only links CSS files.
    'style-src': isDev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // React renders `style` props as attributes (recharts sizes its charts that way).
    'style-src-attr': ["'unsafe-inline'"],
    // Bootstrap draws its icons (select arrows, toggler, validation) as data: SVGs.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    // Vite's HMR client talks over a websocket on its own port in development.
    'connect-src': isDev ? ["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*'] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ')
}

/**
 * Sets the security headers by hand and exposes the CSP nonce as res.locals.cspNonce.
 * @param {{ isDev: boolean }} options
 * @returns {import('express').RequestHandler}
 */
export function securityHeaders({ isDev }) {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    res.setHeader('Content-Security-Policy', contentSecurityPolicy({ nonce, isDev }))
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'same-origin')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    next()
  }
}
