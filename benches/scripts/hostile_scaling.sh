#!/usr/bin/env bash
# Time and memory of `byline annotate` (release build) on hostile inputs: each pathological
# family at 1x and 10x its size, with the ratio of the times (linear work gives about 10), and
# the peak memory over JSON Lines inputs of 100 MB and 1 GB (bounded memory gives the same).
#
#   bash benches/scripts/hostile_scaling.sh            # every family, then the 1 GB run
#   BYLINE_CLI=path/to/byline SCALE_GB=0 bash ...      # a given binary; skip the 1 GB run
#   BASE_MB=1 FAMILIES=none bash ...                   # smaller bases; only the memory runs
#
# BASE_MB (default 5) sizes the single large document at 1x (5 MB, so 50 MB at 10x); the other
# families start at a fifth of it (1 MB, 100,000 quote marks, 2,000 nested quotations).
#
# Inputs are generated under a temporary folder (in $TMPDIR) and deleted on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ -z "${BYLINE_CLI:-}" ]]; then
    cargo build --release -p byline-cli --quiet
    BYLINE_CLI="${CARGO_TARGET_DIR:-$PWD/target}/release/byline"
fi
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
SCALE_GB="${SCALE_GB:-1}"
THREADS="${THREADS:-0}"
BASE_MB="${BASE_MB:-5}"
FAMILIES="${FAMILIES:-all}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# gen FAMILY FACTOR PATH: writes the input of a family at FACTOR times its base size.
gen() {
    python3 - "$1" "$2" "$3" examples/article.txt "$BASE_MB" <<'PY'
import json, random, sys
family, factor, path, article_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
base = float(sys.argv[5]) / 5
article = open(article_path, encoding="utf-8").read()
rng = random.Random(7)
MB = int((1 << 20) * base)

def repeat(piece, size):
    return piece * (size // len(piece.encode()) + 1)

def quote_marks(n, balanced):
    pairs = [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("'", "'")]
    marks = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "`", "\u201e"]
    out, count = [], 0
    while count < n:
        if balanced:
            o, c = rng.choice(pairs)
            out.append(f"{o}we will win{c}{', he said. ' if rng.random() < 0.3 else ' '}")
            count += 2
        else:
            out.append(rng.choice(marks) + rng.choice(["", " ", "said ", "Putin ", ". ", "\n"]))
            count += 1
    return "".join(out)

def nested(depth):
    o = ["\u201c", "\u2018", '"', "'", "\u00ab"]
    c = ["\u201d", "\u2019", '"', "'", "\u00bb"]
    return ("".join(f"He said {o[i % 5]}" for i in range(depth)) + "no"
            + "".join(f"{c[i % 5]}, Smith said. " for i in reversed(range(depth))))

scripts = ("\u05e0\u05ea\u05e0\u05d9\u05d4\u05d5 \u05d0\u05de\u05e8: \u201d\u05dc\u05d0\u201c. "
           "Z\u0334\u031ba\u0337l\u0336g\u0338o said \"e\u0301\u0301\" \U0001f468\u200d\U0001f469"
           "\u200d\U0001f467 \U0001f1fa\U0001f1f8 \u041f\u0443\u0442\u0438\u043d \u00ab\u041d\u0435"
           "\u0442\u00bb \u65e5\u672c\u300c\u306f\u3044\u300d Iran. ")
control = '"We\x00 will\x01 win,\x07" Putin\x1b[0m said.\x00\x08\x0c\x0b\x1c\x7f\x85 \ufeff'

text = {
    "large document": lambda: repeat(article + "\n\n", 5 * MB * factor),
    "single line": lambda: repeat(article.replace("\n", " "), MB * factor),
    "quote marks balanced": lambda: quote_marks(int(100_000 * base) * factor, True),
    "quote marks unbalanced": lambda: quote_marks(int(100_000 * base) * factor, False),
    "nested quotes": lambda: nested(int(2_000 * base) * factor),
    "control characters": lambda: repeat(control, MB * factor),
    "scripts and emoji": lambda: repeat(scripts, MB * factor),
    "CRLF and lone CR": lambda: repeat(article.replace("\n", "\r\n") + "\r\r", MB * factor),
    "no spaces": lambda: repeat("Putin\u201csaid\u201d", MB * factor),
    "one-word names": lambda: repeat("Clinton is here. Bakare said so. ", MB * factor),
}.get(family)
if text is not None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": family, "text": text()}) + "\n")
elif family == "many documents":
    with open(path, "w", encoding="utf-8") as f:
        for i in range(int(5_000 * base) * factor):
            f.write(json.dumps({"id": i, "text": article}) + "\n")
elif family == "corpus":  # factor in MB
    line = json.dumps({"text": article}) + "\n"
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(factor * (1 << 20) // len(line.encode()) + 1):
            f.write(line)
PY
}

# run INPUT: prints "seconds peak_kb" of one annotate run.
run() {
    "$TIME" -f "%e %M" -o "$work/time" "$BYLINE_CLI" annotate "$1" -o /dev/null -q \
        --threads "$THREADS" || { echo "byline failed on $1" >&2; exit 1; }
    cat "$work/time"
}

[[ "$FAMILIES" == none ]] || printf '%-24s %9s %8s %9s %8s %7s %9s %9s\n' family "MB@1x" "s@1x" "MB@10x" "s@10x" ratio "MiB@1x" "MiB@10x"
for family in "large document" "single line" "quote marks balanced" "quote marks unbalanced" \
    "nested quotes" "control characters" "scripts and emoji" "CRLF and lone CR" "no spaces" \
    "one-word names" \
    "many documents"; do
    [[ "$FAMILIES" == all || ",$FAMILIES," == *",$family,"* ]] || continue
    gen "$family" 1 "$work/1x.jsonl"
    gen "$family" 10 "$work/10x.jsonl"
    read -r t1 m1 < <(run "$work/1x.jsonl")
    read -r t10 m10 < <(run "$work/10x.jsonl")
    s1=$(stat -c %s "$work/1x.jsonl")
    s10=$(stat -c %s "$work/10x.jsonl")
    python3 -c "
import sys
f, s1, t1, s10, t10, m1, m10 = sys.argv[1], *map(float, sys.argv[2:])
print(f'{f:<24} {s1/1e6:9.1f} {t1:8.2f} {s10/1e6:9.1f} {t10:8.2f} {t10/max(t1, 0.01):7.1f} {m1/1024:9.0f} {m10/1024:9.0f}')
" "$family" "$s1" "$t1" "$s10" "$t10" "$m1" "$m10"
    rm -f "$work/1x.jsonl" "$work/10x.jsonl"
done

if [[ "$SCALE_GB" != 0 ]]; then
    echo
    printf '%-24s %9s %8s %9s %9s\n' "corpus (JSON Lines)" MB s "MB/s" "peak MiB"
    for mb in 100 $((SCALE_GB * 1024)); do
        gen corpus "$mb" "$work/corpus.jsonl"
        size=$(stat -c %s "$work/corpus.jsonl")
        "$TIME" -v "$BYLINE_CLI" annotate "$work/corpus.jsonl" -o /dev/null -q --threads "$THREADS" \
            2> "$work/verbose" || { cat "$work/verbose" >&2; exit 1; }
        secs=$(python3 -c "
import re, sys
t = re.search(r'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)', open(sys.argv[1]).read()).group(1)
p = [float(x) for x in t.split(':')]
print(sum(v * 60 ** i for i, v in enumerate(reversed(p))))" "$work/verbose")
        peak=$(awk '/Maximum resident set size/ {print $6}' "$work/verbose")
        python3 -c "
import sys
s, t, p = map(float, sys.argv[1:])
print(f'{\"corpus\":<24} {s/1e6:9.0f} {t:8.1f} {s/1e6/t:9.1f} {p/1024:9.0f}')" "$size" "$secs" "$peak"
        rm -f "$work/corpus.jsonl"
    done
fi
