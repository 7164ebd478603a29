import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // Off: with it, every page render computed a partial route manifest (8 % of the web
        // app's CPU under load); the full manifest of our ~45 routes is small.
        v3_lazyRouteDiscovery: false,
      },
    }),
    tsconfigPaths(),
  ],
})
