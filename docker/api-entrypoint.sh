#!/bin/sh
# Entry point of the API image (working directory: the compiled app, api/build).
#   serve    (default) run pending migrations unless MIGRATE_ON_START=false, then start the server
#   migrate  run pending migrations and exit (the one-shot `migrate` service of the load-balanced stack)
#   anything else is executed as is, e.g. `node ace db:seed`
#
# Lucid takes a PostgreSQL advisory lock with pg_try_advisory_lock and FAILS (does not wait) when
# another process holds it, so several instances must not migrate at once: with more than one
# instance, run `migrate` once and start the instances with MIGRATE_ON_START=false.
set -eu

case "${1:-serve}" in
  serve)
    if [ "${MIGRATE_ON_START:-true}" = "true" ]; then
      node ace migration:run --force
    fi
    # exec: the server receives SIGTERM directly and shuts down gracefully.
    exec node bin/server.js
    ;;
  migrate)
    exec node ace migration:run --force
    ;;
  *)
    exec "$@"
    ;;
esac
