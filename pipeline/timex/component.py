"""The temporal tagger as a spaCy pipe, and the doc data chronicle's pipes share. Apart from
`pipeline.timex.tagger` so that tagging a sentence (as dating does, trying words on candidate
days) never imports spaCy."""
from __future__ import annotations

from functools import partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.timex.tagger import tag

FACTORY_NAME = "chronicle_timex_tagger_v1"

DOC_DATA = ("published", "timexes", "source")
"""chronicle's doc extensions: `doc._.published` (the anchor, a date or None), `doc._.timexes`
(the result) and `doc._.source` (the text the doc was made from, when the caller kept it)."""


def register_doc_extensions() -> None:
    """The extensions of `DOC_DATA`, kept in `doc.user_data` under chronicle's own keys, where the
    pipeline reads and writes them directly (`doc_data`): each `doc._` builds an accessor object,
    which costs more than the read (~5 µs, nine times an article)."""
    for name in DOC_DATA:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=partial(doc_data, name=name), setter=partial(set_doc_data, name=name))


def doc_data(doc: Doc, name: str) -> Any:
    """`doc._.<name>` for a name of `DOC_DATA` (None when unset)."""
    return doc.user_data.get(_user_data_key(name))


def set_doc_data(doc: Doc, value: Any, name: str) -> None:
    """`doc._.<name> = value` for a name of `DOC_DATA` (the value first, as spaCy passes it to a setter)."""
    doc.user_data[_user_data_key(name)] = value


def _user_data_key(name: str) -> tuple[str, str]:
    return ("chronicle", name)


def text_of(doc: Doc) -> str:
    """The doc's text: the string it was made from when known, since spaCy rebuilds `doc.text`
    from every token on each access (a fifth of the pipeline's time when read three times)."""
    source = doc_data(doc, "source")
    return source if source is not None else doc.text


class TimexComponent:
    """spaCy pipe: tags doc.text with `tag()`, anchored on `doc._.published`."""

    def __call__(self, doc: Doc) -> Doc:
        timexes = tag(text_of(doc), doc_data(doc, "published"))
        set_doc_data(doc, timexes, "timexes")
        spans = [doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand") for t in timexes]
        doc.spans["timex"] = [span for span in spans if span is not None]
        return doc


# spaCy forbids "." in factory names, hence underscores.
@Language.factory(FACTORY_NAME)
def make_timex_component(nlp: Language, name: str) -> TimexComponent:
    register_doc_extensions()
    return TimexComponent()
