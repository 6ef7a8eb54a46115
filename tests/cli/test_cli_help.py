"""Every command and option explains itself, with an example (the sqlite-utils rule)."""
from __future__ import annotations

from importlib.metadata import version

import click
import typer
from typer.testing import CliRunner

from cli.main import app
from pipeline.render import FILE_WRITERS, FORMATS
from tests.paths import REPO

BUILT_IN = {"help", "install_completion", "show_completion"}


def commands(command: click.Command, path: str = "chronicle"):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, f"{path} {name}")


def test_every_command_and_option_has_help_with_an_example() -> None:
    missing = []
    for path, command in commands(typer.main.get_command(app)):
        if "Example:" not in (command.help or ""):
            missing.append(path)
        for param in command.params:
            if param.name in BUILT_IN:
                continue
            if "Example:" not in (getattr(param, "help", None) or ""):
                missing.append(f"{path} {param.name}")
    assert missing == []


def test_version_comes_from_package_metadata() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"chronicle {version('chronicle')}"


def test_every_output_format_is_named_in_the_format_help_and_shown_in_the_readme() -> None:
    build = typer.main.get_command(app).commands["build"]  # type: ignore[attr-defined]
    help_text = next(param.help for param in build.params if param.name == "format")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in FORMATS:
        assert name in help_text, name
        assert f"- `{name}`" in readme, name
    for name in FILE_WRITERS:
        assert f"--format {name} -o " in readme, name


def test_every_build_option_is_in_the_readme() -> None:
    build = typer.main.get_command(app).commands["build"]  # type: ignore[attr-defined]
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [param.opts for param in build.params
               if isinstance(param, click.Option) and not any(opt in readme for opt in param.opts)]
    assert missing == []
