# syntax=docker/dockerfile:1
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json ./
COPY apps/api/package.json apps/api/
COPY apps/api-e2e/package.json apps/api-e2e/
COPY libs/contracts/package.json libs/contracts/
COPY libs/dto/package.json libs/dto/
COPY libs/query/package.json libs/query/
COPY libs/postgres/package.json libs/postgres/
COPY libs/client/package.json libs/client/
COPY apps/segments-cli/package.json apps/segments-cli/
COPY tools/bench/package.json tools/bench/
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# A capped V8 heap keeps the service's memory flat under load (see README, Performance).
ENV NODE_OPTIONS=--max-old-space-size=192
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/apps/api/package.json /app/apps/api/
COPY --from=build /app/apps/api/dist /app/apps/api/dist
COPY --from=build /app/libs /app/libs
# Without DATABASE_URL the service runs its embedded Postgres as this user, with its data in /data.
ENV DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# The readiness probe in plain Node (the slim image has no curl); the first start may wait up to
# DB_CONNECT_TIMEOUT_MS (60 s) for the database, then apply the migrations.
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=3 CMD ["node", "apps/api/dist/healthcheck.js"]
CMD ["node", "apps/api/dist/main.js"]
