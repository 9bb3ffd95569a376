"""Builders of the default gazetteer embedded in the byline-gazetteer crate.

One module per source adds that source's entries (``countries``, ``cities``, ``people``,
``parties``, ...); ``model`` holds the gazetteer being built, where entries merge on their id
or name; ``build`` runs the sources in order and ``write`` writes and checks the output.
Adding a source is adding a module with an ``add_...(gaz, src)`` function and naming it in
``build.SOURCES``. Standard library only (Python 3.9+).
"""
