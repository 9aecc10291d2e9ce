#!/usr/bin/env bash
# Size of the bundled knowledge base (crates/core/data/kb/*.tsv), raw and
# gzipped, per file and in total. Budget: 60 KB gzipped in total.
# Part of the site size report.
set -euo pipefail
cd "$(dirname "$0")/../crates/core/data/kb"
budget=$((60 * 1024))
total_raw=0
total_gz=0
printf '%-16s %9s %9s\n' file raw gzip
for f in *.tsv; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-16s %9d %9d\n' "$f" "$raw" "$gz"
done
all=$(cat *.tsv | gzip -9 -c | wc -c)
printf '%-16s %9d %9d\n' "total(files)" "$total_raw" "$total_gz"
printf '%-16s %9s %9d\n' "total(one gzip)" "" "$all"
echo "kb_gzip_bytes=$total_gz budget=$budget"
if [ "$total_gz" -gt "$budget" ]; then
  echo "knowledge base over budget" >&2
  exit 1
fi
