// What the integration tests share: where the web app is, the dev accounts,
// and a browser without a browser (a cookie jar over fetch).
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'

export const baseUrl = process.env.WEB_BASE_URL?.replace(/\/+$/, '')
export const credentialsFile = process.env.E2E_CREDENTIALS

/** A tiny cookie jar: the session cookie is all this app sets. */
export class Browserless {
  cookies = new Map<string, string>()

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...value] = (pair ?? '').split('=')
      if (name) this.cookies.set(name, value.join('='))
    }
    return response
  }

  async csrf(path = '/connexion'): Promise<string> {
    const html = await (await this.fetch(path)).text()
    const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1]
    assert.ok(token, `no CSRF field on ${path}`)
    return token
  }

  async signIn(username: string, password: string): Promise<Response> {
    const csrf = await this.csrf()
    return this.fetch('/connexion', {
      method: 'POST',
      body: new URLSearchParams({ csrf, identifiant: username, mot_de_passe: password }),
    })
  }
}

export function account(username: string) {
  assert.ok(credentialsFile && existsSync(credentialsFile), 'E2E_CREDENTIALS must point at the dev credentials file')
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { users: { username: string; password: string }[] }
  const user = credentials.users.find((u) => u.username === username)
  assert.ok(user, `no dev account ${username}`)
  return user
}

/** A Browserless signed in as one of the dev accounts. */
export async function signedInAs(username: string): Promise<Browserless> {
  const client = new Browserless()
  const user = account(username)
  assert.equal((await client.signIn(user.username, user.password)).status, 302, `${username} signs in`)
  return client
}
