#!/usr/bin/env bash
# Instructions the full analysis executes on the generated 1 MB and 10 MB notices of each kind (see
# benches/analyze.rs), counted by callgrind: unlike seconds on a shared 2-core VM, the count repeats
# exactly, so it shows how the work itself grows with the text. `make bench-instructions`; needs
# valgrind.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
bench=$(cargo bench --bench analyze --no-run --message-format=json 2>/dev/null \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.split("\n")){try{const m=JSON.parse(l);if(m.executable&&m.target&&m.target.name==="analyze")console.log(m.executable)}catch{}}})' | tail -1)
[ -x "$bench" ] || { echo "cannot find the bench binary" >&2; exit 1; }
for kind in distinct twins; do
  declare -A instructions=() bytes=()
  for size in 1m 10m; do
    report=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --toggle-collect='*analyze_once*' \
      "$bench" --once "$size" "$kind" 2>&1)
    instructions[$size]=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$report")
    bytes[$size]=$(sed -n 's/^bytes \([0-9]*\)$/\1/p' <<<"$report")
    printf '%-9s %4s %10s bytes %15s instructions\n' "$kind" "$size" "${bytes[$size]}" "${instructions[$size]}"
  done
  awk -v k="$kind" -v a="${instructions[1m]}" -v b="${instructions[10m]}" -v x="${bytes[1m]}" -v y="${bytes[10m]}" \
    'BEGIN { printf "%s: 10 MB / 1 MB: %.2fx the text, %.2fx the instructions\n", k, y / x, b / a }'
done
