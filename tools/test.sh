#!/usr/bin/env bash
# Runs every check and test layer in order, keeps going after a failure so one run shows all of
# them, and ends with one summary line. Exit status is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

logs=$(mktemp -d)
failed_steps=()
step_times=()
passed=0
failed=0

step() {
  local name=$1; shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local start=$SECONDS
  if "$@" 2>&1 | tee "$logs/$name.log"; then
    printf '== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    printf '== %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
    failed_steps+=("$name")
  fi
  step_times+=("$name $((SECONDS - start))s")
}

# Adds up "N passed; M failed" (cargo, wasm-bindgen-test) and "ℹ pass N / ℹ fail M" (node:test).
count() {
  local log=$logs/$1.log
  local p f
  p=$(grep -Eo '[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(grep -Eo '[0-9]+ failed' "$log" | awk '{s+=$1} END {print s+0}')
  p=$((p + $(grep -Eo '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  f=$((f + $(grep -Eo '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')))
  passed=$((passed + p))
  failed=$((failed + f))
}

wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --target wasm32-unknown-unknown --test browser
}

step fmt cargo fmt --check
step clippy-native cargo clippy --all-targets -- -D warnings
# The wasm pass lints what only the browser build compiles: the library, the app and the browser
# tests. The library's own unit tests and the examples are native code, linted by the pass above;
# --all-targets here would compile the whole library a second time with cfg(test) for nothing.
step clippy-wasm cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings
step native cargo test
count native
step browser wasm_test
count browser
step build trunk build --release
if [[ " ${failed_steps[*]} " == *" build "* ]]; then
  echo "end-to-end tests skipped: the build failed"
else
  step e2e node tests/e2e/run.mjs
  count e2e
  # One mobile Lighthouse run: accessibility and best practices must be 100 (performance is only
  # printed; `make bench` runs mobile and desktop).
  step lighthouse node tests/bench/lighthouse.mjs --gate
fi

echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed steps: ${failed_steps[*]}"
  # A step that failed before running its tests (a lint, a build) still counts as a failure.
  [ "$failed" -eq 0 ] && failed=${#failed_steps[@]}
fi
times=$(printf '%s, ' "${step_times[@]}")
echo "summary: $passed passed, $failed failed (${times%, }; total ${SECONDS}s)"
[ ${#failed_steps[@]} -eq 0 ]
