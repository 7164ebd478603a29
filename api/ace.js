/*
 * JavaScript entrypoint for ace commands: registers the TypeScript JIT
 * (ts-exec) and hands over to bin/console.ts. The build rewrites it.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
