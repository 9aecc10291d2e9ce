#!/usr/bin/env bash
# Installs GNU parallel (Debian package `parallel`) for the archive-scale
# tests (crates/cli/tests/parallel.rs) and benchmarks; skips it when present.
# moreutils ships another program called `parallel`: only GNU's counts.
# Never fails the build: without it the parallel test says it was skipped.
set -uo pipefail

if parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  exit 0
fi
echo "== setup: apt-get install parallel (GNU parallel)"
sudo_cmd=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
if ! $sudo_cmd apt-get install -y --no-install-recommends parallel >/dev/null 2>&1; then
  $sudo_cmd apt-get update >/dev/null 2>&1
  $sudo_cmd apt-get install -y --no-install-recommends parallel >/dev/null 2>&1
fi
if parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "== setup: $(parallel --version | head -1)"
else
  echo "setup-parallel: could not install GNU parallel; its tests will be skipped" >&2
fi
exit 0
