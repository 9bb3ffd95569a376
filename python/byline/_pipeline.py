"""``byline.Pipeline``: annotate one text, or stream many over several threads."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import (
    Any,
    Literal,
    TypeVar,
    Union,
    overload,
)

from byline import _byline
from byline._byline import Document
from byline._gazetteer import Gazetteer, PathLike, Record
from byline.errors import ArgumentTypeError, InputError

__all__ = ["Pipeline"]

C = TypeVar("C")

GazetteerSource = Union[
    Gazetteer, PathLike, Iterable[Record], Sequence[Union[Gazetteer, PathLike]], None
]


def _gazetteers(source: Any) -> list[Gazetteer]:
    """The gazetteers a ``gazetteer=`` argument names."""
    if source is None:
        return []
    if isinstance(source, Gazetteer):
        return [source]
    if isinstance(source, (str, os.PathLike)):
        return [Gazetteer.from_file(source)]
    if isinstance(source, (bytes, bytearray)) or not isinstance(source, Iterable):
        raise ArgumentTypeError(
            "gazetteer= takes a path, a list of paths, records or a Gazetteer, "
            f"not {type(source).__name__}"
        )
    items = list(source)
    if items and all(isinstance(i, (Gazetteer, str, os.PathLike)) for i in items):
        return [i if isinstance(i, Gazetteer) else Gazetteer.from_file(i) for i in items]
    return [Gazetteer(items)]


class Pipeline:
    """The byline pipeline: sentences and tokens, entity mentions, and quotations with their
    cue and speaker.

    ``Pipeline()`` uses the embedded default gazetteer. ``gazetteer=`` takes a file path, a
    list of paths, records (dicts with ``name``, ``label``, ``id``, ``aliases``) or a
    :class:`Gazetteer`; it replaces the default unless ``with_default=True``.
    ``entities=False`` or ``quotes=False`` switch those stages off; ``pos=False`` leaves
    tokens without parts of speech, and ``entity_model=False`` takes entity mentions from the
    gazetteer and its name rules alone (both are on by default).

    >>> nlp = Pipeline()
    >>> doc = nlp("Moscow said no. Kyiv said yes.")
    >>> [s.text for s in doc.sentences]
    ['Moscow said no.', 'Kyiv said yes.']
    """

    def __init__(
        self,
        gazetteer: GazetteerSource = None,
        *,
        with_default: bool = False,
        entities: bool = True,
        quotes: bool = True,
        pos: bool = True,
        entity_model: bool = True,
        n_threads: int | None = None,
    ) -> None:
        if n_threads is not None and (
            not isinstance(n_threads, int) or isinstance(n_threads, bool)
        ):
            raise ArgumentTypeError(
                f"n_threads must be a positive int (or 0 for one per CPU), got {n_threads!r}"
            )
        if n_threads is not None and n_threads < 0:
            raise InputError(
                f"n_threads must be a positive int (or 0 for one per CPU), got {n_threads!r}"
            )
        self._gazetteers = _gazetteers(gazetteer)
        self._with_default = bool(with_default)
        self._entities = bool(entities)
        self._quotes = bool(quotes)
        self._pos = bool(pos)
        self._entity_model = bool(entity_model)
        self._n_threads = n_threads
        self._native = _byline.Pipeline(
            [g._native for g in self._gazetteers],
            with_default=self._with_default,
            entities=self._entities,
            quotes=self._quotes,
            pos=self._pos,
            entity_model=self._entity_model,
        )

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer the entity stage matches against."""
        return Gazetteer._wrap(self._native.gazetteer)

    @property
    def n_threads(self) -> int:
        """Threads used by :meth:`pipe` when it is not given ``n_threads``."""
        if self._n_threads:
            return self._n_threads
        return _byline.default_threads()

    def __call__(self, text: str, *, id: str | None = None) -> Document:
        """Annotates one text. Raises :class:`ArgumentTypeError` (a :class:`BylineError` and a
        ``TypeError``) when ``text`` is not a ``str``."""
        return self._native.annotate(text, id)

    @overload
    def pipe(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = ...,
        n_threads: int | None = ...,
        as_tuples: Literal[False] = ...,
        progress: bool = ...,
        total: int | None = ...,
    ) -> Iterator[Document]: ...

    @overload
    def pipe(
        self,
        texts: Iterable[tuple[str, C]],
        *,
        batch_size: int = ...,
        n_threads: int | None = ...,
        as_tuples: Literal[True],
        progress: bool = ...,
        total: int | None = ...,
    ) -> Iterator[tuple[Document, C]]: ...

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 256,
        n_threads: int | None = None,
        as_tuples: bool = False,
        progress: bool = False,
        total: int | None = None,
    ) -> Iterator[Any]:
        """Annotates a stream of texts, ``batch_size`` at a time on ``n_threads`` threads
        (default: the pipeline's, ``BYLINE_NUM_THREADS``, or one per CPU) with the GIL
        released, and yields documents in input order as each batch is done.

        With ``as_tuples=True`` the items are ``(text, context)`` pairs and ``(doc, context)``
        pairs are yielded, as in spaCy. Documents get their position in the stream as ``id``
        (``"0"``, ``"1"``, ...), as the command does. ``progress=True`` shows a tqdm bar when
        tqdm is installed. A text that cannot be annotated raises :class:`BylineError` when its
        turn comes.
        """
        if isinstance(texts, (str, bytes)) or not isinstance(texts, Iterable):
            raise ArgumentTypeError(
                "pipe() takes an iterable of texts; for one text call the pipeline, "
                f"not {type(texts).__name__}"
            )
        if not isinstance(batch_size, int) or isinstance(batch_size, bool):
            raise ArgumentTypeError(f"batch_size must be a positive int, got {batch_size!r}")
        if batch_size < 1:
            raise InputError(f"batch_size must be a positive int, got {batch_size!r}")
        if n_threads is None:
            n_threads = self.n_threads
        elif not isinstance(n_threads, int) or isinstance(n_threads, bool):
            raise ArgumentTypeError(f"n_threads must be a positive int, got {n_threads!r}")
        elif n_threads < 0:
            raise InputError(f"n_threads must be a positive int, got {n_threads!r}")
        if total is None and hasattr(texts, "__len__"):
            total = len(texts)  # type: ignore[arg-type]
        return self._pipe(iter(texts), batch_size, n_threads, as_tuples, progress, total)

    def _pipe(
        self,
        items: Iterator[Any],
        batch_size: int,
        n_threads: int,
        as_tuples: bool,
        progress: bool,
        total: int | None,
    ) -> Iterator[Any]:
        bar = _progress_bar(total) if progress else None
        position = 0
        try:
            while True:
                batch = list(islice(items, batch_size))
                if not batch:
                    break
                contexts: list[Any] = []
                if as_tuples:
                    texts = []
                    for i, item in enumerate(batch):
                        if not isinstance(item, tuple) or len(item) != 2:
                            raise InputError(f"item {position + i} is not a (text, context) pair")
                        texts.append(item[0])
                        contexts.append(item[1])
                else:
                    texts = batch
                docs = self._native.annotate_batch(texts, n_threads, position)
                position += len(docs)
                if bar is not None:
                    bar.update(len(docs))
                for i, doc in enumerate(docs):
                    if isinstance(doc, BaseException):
                        raise doc
                    yield (doc, contexts[i]) if as_tuples else doc
        finally:
            if bar is not None:
                bar.close()

    def __getstate__(self) -> dict[str, Any]:
        return {
            "gazetteers": [g.to_bytes() for g in self._gazetteers],
            "with_default": self._with_default,
            "entities": self._entities,
            "quotes": self._quotes,
            "pos": self._pos,
            "entity_model": self._entity_model,
            "n_threads": self._n_threads,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(  # type: ignore[misc]
            [Gazetteer.from_bytes(b) for b in state["gazetteers"]] or None,
            with_default=state["with_default"],
            entities=state["entities"],
            quotes=state["quotes"],
            pos=state.get("pos", True),
            entity_model=state.get("entity_model", True),
            n_threads=state["n_threads"],
        )

    def __repr__(self) -> str:
        stages = ["tokens"]
        if self._pos:
            stages.append("pos")
        if self._entities:
            stages.append("entities")
            if self._entity_model:
                stages.append("entity_model")
        if self._quotes:
            stages.append("quotes")
        gazetteer = "default" if not self._gazetteers else f"{len(self._gazetteers)} given"
        if self._gazetteers and self._with_default:
            gazetteer += " + default"
        return f"Pipeline(stages={stages}, gazetteer={gazetteer!r})"


def _progress_bar(total: int | None) -> Any:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        warnings.warn(
            "progress=True needs tqdm (pip install tqdm); going on without a bar", stacklevel=3
        )
        return None
    return tqdm(total=total, unit="doc", desc="byline")
