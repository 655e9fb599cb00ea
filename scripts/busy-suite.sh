#!/usr/bin/env bash
# The whole test suite while another process keeps one core busy: what a user or CI running the
# tests beside other work sees. The suite must pass like this (issue 18). Extra arguments go to
# vitest (e.g. a folder to run only part). Prints how long the suite took.
#
#   bash scripts/busy-suite.sh
#   BUSY_PROCESSES=2 bash scripts/busy-suite.sh tests/simulation
set -uo pipefail
cd "$(dirname "$0")/.."

busy=()
stop_busy() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
}
trap stop_busy EXIT
# A spinning node process takes one core for itself, as another build or test run would.
for _ in $(seq "${BUSY_PROCESSES:-1}"); do
  node -e 'for (;;) {}' &
  busy+=("$!")
done

started=$(date +%s)
npx vitest run "$@"
status=$?
echo "suite: exit $status after $(( $(date +%s) - started )) s beside ${BUSY_PROCESSES:-1} busy process(es) on $(nproc) cores"
exit $status
