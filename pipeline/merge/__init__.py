"""Merge: the mentions of the whole archive to events.

Takes every article's mentions (and the copies syndication finds); gives one `Event` per
real-world event, citing every source, ordered into a council's chronology.
Entry points: `syndication.CopyFinder`, `dedupe.cluster`, `chronology.council_chronology`.
"""
