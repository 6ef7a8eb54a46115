"""Timex: the temporal tagger, a spaCy component (`chronicle_timex_tagger_v1`) and its rules.

Takes a text and its anchor (the publication date, when known); gives TIMEX3 expressions
(type, value, extent) resolved against the anchor and the tense around them.
Entry point: `tagger.tag`, or the component on a spaCy pipeline.
"""
