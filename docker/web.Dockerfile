# Comptoir web image (Remix SSR behind the Express server web/server.js). Build from the repository root:
#   docker build -f docker/web.Dockerfile -t comptoir-web .
ARG NODE_IMAGE=node:24-bookworm-slim

# --- deps: the web workspace's dependencies, dev included (Vite and the Remix compiler).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --workspace web

# --- build: `remix vite:build` writes web/build/{client,server} (web/public is copied into client).
FROM deps AS build
COPY web/ web/
RUN npm run build --workspace web

# --- runtime: production dependencies, the Express host and the build output only.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 \
    npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
RUN npm ci --omit=dev --workspace web && npm cache clean --force
COPY web/server.js web/
COPY web/server/ web/server/
# server.js reads its log-file settings through the app's env module, and its refusal of foreign
# origins uses the app's same-origin rule (Node 24 runs .ts as is).
COPY web/app/lib/env.server.ts web/app/lib/
COPY web/app/lib/auth/csrf.server.ts web/app/lib/auth/
COPY --from=build /app/web/build web/build
WORKDIR /app/web
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "server.js"]
