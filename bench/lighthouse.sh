#!/bin/sh
# Lighthouse mobile on the home, a meeting and a budget page, normal and easy read
# (issue 20). Installs Lighthouse in bench/lighthouse/ when it is missing (pinned there,
# apart from the root's npm ci); see bench/lighthouse.py for the options.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if [ ! -x "$here/lighthouse/node_modules/.bin/lighthouse" ]; then
  (cd "$here/lighthouse" && npm ci --no-audit --no-fund)
fi
exec "$root/.venv/bin/python" "$here/lighthouse.py" "$@"
