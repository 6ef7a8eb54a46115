"""Arguments and options shared by several commands, declared once so they behave the same everywhere."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

PathsArgument = Annotated[
    list[str],
    typer.Argument(help="Article files, directories (read recursively) or - for standard input.", show_default=False),
]
OutputOption = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help="Write to FILE (whole or not at all) instead of standard output."),
]
