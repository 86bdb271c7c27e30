#!/usr/bin/env bash
# Builds the jars of the sample launchers named as arguments (agent, local-clusters, liqoctl, ...:
# samples/NAME/target/NAME.jar) with the Maven wrapper, when one is missing or older than the
# sources it is built from; does nothing (and prints nothing) when they are up to date.
#
# Used by ./local-clusters and ./quickstart. While Maven runs it shows what it is building and for
# how long (one line updated in place on a terminal; otherwise a line per module, and every 10 seconds), and keeps
# Maven's output in a log that it shows when the build fails. Maven options can be added with
# MAVEN_ARGS (Maven 3.9 reads it), e.g. MAVEN_ARGS=-o to build offline.
#
# Usage: build-launchers.sh [--prefix TEXT] NAME...
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
prefix="[build]"
if [ "${1:-}" = "--prefix" ]; then
  prefix=$2
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [--prefix TEXT] NAME..." >&2; exit 2; }

say() { printf '%s %s\n' "$prefix" "$*" >&2; }

# The sources a launcher is built from: every liqo-java module it may depend on, and its own.
stale() {
  local name=$1 jar="$root/samples/$1/target/$1.jar"
  [ -f "$jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/samples/pom.xml" "$root"/liqo-* "$root/samples/$name" \
      -name target -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) \
      -newer "$jar" -print -quit)" ]
}

modules=()
jars=()
for name in "$@"; do
  [ -f "$root/samples/$name/pom.xml" ] || { say "no launcher named '$name' in $root/samples"; exit 2; }
  if stale "$name"; then
    modules+=("samples/$name")
  fi
  jars+=("$root/samples/$name/target/$name.jar")
done
[ ${#modules[@]} -gt 0 ] || exit 0

modules_csv=$(IFS=,; echo "${modules[*]}")
if [ -f "$root/samples/${modules[0]#samples/}/target/${modules[0]#samples/}.jar" ]; then
  say "rebuilding ${modules[*]#samples/} (the sources changed)"
else
  say "building ${modules[*]#samples/} (once; the first build downloads Maven dependencies and takes a few minutes)"
fi
log="$(mktemp "${TMPDIR:-/tmp}/liqo-java-build.XXXXXX.log")"
say "\$ ./mvnw -B -pl $modules_csv -am package -DskipTests -Dmaven.test.skip=true -Dspotless.check.skip=true   (log: $log)"
(cd "$root" && exec ./mvnw -B -pl "$modules_csv" -am package -DskipTests -Dmaven.test.skip=true \
    -Dspotless.check.skip=true) >"$log" 2>&1 </dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' INT TERM

# What Maven is doing now, from its log: the module it builds ("liqo-java :: core (3/9)") and,
# before that, how many files it downloaded.
doing() {
  local module downloads
  module=$(grep -a '^\[INFO\] Building .*\[[0-9]*/[0-9]*\]' "$log" 2>/dev/null | tail -n 1 \
    | sed -E 's/^\[INFO\] Building (.+) [^ ]+ +\[([0-9]+\/[0-9]+)\]$/\1 (\2)/' || true)
  downloads=$(grep -ac '^\[INFO\] Downloaded from' "$log" 2>/dev/null || true)
  if [ -n "$module" ]; then
    printf 'building %s' "$module"
  else
    printf 'resolving dependencies'
  fi
  [ "${downloads:-0}" -gt 0 ] && printf ', %s files downloaded' "$downloads"
  return 0
}

start=$SECONDS
spinner='|/-\'
i=0
last_line=""
last_print=$SECONDS
while kill -0 "$pid" 2>/dev/null; do
  sleep 1
  kill -0 "$pid" 2>/dev/null || break
  line="$(doing)"
  elapsed=$((SECONDS - start))
  if [ -t 2 ]; then
    printf '\r\033[K%s %s %s, %ds' "$prefix" "${spinner:i++%4:1}" "$line" "$elapsed" >&2
  elif [ "$line" != "$last_line" ] || [ $((SECONDS - last_print)) -ge 10 ]; then
    say "$line, ${elapsed}s"
    last_print=$SECONDS
  fi
  last_line=$line
done
[ -t 2 ] && printf '\r\033[K' >&2
if ! wait "$pid"; then
  grep -a -E '^\[(ERROR|WARNING)\]' "$log" | head -n 40 >&2 || true
  tail -n 20 "$log" >&2
  say "the build failed after $((SECONDS - start))s; Maven's full output is in $log"
  exit 1
fi
# Maven may leave a jar untouched when nothing in it changed: mark it as built from these sources.
touch "${jars[@]}"
rm -f "$log"
say "built ${modules[*]#samples/} in $((SECONDS - start))s"
