// Tests that read the app's own source (every route's meta, every message's
// placeholders, every confirm button) list the files here, the same way.
import { readdirSync, readFileSync } from 'node:fs'

const APP = new URL('../../app/', import.meta.url)

export interface SourceFile {
  /** Relative to app/, e.g. `routes/produits.$id.tsx`. */
  file: string
  text: string
}

function sources(under: string, wanted: (file: string) => boolean): SourceFile[] {
  const root = new URL(under ? `${under.replace(/\/+$/, '')}/` : '', APP)
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter(wanted)
    .sort()
    .map((file) => ({ file: under ? `${under}/${file}` : file, text: readFileSync(new URL(file, root), 'utf8') }))
}

/** Every .tsx under app/ (`under` narrows it to a folder, e.g. `routes`), with its text. */
export function tsxSources(under = ''): SourceFile[] {
  return sources(under, (file) => file.endsWith('.tsx'))
}

/** Every module under app/, .ts and .tsx (the generated API types left out), with its text. */
export function appSources(under = ''): SourceFile[] {
  return sources(under, (file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
}
