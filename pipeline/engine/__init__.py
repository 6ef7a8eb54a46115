"""Engine: running the job, from paths to a stored chronology.

Takes the command line's paths and options; runs ingest and extract in worker processes or on a
Dask cluster (`engines`), files the results in an on-disk workspace, caches and resumes, merges
council by council, and gives a `ChronologyView` for the renderers. Entry point:
`build.build_on_disk`.
"""
