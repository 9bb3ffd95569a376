"""The exceptions byline raises.

Every error is a :class:`BylineError`. Bad gazetteer data and bad input are also
:class:`ValueError`, and an argument of the wrong type is also a :class:`TypeError`, so code that
already catches the built-in classes keeps working. Where the error comes from a file, ``file``
and ``line`` say where (``line`` counts from 1).
"""

from __future__ import annotations

from typing import Any

__all__ = ["ArgumentTypeError", "BylineError", "GazetteerError", "InputError"]


class BylineError(Exception):
    """Base class of every error byline raises (an internal failure is raised as this class).

    >>> try:
    ...     raise BylineError("boom", file="names.csv", line=3)
    ... except BylineError as e:
    ...     (e.message, e.file, e.line)
    ('boom', 'names.csv', 3)
    """

    message: str
    file: str | None
    line: int | None

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.message, self.file, self.line))


class GazetteerError(BylineError, ValueError):
    """A gazetteer could not be read or built: a bad file, record, label or alias."""


class InputError(BylineError, ValueError):
    """A text or an argument byline cannot take (not a ``str``, a lone surrogate, a bad option)."""


class ArgumentTypeError(InputError, TypeError):
    """An argument of the wrong type: a number where a text or a path is needed, a string where
    documents are. An :class:`InputError` (so a ``ValueError``) and a ``TypeError`` too.

    >>> import byline
    >>> try:
    ...     byline.Pipeline(123)
    ... except TypeError as e:
    ...     isinstance(e, byline.BylineError)
    True
    """


def _rebuild(
    cls: type[BylineError], message: str, file: str | None, line: int | None
) -> BylineError:
    return cls(message, file=file, line=line)
