#!/usr/bin/env bash
# The production installs, each on a fresh clone of this repository (its committed HEAD), each ending with
# GET /health answering:
#   1. the Dockerfile's stages, command for command, without Docker: the build stage (every dependency, no install
#      scripts, `npm run build`), the production-dependencies stage (`npm ci --omit=dev --ignore-scripts`,
#      `npm rebuild better-sqlite3`), the run stage (those node_modules, the built dist/ and the data folders), started
#      with the image's CMD and checked with its HEALTHCHECK command;
#   2. the plain production install README gives: `npm ci --omit=dev && npm start`.
# A broken production install (a runtime module among the dev dependencies, a file the image forgets) fails here.
# Usage: scripts/production-install.sh [repository, default: this one]. Needs git, node and npm.
set -euo pipefail

repository="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
work="$(mktemp -d "${TMPDIR:-/tmp}/prelabel-production-XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM -- "-$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

npm_flags=(--no-audit --no-fund)

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Starts a server in the background in its own process group (the command in "$@", run in the current folder), waits
# for GET /health, runs the image's health check command, then stops the group with SIGTERM (npm start's node child
# too) and expects the port to be free again.
serve_and_check() {
  local name="$1"; shift
  local port; port="$(free_port)"
  local log="$work/$name.log"
  PORT="$port" HOST=127.0.0.1 PRELABEL_DATA_DIR="$work/$name-data" PRELABEL_PROJECTS_DIR="$work/$name-projects" \
    OPENAI_API_KEY=sk-production-install-check LOG_LEVEL=INFO setsid "$@" >"$log" 2>&1 &
  server_pid=$!
  mkdir -p "$work/$name-projects"
  for _ in $(seq 1 300); do
    if node -e 'fetch(process.argv[1]).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$port/health"; then
      echo "$name: GET /health answers on port $port"
      if [ -f dist/server/check-health.js ]; then PORT="$port" node dist/server/check-health.js; fi
      kill -TERM -- "-$server_pid"
      wait "$server_pid" || true
      server_pid=""
      if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "http://127.0.0.1:$port/health"; then
        echo "$name: the server still answers after SIGTERM" >&2; cat "$log" >&2; exit 1
      fi
      grep -q '"msg":"stopping: finishing open requests' "$log" || { echo "$name: no orderly stop logged" >&2; cat "$log" >&2; exit 1; }
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "$name: the server never answered GET /health; its output:" >&2
  cat "$log" >&2
  exit 1
}

git clone --quiet "$repository" "$work/source"
echo "fresh clone of $repository at $(git -C "$work/source" rev-parse --short HEAD)"

# --- 1. the Dockerfile's stages -----------------------------------------------------------------------------------
# build: the Dockerfile copies package*.json, runs npm ci --ignore-scripts, copies the sources, runs npm run build.
mkdir "$work/build"
cp "$work/source/package.json" "$work/source/package-lock.json" "$work/build/"
(cd "$work/build" && npm ci --ignore-scripts "${npm_flags[@]}")
cp "$work/source/tsconfig.json" "$work/source/tsconfig.build.json" "$work/build/"
for folder in core providers tasks config server cli; do cp -R "$work/source/$folder" "$work/build/$folder"; done
(cd "$work/build" && npm run build)

# production-dependencies
mkdir "$work/production-dependencies"
cp "$work/source/package.json" "$work/source/package-lock.json" "$work/production-dependencies/"
(cd "$work/production-dependencies" && npm ci --omit=dev --ignore-scripts "${npm_flags[@]}" && npm rebuild better-sqlite3)

# run: COPY --from=production-dependencies node_modules, COPY --from=build dist, package*.json, config, tasks, examples
mkdir "$work/image"
cp -R "$work/production-dependencies/node_modules" "$work/image/node_modules"
cp -R "$work/build/dist" "$work/image/dist"
cp "$work/source/package.json" "$work/source/package-lock.json" "$work/image/"
for folder in config tasks examples; do cp -R "$work/source/$folder" "$work/image/$folder"; done
cd "$work/image"
NODE_ENV=production serve_and_check image node dist/server/main.js

# --- 2. npm ci --omit=dev && npm start ------------------------------------------------------------------------------
cd "$work/source"
npm ci --omit=dev "${npm_flags[@]}"
serve_and_check npm-start npm start

echo "production installs: ok"
