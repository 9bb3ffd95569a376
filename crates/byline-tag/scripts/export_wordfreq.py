"""Export the English word frequencies of wordfreq as `word<TAB>zipf` lines, most frequent first.

The tagger's frequency table (`data/freq.bin`) is built from this list by
`cargo run -p byline-tag --example build_freq -- LIST data/freq.bin`.

    python -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python crates/byline-tag/scripts/export_wordfreq.py > /tmp/wordfreq_en.tsv

wordfreq's data is CC BY-SA 4.0 (Robyn Speer, wordfreq 3.1.1); see the crate's NOTICE.
"""

import sys
from importlib.metadata import version

import wordfreq

LIMIT = 60000

if version("wordfreq") != "3.1.1":
    sys.exit(f"wordfreq 3.1.1 is pinned, found {version('wordfreq')}")

for i, word in enumerate(wordfreq.iter_wordlist("en", wordlist="large")):
    if i >= LIMIT:
        break
    print(f"{word}\t{wordfreq.zipf_frequency(word, 'en', wordlist='large'):.2f}")
