/**
 * Shared by every entrypoint: AdonisJS needs the application root and an
 * importer that resolves "./" paths from that root.
 */
export const APP_ROOT = new URL('../', import.meta.url)

export function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}
