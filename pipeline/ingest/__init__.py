"""Ingest: paths in, `Article`s out.

Takes files, directories and standard input in every format chronicle reads (text with front
matter, saved HTML pages, JSON and JSON Lines exports, WARC crawls, gzipped or not); gives one
`Article` per story, with its publication date and how it was known, its text cleaned of site
furniture, or one `Problem` per input that could not be read. Entry point: `read.read_paths`.
"""
