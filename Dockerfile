# syntax=docker/dockerfile:1
# quec-graph: build with the full toolchain, run with production dependencies only, as the unprivileged `node` user.
# The same image runs the example site subgraph (see docker-compose.yml).

# Node 24 (active LTS); node:22-bookworm-slim also works, see package.json "engines".
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts stay off, as on the developer machines; nothing we depend on at run time needs one.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY simulator ./simulator
# The simulator's strict mode reads the vendor's public parameter tables; the build copies them into dist/.
COPY docs/vendor ./docs/vendor
COPY scripts ./scripts
COPY bench ./bench
# The push bench starts RabbitMQ with the tests' launcher (tsconfig.build.json lists it).
COPY test/helpers/rabbitmq-server.ts test/helpers/free-port.ts ./test/helpers/
COPY examples ./examples
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
# HOST=0.0.0.0 makes the service refuse to start until inbound auth is configured (AUTH_API_KEYS, AUTH_JWKS_URL or
# AUTH_JWT_SECRET with AUTH_JWT_ISSUER/AUTH_JWT_AUDIENCE, or ROUTER_SECRET), or AUTH_DISABLED_ALLOW_REMOTE=true is set
# to accept anyone reaching the port acting with every scope (docs/security.md). No default credential is baked in.
# Heap caps that keep a long-running replica at about 135 MiB RSS with no loss of throughput; left to itself V8 sizes the
# heap from the host's memory and lets it sit at about 230 MiB (docs/production.md, Memory). Raise the old-space cap
# in NODE_OPTIONS for unusually large answers.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    NODE_OPTIONS="--max-semi-space-size=8 --max-old-space-size=384"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The example site subgraph reads its SDL at start-up.
COPY examples/site-subgraph/schema.graphql ./examples/site-subgraph/schema.graphql
USER node
EXPOSE 4000
# Liveness only; orchestrators should route traffic on GET /ready.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node as PID 1 gets SIGTERM directly from `docker stop`, so graceful shutdown runs (see docs/operations.md).
CMD ["node", "dist/src/index.js"]
