#!/usr/bin/env python3
"""A gazetteer from the official Wikidata JSON dump (see gazetteer/wikidata.py):

    python3 scripts/build_wikidata_gazetteer.py latest-all.json.gz -o news.jsonl.gz
    byline annotate --gazetteer news.jsonl.gz --with-default corpus.jsonl
"""

import sys

from gazetteer.wikidata import main

if __name__ == "__main__":
    sys.exit(main())
