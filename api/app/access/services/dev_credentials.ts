import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface DevCredentials {
  apiBaseUrl: string
  webBaseUrl: string
  apiToken: string
  users: { username: string; password: string; role: string; storeId: number | null }[]
}

/** `.data/` at the repository root (git-ignored) unless COMPTOIR_DATA_DIR says otherwise. */
export function dataDir(): string {
  return (
    process.env.COMPTOIR_DATA_DIR ??
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.data')
  )
}

export function credentialsPath(): string {
  return join(dataDir(), 'dev-credentials.json')
}

export function readDevCredentials(): DevCredentials | null {
  const path = credentialsPath()
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevCredentials
  } catch {
    return null
  }
}

export function writeDevCredentials(credentials: DevCredentials) {
  const path = credentialsPath()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 })
}
