#!/usr/bin/env bash
# Throughput of `byline annotate` per thread count on the PolNeAR train texts (JSON Lines in,
# JSON Lines out), and the scaling over one thread.
#
#   bash benches/scripts/cli_throughput.sh              # threads 1 and 2
#   THREADS="1 2 4 8 16" RUNS=5 bash benches/scripts/cli_throughput.sh
#   INPUT=corpus.jsonl bash benches/scripts/cli_throughput.sh
#
# On a machine shared with other work, N cores are rarely N free cores. The last line runs N
# one-thread processes at once (work that is perfectly parallel): the speed-up they reach is what
# the machine gives at that moment, the ceiling for the N-thread figure above it.
#
# Uses hyperfine when it is installed, plain timing otherwise. Needs ../shared beside the
# repository (or BYLINE_SHARED) unless INPUT is given.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${BYLINE_SHARED:-$root/../shared}"
input="${INPUT:-$shared/data/quotes/polnear/train.jsonl}"
threads="${THREADS:-1 2}"
runs="${RUNS:-3}"

if [[ ! -f "$input" ]]; then
    echo "note: $input is missing (set BYLINE_SHARED or INPUT); nothing to measure" >&2
    exit 0
fi

cargo build --release -p byline-cli --manifest-path "$root/Cargo.toml" >&2
bin="${CARGO_TARGET_DIR:-$root/target}/release/byline"

# MB of document text (not of JSON around it), measured once.
text_mb="$(python3 -c '
import json, sys
n = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            n += len(json.loads(line).get("text", "").encode("utf-8"))
print(f"{n / 1e6:.3f}")
' "$input")"
docs="$(grep -c . "$input")"
echo "input: $input ($docs documents, $text_mb MB of text), $(nproc) cores, $runs runs each" >&2

# Warm the page cache and the binary.
"$bin" annotate "$input" --threads 1 --quiet >/dev/null

# Best wall time of $runs runs, and the CPU time (user + system) of that run: on a busy machine
# the wall time also counts waiting for a core, which the CPU time does not.
best_run() {
    local t="$1" best="" cpu="" wall user sys
    for _ in $(seq "$runs"); do
        read -r wall user sys < <(
            { /usr/bin/time -f '%e %U %S' "$bin" annotate "$input" --threads "$t" --quiet >/dev/null; } 2>&1 | tail -1
        )
        if [[ -z "$best" ]] || (( $(echo "$wall < $best" | bc -l) )); then
            best="$wall"
            cpu="$(echo "$user + $sys" | bc -l)"
        fi
    done
    echo "$best $cpu"
}

if command -v hyperfine >/dev/null; then
    args=()
    for t in $threads; do
        args+=(-n "threads=$t" "$bin annotate $input --threads $t --quiet > /dev/null")
    done
    hyperfine --warmup 1 --runs "$runs" "${args[@]}" >&2
fi

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
printf '%-8s %10s %10s %10s %10s %8s\n' threads seconds 'CPU s' 'MB/s' 'docs/s' scaling
base=""
for t in $threads; do
    read -r s cpu < <(best_run "$t")
    [[ -z "$base" ]] && base="$s"
    printf '%-8s %10.3f %10.3f %10.2f %10.0f %7.2fx\n' "$t" "$s" "$cpu" \
        "$(echo "$text_mb / $s" | bc -l)" "$(echo "$docs / $s" | bc -l)" \
        "$(echo "$base / $s" | bc -l)"
done

# The machine's ceiling: N independent one-thread runs at once against one of them.
n="$(echo "$threads" | tr ' ' '\n' | sort -n | tail -1)"
first="$(echo "$threads" | awk '{print $1}')"
if (( n > 1 )) && [[ "$first" == 1 ]]; then
    best=""
    for _ in $(seq "$runs"); do
        start="$(date +%s.%N)"
        for _ in $(seq "$n"); do
            "$bin" annotate "$input" --threads 1 --quiet >/dev/null &
        done
        wait
        end="$(date +%s.%N)"
        s="$(echo "$end - $start" | bc -l)"
        if [[ -z "$best" ]] || (( $(echo "$s < $best" | bc -l) )); then best="$s"; fi
    done
    printf 'ceiling: %s one-thread runs at once take %.3f s: the machine gives %.2fx now\n' \
        "$n" "$best" "$(echo "$n * $base / $best" | bc -l)"
fi
