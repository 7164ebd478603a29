/*
 * The web scenario measures signed-in pages, so the runner signs in like a
 * browser: it reads the CSRF token from the login form (which also sets the
 * session cookie), posts the form with that cookie, and keeps the cookie the
 * answer sets. Every load request then carries it.
 */
export async function signInToWeb(target, { username, password }) {
  const cookies = new Map()
  const call = async (path, init = {}) => {
    const headers = new Headers(init.headers)
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
    const response = await fetch(`${target}${path}`, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = line.split(';')[0].split('=')
      cookies.set(name, value.join('='))
    }
    return response
  }

  const form = await call('/connexion')
  if (!form.ok) throw new Error(`GET ${target}/connexion answered ${form.status}: is the web app running (make start)?`)
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!csrf) throw new Error(`no CSRF field on ${target}/connexion`)
  const login = await call('/connexion', {
    method: 'POST',
    headers: { origin: target },
    body: new URLSearchParams({ csrf, identifiant: username, mot_de_passe: password }),
  })
  await login.arrayBuffer()
  if (login.status !== 302) throw new Error(`signing in as ${username} answered ${login.status} (expected a redirect)`)
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
}

/**
 * SCENARIO=web: signs in as `username` (a dev account; the manager by
 * default) and gives the routes what their paths need: the stores (already
 * read) and every active register, read from the API behind the web app.
 */
export async function prepareWebScenario({ target, apiTarget, env, credentials, username }) {
  const user = credentials.users?.find((u) => u.username === username)
  if (!user) throw new Error(`No dev account ${username} in the dev credentials`)
  env.headers = { cookie: await signInToWeb(target, user) }
  if (env.registers.length > 0) return
  for (const store of env.stores) {
    const response = await fetch(`${apiTarget}/api/v1/stores/${store.id}/registers?size=100`, { headers: { 'x-api-token': env.token } })
    if (!response.ok) throw new Error(`GET /api/v1/stores/${store.id}/registers answered ${response.status}`)
    for (const register of (await response.json()).items) if (register.actif) env.registers.push({ id: register.id, storeId: store.id })
  }
  if (env.registers.length === 0) throw new Error('No active register: the POS page needs one')
}
