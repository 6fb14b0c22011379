"""The command line: starting the desktop app skips building every subcommand's parser."""

from __future__ import annotations

import pytest

from psw_journal.cli.parser import _desktop_args, build_parser, parse_args


@pytest.mark.parametrize(
    "argv",
    [[], ["--demo"], ["--journal", "j.db"], ["--journal=j.db", "--demo"],
     ["--demo", "--journal", "~/a b/j.db"], ["--journal", ""]],
)
def test_a_desktop_command_line_reads_as_the_full_parser_reads_it(argv: list[str]):
    assert _desktop_args(argv) is not None
    assert parse_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    "argv",
    [["list"], ["--journal", "j.db", "search", "x"], ["--dem"], ["--journal"],
     ["--journal", "--demo"], ["--help"], ["--version"], ["--demo", "extra"]],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]):
    assert _desktop_args(argv) is None


def test_a_command_still_parses():
    args = parse_args(["--journal", "j.db", "search", "listening"])
    assert (args.command, args.query, str(args.journal)) == ("search", "listening", "j.db")
