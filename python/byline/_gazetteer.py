"""``byline.Gazetteer``: the entries the entity stage matches against."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Union

from byline import _byline
from byline._byline import Entity, GazetteerEntry
from byline.errors import GazetteerError

__all__ = ["Gazetteer", "GazetteerEntry", "PathLike", "Record"]

PathLike = Union[str, "os.PathLike[str]"]
#: A record: a mapping with ``name`` and ``label``, and optionally ``id`` (or ``entity_id``),
#: ``aliases`` (a list of strings, or one string with ``|`` between aliases), ``weight`` and
#: ``case``.
Record = Mapping[str, Any]


class Gazetteer:
    """Entries (canonical name, label, Wikidata id, aliases, weight) matched leftmost-longest
    on token boundaries.

    Build one from records, from files (TSV, CSV or JSON Lines), or start from the embedded
    default with :meth:`default`; then :meth:`add` entries, :meth:`lookup` an alias, or
    :meth:`find` every alias in a text.

    >>> g = Gazetteer([{"name": "Northwind Traders", "label": "ORG", "aliases": ["Northwind"]}])
    >>> [(m.text, m.name) for m in g.find("Northwind said sales rose.")]
    [('Northwind', 'Northwind Traders')]
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        records: Iterable[Record] | None = None,
        *,
        files: Sequence[PathLike] = (),
    ) -> None:
        self._native = _byline.Gazetteer()
        for path in files:
            self.add_file(path)
        if records is not None:
            self.add_records(records)

    @classmethod
    def default(cls) -> Gazetteer:
        """The embedded default gazetteer (open data: countries, places, people, organisations)."""
        return cls._wrap(_byline.Gazetteer.default())

    @classmethod
    def from_file(cls, path: PathLike) -> Gazetteer:
        """A gazetteer from one file (TSV, CSV or JSON Lines, told by the extension)."""
        return cls(files=[path])

    @classmethod
    def from_files(cls, paths: Iterable[PathLike]) -> Gazetteer:
        """A gazetteer from several files."""
        return cls(files=list(paths))

    @classmethod
    def from_bytes(cls, data: bytes) -> Gazetteer:
        """A gazetteer saved with :meth:`to_bytes`."""
        return cls._wrap(_byline.Gazetteer.from_bytes(data))

    @classmethod
    def _wrap(cls, native: _byline.Gazetteer) -> Gazetteer:
        g = cls.__new__(cls)
        g._native = native
        return g

    def add(
        self,
        name: str,
        label: str,
        *,
        aliases: Iterable[str] = (),
        entity_id: str | None = None,
        weight: float = 1.0,
        case: str | None = None,
        description: str | None = None,
    ) -> None:
        """Adds one entry; ``label`` is one of PERSON, NORP, FAC, ORG, GPE, LOC, MISC. The name
        is always an alias. ``case`` (``"smart"``, ``"exact"``, ``"insensitive"``) says how the
        text's case must agree with the aliases (default: smart). ``description`` tells the
        entry from others of its name (``"capital of France"``)."""
        if isinstance(aliases, str):
            aliases = [aliases]
        self._native.add(
            name,
            label,
            aliases=list(aliases),
            entity_id=entity_id,
            weight=float(weight),
            case=case,
            description=description,
        )

    def add_records(self, records: Iterable[Record]) -> None:
        """Adds entries from records (mappings with ``name``, ``label`` and optionally ``id``,
        ``aliases``, ``weight``, ``case``, ``description``). A bad record raises :class:`GazetteerError` naming it."""
        if isinstance(records, Mapping):
            records = [records]
        for i, record in enumerate(records):
            self._native_add_record(i, record)

    def _native_add_record(self, i: int, record: Any) -> None:
        where = f"record {i}"
        if not isinstance(record, Mapping):
            raise GazetteerError(f"{where}: expected a mapping, got {type(record).__name__}")
        for field in ("name", "label"):
            if not isinstance(record.get(field), str) or not record.get(field):
                raise GazetteerError(f"{where}: field {field!r} must be a non-empty string")
        aliases = record.get("aliases", ())
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split("|") if a.strip()]
        if not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where}: field 'aliases' must hold strings")
        entity_id = record.get("id", record.get("entity_id"))
        if entity_id is not None and not isinstance(entity_id, str):
            raise GazetteerError(f"{where}: field 'id' must be a string")
        case = record.get("case")
        if case is not None and not isinstance(case, str):
            raise GazetteerError(f"{where}: field 'case' must be a string")
        description = record.get("description")
        if description is not None and not isinstance(description, str):
            raise GazetteerError(f"{where}: field 'description' must be a string")
        weight = record.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, (int, float)):
            raise GazetteerError(f"{where}: field 'weight' must be a number")
        try:
            self.add(
                record["name"],
                record["label"],
                aliases=aliases,
                entity_id=entity_id,
                weight=weight,
                case=case,
                description=description,
            )
        except GazetteerError as e:
            raise GazetteerError(f"{where}: {e.message}") from None

    def add_file(self, path: PathLike) -> None:
        """Adds the entries of a file (TSV, CSV or JSON Lines). A bad line raises
        :class:`GazetteerError` with ``file`` and ``line`` set."""
        self._native.add_file(os.fspath(path))

    def add_gazetteer(self, other: Gazetteer) -> None:
        """Adds every entry of ``other``."""
        self._native.add_gazetteer(other._native)

    def lookup(self, alias: str) -> list[GazetteerEntry]:
        """The entries ``alias`` names, best first (higher weight, then label), each with its
        ``description`` and its ``source`` (the open dataset it came from for the default, the
        file's name for a file, ``None`` for entries added in code); the alias is normalised as
        the matcher does.

        >>> [(e.entity_id, e.description) for e in Gazetteer.default().lookup("Paris")][:1]
        [('Q90', 'capital of France')]
        >>> [e.source for e in Gazetteer.default().lookup("Georgia")][0]
        'datasets/country-codes'
        """
        return self._native.lookup(alias)

    def find(self, text: str) -> list[Entity]:
        """Every alias match in ``text`` (leftmost-longest, token-aligned), code-point offsets."""
        return self._native.find(text)

    def entries(self) -> list[GazetteerEntry]:
        """Every entry, in order."""
        return self._native.entries()

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._native)

    def to_bytes(self) -> bytes:
        """The compiled gazetteer as bytes, for :meth:`from_bytes` (and pickling)."""
        return self._native.to_bytes()

    def __reduce__(self) -> Any:
        return (Gazetteer.from_bytes, (self.to_bytes(),))

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} entries)"
