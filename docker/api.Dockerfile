# Comptoir API image. Build from the repository root (the npm workspace):
#   docker build -f docker/api.Dockerfile -t comptoir-api .
# Plain Dockerfile syntax (no BuildKit-only flags), so any builder can build it.
ARG NODE_IMAGE=node:24-bookworm-slim

# --- deps: the API workspace's dependencies, dev included (the build needs TypeScript).
# Every workspace manifest is copied because `npm ci` checks the whole lockfile against them.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
# `--workspace api` also leaves out the root devDependency `node`: the image already has Node 24.
RUN npm ci --workspace api

# --- build: `node ace build` compiles to api/build (JS + package.json for the #imports map).
FROM deps AS build
COPY api/ api/
RUN cd api && node ace build

# --- runtime: production dependencies and the compiled app only.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3333 \
    npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
WORKDIR /app
COPY package.json package-lock.json ./
COPY api/package.json api/
COPY web/package.json web/
# Hoisted into /app/node_modules, which Node finds by walking up from /app/api/build.
RUN npm ci --omit=dev --workspace api && npm cache clean --force
COPY --from=build /app/api/build api/build
COPY docker/api-entrypoint.sh /usr/local/bin/comptoir-api
RUN chmod 0755 /usr/local/bin/comptoir-api
WORKDIR /app/api/build
USER node
EXPOSE 3333
# No curl in slim images: Node's fetch does the probe. /health answers 503 when the database is down.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
ENTRYPOINT ["comptoir-api"]
CMD ["serve"]
