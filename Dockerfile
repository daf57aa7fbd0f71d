# syntax=docker/dockerfile:1
# prelabel, the Label Studio ML backend, on port 9090. Build: docker build -t prelabel .
# The same steps, without Docker, are scripts/production-install.sh (CI runs it on a fresh clone).

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: every dependency (dev ones too), TypeScript compiled to dist/ -----------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts here: the build does not load better-sqlite3's native addon, and the sources are not copied yet
# (the package's `prepare` would build them).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY core core
COPY providers providers
COPY tasks tasks
COPY config config
COPY server server
COPY cli cli
RUN npm run build

# --- production dependencies: npm ci --omit=dev, with better-sqlite3's native addon compiled -----------------------
FROM ${NODE_IMAGE} AS production-dependencies
# better-sqlite3 12 downloads a prebuilt addon when one exists, else compiles it: python3, make and g++ for that.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips only the package's own `prepare` build (dist/ comes from the build stage); the addon is
# then built by its own install script through npm rebuild.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm rebuild better-sqlite3

# --- run: node, the production node_modules (with the compiled addon), dist/ and the data files it reads -----------
FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=9090 \
    HOST=0.0.0.0 \
    PRELABEL_PROJECTS_DIR=/app/projects \
    PRELABEL_DATA_DIR=/data
WORKDIR /app
COPY --from=production-dependencies /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json package-lock.json ./
# Prompt templates, JSON schemas and model prices are read at run time from the package's folders.
COPY config config
COPY tasks tasks
COPY examples examples
# The image's own user (node, uid 1000) owns the folders it writes; the projects folder is read only.
RUN mkdir -p /app/projects /data && chown node:node /data
USER node
VOLUME ["/app/projects", "/data"]
EXPOSE 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "dist/server/check-health.js"]
CMD ["node", "dist/server/main.js"]
