#!/usr/bin/env bash
# Throughput of `byline annotate` per thread count on the PolNeAR train texts (JSON Lines in,
# JSON Lines out), and the scaling over one thread.
#
#   bash benches/scripts/cli_throughput.sh              # threads 1 and 2
#   THREADS="1 2 4 8 16" RUNS=5 bash benches/scripts/cli_throughput.sh
#   INPUT=corpus.jsonl bash benches/scripts/cli_throughput.sh
#   BIN=/path/to/other/byline bash benches/scripts/cli_throughput.sh   # another build, as is
#
# On a machine shared with other work, N cores are rarely N free cores. The last line runs N
# one-thread processes at once (work that is perfectly parallel): the speed-up they reach is what
# the machine gives at that moment, the ceiling for the N-thread figure above it.
#
# Needs ../shared beside the repository (or BYLINE_SHARED) unless INPUT is given.
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

if [[ -n "${BIN:-}" ]]; then
    bin="$BIN"
else
    cargo build --release -p byline-cli --manifest-path "$root/Cargo.toml" >&2
    bin="${CARGO_TARGET_DIR:-$root/target}/release/byline"
fi

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

# Best and median wall time of the whole command, taken by Python (GNU time gives only
# hundredths of a second), and the CPU time (user + system) of the best run: on a busy machine
# the wall time also counts waiting for a core, which the CPU time does not. The thread counts
# and the ceiling's N one-thread runs take turns round by round, so that a burst of other work
# falls on all of them alike.
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$bin" "$input" "$runs" "$text_mb" "$docs" $threads <<'PY'
import resource
import statistics
import subprocess
import sys
import time

bin_, path, runs, text_mb, docs = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
threads = [int(t) for t in sys.argv[6:]]


def command(t):
    return [bin_, "annotate", path, "--threads", str(t), "--quiet"]


def run(t):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command(t), stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def together(n):
    start = time.perf_counter()
    procs = [subprocess.Popen(command(1), stdout=subprocess.DEVNULL) for _ in range(n)]
    if any(p.wait() for p in procs):
        sys.exit("a one-thread run failed")
    return time.perf_counter() - start


n = max(threads)
ceiling = n > 1 and threads[0] == 1
walls = {t: [] for t in threads}
togethers = []
for _ in range(runs):
    for t in threads:
        walls[t].append(run(t))
    if ceiling:
        togethers.append(together(n))

print(f"{'threads':<8} {'seconds':>10} {'median s':>10} {'CPU s':>10} {'MB/s':>10} {'docs/s':>10} {'scaling':>8}")
base = None
for t in threads:
    best, cpu = min(walls[t])
    median = statistics.median(w for w, _ in walls[t])
    base = base or best
    print(f"{t:<8} {best:10.3f} {median:10.3f} {cpu:10.3f} {text_mb / best:10.2f} {docs / best:10.0f} {base / best:7.2f}x")
if ceiling:
    best = min(togethers)
    print(
        f"ceiling: {n} one-thread runs at once take {best:.3f} s: "
        f"the machine gives {n * base / best:.2f}x now"
    )
PY
