"""A large annotated corpus for measuring `byline report`: copies of annotated JSON Lines with
ids, outlets and dates varied, a quarter of the named speakers renamed and half of the quotations
given distinct words, so the report's bounded tables overflow as they would over real coverage.

    python3 make_report_corpus.py annotated.jsonl /tmp/corpus.jsonl 1000000000
"""

from __future__ import annotations

import json
import sys


def main(source: str, target: str, size: int) -> None:
    with open(source, encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    outlets = [f"outlet-{i:02d}" for i in range(20)]
    written, copy = 0, 0
    with open(target, "w", encoding="utf-8") as out:
        while written < size:
            for d in docs:
                e = dict(d)
                e["id"] = f"{d['id']}-{copy}"
                e["outlet"] = outlets[(copy + len(d["id"])) % 20]
                day = 1 + (copy * 7 + len(d["id"])) % 28
                e["published"] = f"2024-{1 + copy % 12:02d}-{day:02d}T09:00:00Z"
                quotes = []
                for i, q in enumerate(d["quotes"]):
                    q = dict(q)
                    if (i + copy) % 2 == 0:
                        q["text"] = q["text"] + f" update {copy}"
                    speaker = q.get("speaker")
                    if speaker and speaker.get("name") and (i + copy) % 4 == 0:
                        speaker = dict(
                            speaker, name=f"{speaker['name']} {copy}", entity_id=None
                        )
                        q["speaker"] = speaker
                    quotes.append(q)
                e["quotes"] = quotes
                line = json.dumps(e, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
            copy += 1
    print(f"{written} bytes, {copy} copies of {len(docs)} documents")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
