"""Score chronicle's temporal tagger, and dateparser's search_dates as a baseline, on TempEval-3.

    python bench/timex_eval.py [TBAQ_DIR] [--out DIR] [--errors FILE]

Exports the TimeML files with the acceptance scorer (`timex_score.py export`), tags each exported
body (the front matter's `published:` date is the anchor), writes one predictions JSONL per
system into DIR and scores both with `timex_score.py score`. The data is read in place and
never copied into the repository. `--errors` writes the tagger's misses and false alarms.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Callable, Iterable, Iterator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.timex.tagger import tag  # noqa: E402

SCORER = Path("/work/shared/acceptance/timex_score.py")
DEFAULT_TBAQ = REPO.parent / "shared" / "data" / "tempeval3" / "tbaq"
FRONT_MATTER_END = "\n---\n"

Prediction = dict[str, object]
Tagger = Callable[[str, dt.date], Iterable[Prediction]]


def read_article(path: Path) -> tuple[str, dt.date]:
    """The body after the front matter, and the `published:` date in it."""
    text = path.read_text(encoding="utf-8")
    closing = text.index(FRONT_MATTER_END, 3)
    published = next(line.split(":", 1)[1].strip() for line in text[:closing].splitlines()
                     if line.startswith("published:"))
    return text[closing + len(FRONT_MATTER_END):], dt.date.fromisoformat(published)


def chronicle_tagger(body: str, anchor: dt.date) -> Iterator[Prediction]:
    for timex in tag(body, anchor):
        yield {"start": timex.start, "end": timex.end, "text": timex.text,
               "type": timex.type, "value": timex.value}


def dateparser_tagger() -> Tagger:
    """dateparser's search_dates, mapped to DATE timexes; the value's precision follows the
    granularity dateparser reports for the matched string (day, month or year)."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    def run(body: str, anchor: dt.date) -> Iterator[Prediction]:
        settings = {"RELATIVE_BASE": dt.datetime.combine(anchor, dt.time())}
        parser = DateDataParser(languages=["en"], settings=settings)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(body, languages=["en"], settings=settings) or []
        position = 0
        for phrase, moment in found:
            start = body.find(phrase, position)
            if start < 0:
                continue
            position = start + len(phrase)
            yield {"start": start, "end": position, "text": phrase, "type": "DATE",
                   "value": dateparser_value(parser, phrase, moment)}

    return run


def dateparser_value(parser: "DateDataParser", phrase: str, moment: dt.datetime) -> str:  # noqa: F821
    """The ISO value at the precision dateparser reports for the phrase ("May 2010" -> 2010-05)."""
    period = parser.get_date_data(phrase).period or "day"
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return moment.date().isoformat()


def predict(export_dir: Path, tagger: Tagger, out_path: Path) -> None:
    with out_path.open("w", encoding="utf-8") as stream:
        for path in sorted(export_dir.glob("*.txt")):
            body, anchor = read_article(path)
            for prediction in tagger(body, anchor):
                stream.write(json.dumps({"article": path.name, **prediction}, ensure_ascii=False) + "\n")


def score(export_dir: Path, predictions: Path) -> dict:
    result = subprocess.run([sys.executable, str(SCORER), "score", str(export_dir), str(predictions), "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout)


def print_table(results: dict[str, dict]) -> None:
    columns = [("relaxed P", "relaxed", "precision"), ("relaxed R", "relaxed", "recall"),
               ("relaxed F1", "relaxed", "f1"), ("strict P", "strict", "precision"),
               ("strict R", "strict", "recall"), ("strict F1", "strict", "f1"),
               ("type F1", "type", "f1"), ("value F1", "value", "f1")]
    print(f"{'system':<12}" + "".join(f"{label:>12}" for label, *_ in columns))
    for system, result in results.items():
        print(f"{system:<12}" + "".join(f"{100 * result[group][key]:>12.1f}" for _, group, key in columns))


def write_errors(export_dir: Path, predictions: Path, out: Path) -> None:
    """One line per gold timex missed or mis-valued and per false alarm, with context."""
    by_article: dict[str, list[dict]] = {}
    for line in predictions.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_article.setdefault(record["article"].removesuffix(".txt"), []).append(record)
    lines = []
    for gold_path in sorted(export_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        body, anchor = read_article(export_dir / f"{name}.txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        predicted = by_article.get(name, [])
        for g in gold:
            match = next((p for p in predicted if p["start"] < g["end"] and g["start"] < p["end"]), None)
            where = body[max(0, g["start"] - 50):g["end"] + 30].replace("\n", " ")
            if match is None:
                lines.append(f"MISS\t{anchor}\t{g['text']!r}\t{g['type']}\t{g['value']}\t{where}")
            elif (match["start"], match["end"]) != (g["start"], g["end"]) or match["value"] != g["value"]:
                lines.append(f"DIFF\t{anchor}\tgold={g['text']!r} {g['type']} {g['value']}\t"
                             f"ours={match['text']!r} {match['type']} {match['value']}\t{where}")
        for p in predicted:
            if not any(p["start"] < g["end"] and g["start"] < p["end"] for g in gold):
                where = body[max(0, p["start"] - 50):p["end"] + 30].replace("\n", " ")
                lines.append(f"FALSE\t{anchor}\t{p['text']!r}\t{p['type']}\t{p['value']}\t{where}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tbaq", type=Path, nargs="?", default=DEFAULT_TBAQ, help="folder of TimeML .tml files")
    parser.add_argument("--out", type=Path, help="where to export and write predictions (default: a temp dir)")
    parser.add_argument("--errors", type=Path, help="write the tagger's errors here")
    parser.add_argument("--skip-dateparser", action="store_true", help="score the tagger only")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="timex_eval_"))
    export_dir = out / "export"
    subprocess.run([sys.executable, str(SCORER), "export", str(args.tbaq), str(export_dir)],
                   check=True, stdout=subprocess.DEVNULL)
    systems: dict[str, Tagger] = {"chronicle": chronicle_tagger}
    if not args.skip_dateparser:
        systems["dateparser"] = dateparser_tagger()
    results = {}
    for name, tagger in systems.items():
        predictions = out / f"{name}.jsonl"
        predict(export_dir, tagger, predictions)
        results[name] = score(export_dir, predictions)
    print_table(results)
    if args.errors:
        write_errors(export_dir, out / "chronicle.jsonl", args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
