"""Extract: one article to its `EventMention`s.

Takes an `Article`; runs the spaCy pipeline (councils, dates, event triggers) and gives each
dated event it reports, with its council, type, date, status, people and sentence, plus the
article's syndication signature. Entry point: `analysis.analyse_article`.
"""
