"""JSON documents written piece by piece, byte for byte as if serialised whole.

A document is serialised once with its big arrays left empty (the skeleton, small), and each
empty array is then replaced by its items, each serialised on its own at indent 2 and indented
to its depth. Both json.dumps and pydantic lay out an indented array the same way ("[]" when
empty; otherwise one item per line, a comma after all but the last, the "]" back at the key's
indent), and a newline only ever appears between tokens (one inside a string is escaped), so
indenting an item is adding spaces after each of its newlines.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

ITEM_INDENT = " " * 4
"""Items of an array under a top-level key: two levels of indent=2."""


def with_arrays(skeleton: str, arrays: dict[str, Iterable[str]]) -> Iterator[str]:
    """The skeleton (a top-level object serialised with indent=2, each key of `arrays` an empty
    array in it, in order) with each array's items, already serialised, written in its place."""
    rest = skeleton
    for key, items in arrays.items():
        label = f'\n  "{key}": '
        head, found, rest = rest.partition(label + "[]")
        if not found:
            raise ValueError(f"no empty top-level array {key!r} in the skeleton")
        yield head + label
        yield from _array(items)
    yield rest


def _array(items: Iterable[str]) -> Iterator[str]:
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + ITEM_INDENT
        yield item.replace("\n", "\n" + ITEM_INDENT)  # on its own: a council's item is megabytes, not copied again
        empty = False
    yield "[]" if empty else "\n  ]"
