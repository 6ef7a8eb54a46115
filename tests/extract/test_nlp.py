"""The pipeline's sentence splitter, checked token by token against its rules."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.nlp import CLOSERS, SENTENCE_END, load_pipeline, split_sentences
from tests.paths import SAMPLES


def starts_by_the_rules(doc: Doc) -> list[bool]:
    """A sentence starts after an end mark not followed by a closer, after a line break, and
    after a closer that follows an end mark."""
    texts = [token.text for token in doc]
    ends = [text in SENTENCE_END for text in texts]
    breaks = [text.isspace() and "\n" in text for text in texts]
    closers = [text in CLOSERS for text in texts]
    return [
        i == 0
        or (ends[i - 1] and not closers[i])
        or breaks[i - 1]
        or (i >= 2 and closers[i - 1] and ends[i - 2])
        for i in range(len(texts))
    ]


def test_sentence_starts_follow_the_rules_on_the_sample_corpus() -> None:
    nlp = load_pipeline()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.rglob("*.txt"))]
    texts.append("He said “It is over.” Then left!\n\nNext… para (quoted.) ’Tis 'done.' \n \nEnd?")
    for text in texts:
        doc = split_sentences(nlp.make_doc(text))
        assert [token.is_sent_start for token in doc] == starts_by_the_rules(doc)


def test_an_empty_text_has_no_sentences() -> None:
    assert len(split_sentences(load_pipeline().make_doc(""))) == 0


def test_a_council_of_several_words_in_capitals_counts_only_alone_on_its_line() -> None:
    doc = load_pipeline()("TOWER HAMLETS\n- Inspected in May\nNEWS FROM TOWER HAMLETS TODAY\n")
    assert [(span.text, span.label_) for span in doc.spans["councils"]] == [("TOWER HAMLETS", "London Borough of Tower Hamlets")]
