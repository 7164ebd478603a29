import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const DATA = process.env.COMPTOIR_DATA_DIR ?? join(ROOT, '.data')
export const RUN = join(DATA, 'run')
export const NODE_BIN = join(ROOT, 'node_modules', '.bin')
export const NODE = join(NODE_BIN, 'node')
