#!/usr/bin/env bash
# Runs every MediaAdmin test: installs what the tests need when it is missing, then the whole suite.
# Last line: "tests: N passed, N failed[, N skipped]". With CI=true a skipped test counts as failed.
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v sqlite3 >/dev/null 2>&1 || need_apt+=(sqlite3)
command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1 || need_apt+=(ffmpeg)
command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || need_apt+=(varnish)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} with apt-get ..."
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null \
    || { echo "could not install ${need_apt[*]}"; echo "tests: 0 passed, 1 failed"; exit 1; }
fi

# dotnet test builds only the test project and what it references; the benchmarks must compile too.
dotnet build MediaAdmin.sln -nologo -v quiet \
  || { echo "the solution does not build"; echo "tests: 0 passed, 1 failed"; exit 1; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
dotnet test MediaAdmin.sln --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done

if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "CI: $skipped skipped test(s) count as failed (something they need is missing)."
  failed=$((failed + skipped)); skipped=0
fi
if [ $((passed + failed + skipped)) -eq 0 ]; then
  echo "no test results were found: the build or the test run failed"
  failed=1; status=1
fi
[ "$failed" -gt 0 ] && status=1

if [ "$skipped" -gt 0 ]; then
  echo "tests: $passed passed, $failed failed, $skipped skipped"
else
  echo "tests: $passed passed, $failed failed"
fi
exit $status
