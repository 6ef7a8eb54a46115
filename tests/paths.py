"""Where the tests find the repository's files, wherever a test module sits."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_articles"
DATA = REPO / "tests" / "data"
