"""Every command and option explains itself, with an example (the sqlite-utils rule)."""
from __future__ import annotations

from importlib.metadata import version

import click
import typer
from typer.testing import CliRunner

from cli.main import app

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
