"""The spaCy pipeline: a blank English tokenizer plus chronicle's registered components.

    chronicle_sentences_v1   sentence starts at full stops and at line breaks
    chronicle_councils_v1    the council gazetteer  → doc.spans["councils"] (label: official name)
    chronicle_timex_tagger_v1 the temporal tagger   → doc._.timexes, doc.spans["timex"]
    chronicle_events_v1      event trigger words    → doc.spans["triggers"] (label: event type)

Every component is cheap (phrase matching or compiled regexes over the text), so the
whole pipeline runs at tokenizer speed; no statistical model is needed. Anyone can add
these components to their own pipeline with `nlp.add_pipe("chronicle_councils_v1")`.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from models.councils import load_gazetteer
from models.vocabulary import SPECIFICITY, TRIGGERS
from pipeline.timex.alternation import Alternation
from pipeline.timex.component import FACTORY_NAME as TIMEX_FACTORY
from pipeline.timex.component import register_doc_extensions, set_doc_data, text_of

register_doc_extensions()

SENTENCE_END = frozenset({".", "!", "?", "…"})
CLOSERS = frozenset({'"', "”", "’", "'", ")"})
TRIGGER_SCAN = Alternation([trigger.pattern for trigger in TRIGGERS], re.I)
"""One alternation of every trigger: one pass over the text finds them all."""


@Language.component("chronicle_sentences_v1")
def split_sentences(doc: Doc) -> Doc:
    """Sentence starts after sentence-final punctuation (and closing quotes) and after line breaks.

    spaCy's sentencizer ignores line breaks, but in articles every paragraph ends a sentence,
    and captions or headlines without a full stop must not run into the next paragraph.
    The starts are worked out on the token array, the marks read from lexeme flags, and set in
    one `from_array` call: a Python loop over tokens, or setting `token.is_sent_start` one at a
    time, costs more than the rest of the pipeline together."""
    if not len(doc):
        return doc
    ends, closers, breaks = doc.to_array(_mark_flags(doc.vocab)).T.astype(bool)
    after = numpy.zeros(len(doc), dtype=bool)
    after[1:] = (ends[:-1] & ~closers[1:]) | breaks[:-1]
    after[2:] |= closers[1:-1] & ends[:-2]  # a closing quote stays with its sentence
    after[0] = True
    starts = numpy.where(after, 1, -1).astype("int64")
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))  # -1 wraps, as spaCy stores it
    return doc


def _is_sentence_end(word: str) -> bool:
    return word in SENTENCE_END


def _is_closer(word: str) -> bool:
    return word in CLOSERS


def _is_line_break(word: str) -> bool:
    return word.isspace() and "\n" in word


MARKS = (_is_sentence_end, _is_closer, _is_line_break)


def _mark_flags(vocab: Vocab) -> list[int]:
    """The lexeme flags of `MARKS`, added to the vocabulary on first use: spaCy then sets them on
    each word once, as it enters the vocabulary, and `to_array` reads them for every token in C
    (comparing token hashes with numpy, and a loop over the space tokens, cost twice as much)."""
    flags = {getter: flag for flag, getter in vocab.lex_attr_getters.items()}
    return [flags[mark] if mark in flags else vocab.add_flag(mark) for mark in MARKS]


class CouncilTagger:
    """Marks every mention of an English children's-services authority, by any alias the press uses."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.headings = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_council: dict[str, list[str]] = {}
        for alias, council in load_gazetteer().aliases().items():
            by_council.setdefault(council.name, []).extend(_spellings(alias))
        for name, aliases in by_council.items():
            self.matcher.add(name, list(nlp.tokenizer.pipe(aliases)))
            self.headings.add(name, list(nlp.tokenizer.pipe({alias.upper() for alias in aliases} - set(aliases))))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=key) for key, start, end in self.matcher(doc)]
        spans += [span for key, start, end in self.headings(doc)
                  if _fills_its_line(doc.text, span := Span(doc, start, end, label=key))]
        doc.spans["councils"] = filter_spans(spans)
        return doc


def _fills_its_line(text: str, span: Span) -> bool:
    """Whether a council named in capitals stands alone on its line, as a section's heading does
    in a blog's roundup ("BRADFORD", then its bullets): in capitals elsewhere, "READING" or
    "BURY" is more often a word of a shouted headline or a menu."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    return not text[line_start : span.start_char].strip() and not text[span.end_char : line_end if line_end >= 0 else len(text)].strip()


def _spellings(alias: str) -> set[str]:
    """The alias as written, and with its first word in capitals, as regional papers open a story
    ("WORCESTERSHIRE County Council has…"). Matching is case-sensitive so that "Reading" the town
    is not "reading" the verb."""
    first, _, rest = alias.partition(" ")
    return {alias, f"{first.upper()} {rest}".strip()}


@Language.factory("chronicle_councils_v1")
def make_council_tagger(nlp: Language, name: str) -> CouncilTagger:
    return CouncilTagger(nlp)


@Language.component("chronicle_events_v1")
def tag_triggers(doc: Doc) -> Doc:
    """Marks the words that signal an event; span label = event type, span id = trigger index."""
    spans = []
    for index, match in TRIGGER_SCAN.finditer(text_of(doc)):
        span = doc.char_span(match.start(), match.end(), label=TRIGGERS[index].type, alignment_mode="expand")
        if span is not None:
            span.id_ = str(index)
            spans.append(span)
    doc.spans["triggers"] = _most_specific(spans)
    return doc


def _most_specific(spans: list[Span]) -> list[Span]:
    """Where triggers overlap, keep the more specific type, then the longer span."""
    ranked = sorted(spans, key=lambda s: (-SPECIFICITY.get(s.label_, 1), -(s.end - s.start), s.start))
    kept: list[Span] = []
    taken: set[int] = set()
    for span in ranked:
        if not taken.intersection(range(span.start, span.end)):
            kept.append(span)
            taken.update(range(span.start, span.end))
    return sorted(kept, key=lambda s: s.start)


@cache
def load_pipeline() -> Language:
    """chronicle's pipeline, built once per process."""
    nlp = spacy.blank("en")
    nlp.add_pipe("chronicle_sentences_v1")
    nlp.add_pipe("chronicle_councils_v1")
    nlp.add_pipe(TIMEX_FACTORY)
    nlp.add_pipe("chronicle_events_v1")
    return nlp


def reanchored(doc: Doc, published: dt.date | None) -> Doc:
    """The analysed doc as if published on another day: only its time expressions depend on the
    date, so only they are tagged again (sentences, councils and triggers stay)."""
    set_doc_data(doc, published, "published")
    return load_pipeline().get_pipe(TIMEX_FACTORY)(doc)


def analyse(text: str, published: dt.date | None) -> Doc:
    """Run the pipeline on one (masked) article body anchored on its publication date."""
    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    set_doc_data(doc, text, "source")
    set_doc_data(doc, published, "published")
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
