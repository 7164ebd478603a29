/*
 * Server-side rendering of the pages clerks and managers live on, signed in
 * as the manager: the runner posts the login form with its CSRF token like a
 * browser and sends the session cookie on every request (`env.headers`).
 * Target: p95 ≤ 50 ms per page at 50 connections.
 */
const register = (n, env) => env.registers[n % env.registers.length].id
const store = (n, env) => env.stores[n % env.stores.length].id

export const web = {
  description: 'Web app SSR, signed in as the manager: dashboard (/), point of sale and store stock pages',
  connections: 50,
  durationSeconds: 20,
  // Runs against the web app (make start: :3000), not the API.
  target: 'web',
  routes: [
    { name: 'GET / (dashboard)', method: 'GET', path: '/', weight: 1 },
    { name: 'GET /caisses/:id/vente (POS)', method: 'GET', weight: 1, pathFor: (n, env) => `/caisses/${register(n, env)}/vente` },
    { name: 'GET /magasins/:id/stock', method: 'GET', weight: 1, pathFor: (n, env) => `/magasins/${store(n, env)}/stock` },
  ],
}

/**
 * The lightest page the web app renders — the sign-in page: server rendering, a session
 * cookie and a CSRF token, no API call — at the same 50 connections, signed out. What any
 * page of this app costs at the least on the machine: the floor under `web`'s figures.
 */
export const webFloor = {
  description: 'The lightest page of the web app (the sign-in page: SSR, session and CSRF token, no API call), signed out, 50 connections without pause',
  connections: 50,
  durationSeconds: 20,
  target: 'web',
  signIn: false,
  samplePath: '/connexion',
  routes: [{ name: 'GET /connexion (no API call)', method: 'GET', path: '/connexion', weight: 1 }],
}

/**
 * The same pages for 50 signed-in people at work: each waits for a page, then spends
 * U(1, 3) s on it (scanning, typing, reading) before the next. Measures what a clerk or a
 * manager waits for at a realistic pace, where `web` measures how many pages the server
 * can render when 50 connections ask without pause.
 */
export const webUsers = {
  ...web,
  description: 'Web app SSR for 50 signed-in users pausing U(1, 3) s between pages: dashboard, point of sale, store stock',
  connections: 50,
  durationSeconds: 30,
  thinkTime: { minSeconds: 1, maxSeconds: 3, secondRequestChance: 0, secondRequestAfterSeconds: 0 },
}
