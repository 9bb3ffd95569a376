#!/usr/bin/env python3
"""Build the default gazetteer embedded in the byline-gazetteer crate.

Reads the open data in ``../shared/data/gazetteer-sources/`` (one folder per
source, each with its SOURCE.txt and licence) and writes, deterministically:

* ``crates/byline-gazetteer/data/default.jsonl.gz``: one entry a line,
  ``{"id", "name", "label", "aliases", "weight"}`` and optionally
  ``"case": "exact"``;
* ``crates/byline-gazetteer/data/first_names.tsv.gz``: first names with their
  female and male frequency in the 1990 US Census.

``--check`` verifies the written files: the entities of the seed article are
present with their label and alias, no alias is a forbidden common word, and
it prints counts per label. Standard library only (Python 3.9+).
"""

import sys

from gazetteer.build import main

if __name__ == "__main__":
    sys.exit(main())
