#!/usr/bin/env bash
# Peak memory and time of `byline annotate` (release build) over Parquet corpora of 100 MB and
# 1 GB, Parquet in and Parquet out: memory that stays bounded gives the same peak for both.
#
#   bash benches/scripts/parquet_memory.sh
#   SIZES_MB="100 1000" THREADS=2 bash benches/scripts/parquet_memory.sh
#   BYLINE_CLI=path/to/byline PYTHON=path/to/python bash benches/scripts/parquet_memory.sh
#
# The corpora are the PolNeAR texts (train and dev) repeated until the size is reached, with
# id, date and outlet columns, written by pyarrow (PYTHON must import it) in row groups of
# 10,000 rows, uncompressed and without dictionaries: a SIZE MB corpus is SIZE MB on disk. The
# output goes to /dev/null (the Parquet writer still holds each row group until it is written).
# They are made under a temporary folder (in $TMPDIR) and deleted on exit.
#
# Needs ../shared beside the repository (or BYLINE_SHARED), and GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."

shared="${BYLINE_SHARED:-$PWD/../shared}"
polnear="$shared/data/quotes/polnear"
if [[ ! -f "$polnear/train.jsonl" ]]; then
    echo "note: $polnear/train.jsonl is missing (set BYLINE_SHARED); nothing to measure" >&2
    exit 0
fi
if [[ -z "${BYLINE_CLI:-}" ]]; then
    cargo build --release -p byline-cli --quiet
    BYLINE_CLI="${CARGO_TARGET_DIR:-$PWD/target}/release/byline"
fi
PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import pyarrow' 2>/dev/null || {
    echo "needs pyarrow for $PYTHON (pip install pyarrow, or set PYTHON)" >&2
    exit 2
}
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
SIZES_MB="${SIZES_MB:-100 1000}"
THREADS="${THREADS:-2}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for mb in $SIZES_MB; do
    corpus="$work/corpus-$mb.parquet"
    "$PYTHON" - "$polnear" "$mb" "$corpus" <<'PY'
import json, sys
import pyarrow as pa
import pyarrow.parquet as pq

polnear, mb, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = []
for name in ("train.jsonl", "dev.jsonl"):
    with open(f"{polnear}/{name}", encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
outlets = ["bbc", "npr", "breitbart", "reuters"]
target = int(mb * 1e6)
schema = pa.schema([("id", pa.string()), ("text", pa.string()), ("date", pa.date32()),
                    ("outlet", pa.string())])
writer = pq.ParquetWriter(path, schema, compression="none", use_dictionary=False)
written, n, rows = 0, 0, {"id": [], "text": [], "date": [], "outlet": []}
while written < target:
    text = texts[n % len(texts)]
    rows["id"].append(f"doc-{n}")
    rows["text"].append(text)
    rows["date"].append(17000 + n % 1000)
    rows["outlet"].append(outlets[n % len(outlets)])
    written += len(text.encode("utf-8"))
    n += 1
    if len(rows["id"]) == 10_000 or written >= target:
        rows["date"] = pa.array(rows["date"], pa.int32()).cast(pa.date32())
        writer.write_table(pa.table(rows, schema=schema))
        rows = {"id": [], "text": [], "date": [], "outlet": []}
writer.close()
print(f"{n} documents, {written / 1e6:.0f} MB of text", file=sys.stderr)
PY
    size=$(stat -c %s "$corpus")
    "$TIME" -v "$BYLINE_CLI" annotate "$corpus" --keep date,outlet --threads "$THREADS" \
        --quiet --output-format parquet -o /dev/null 2>"$work/time.txt" || {
        cat "$work/time.txt" >&2
        exit 1
    }
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
    user=$(awk -F': ' '/User time/ {print $2}' "$work/time.txt")
    sys=$(awk -F': ' '/System time/ {print $2}' "$work/time.txt")
    printf 'parquet %5d MB (%d bytes on disk), %s threads: peak RSS %d MiB, wall %s, CPU %.1f s\n' \
        "$mb" "$size" "$THREADS" $((rss / 1024)) "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
    rm -f "$corpus"
done
