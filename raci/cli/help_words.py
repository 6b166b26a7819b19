"""Help that names what each option takes in words ("rule codes", "a file"), not Python types.

typer shows a value's type as ``<list[str]>``, ``<bool>`` or ``<str>``; people read "rule
codes", nothing for a switch, "a file". :func:`name_values` sets every option's and
argument's ``metavar`` once, when the command tree is built, from :data:`WORDS` by the
parameter's name, else from its type.
"""

from __future__ import annotations

from typing import Any

#: Parameter name -> what its value is, in words.
WORDS: dict[str, str] = {
    "activity": "activity names",
    "select": "rule codes",
    "ignore": "rule codes",
    "severity": "CODE=level",
    "setting": "CODE.option=value",
    "letter_map": "letter=letter",
    "move": "dept:task:letters",
    "without": "departments",
    "files": "files or folders",
    "file": "a file",
    "old": "a file",
    "new": "a file",
    "sheet_file": "a file",
    "path": "a file",
    "config": "a file",
    "baseline": "a file",
    "write_baseline": "a file",
    "before": "a file",
    "output": "a file",
    "encoding": "an encoding",
    "organization": "a name",
    "sheet": "a sheet name",
    "code": "a rule code",
    "timeout": "seconds",
    "memory_limit": "MiB",
    "max_file_size": "MiB",
    "table": "a number",
}

#: typer's type label -> words, for parameters :data:`WORDS` does not name.
_BY_TYPE = {"str": "text", "int": "a whole number", "float": "a number", "file": "a file", "path": "a file"}


def name_values(command: Any, context: Any = None) -> None:
    """Give every parameter of ``command`` and its subcommands a metavar in words."""
    import click

    ctx = click.Context(command, info_name=command.name, parent=context, **command.context_settings)
    help_option = command.get_help_option(ctx)
    params = [*command.params, *([help_option] if help_option is not None else [])]
    for param in params:
        if param.metavar is not None:
            continue
        words = _words(param, ctx)
        if param.param_type_name == "argument":
            # An argument's metavar is its name in the usage line (FILE); the words go in
            # the type column, which typer fills from display_type_rich.
            param.metavar = param.name.upper().replace("_", "-")
            param.display_type_rich = lambda ctx, words=words: words
        else:
            param.metavar = words
    for sub in getattr(command, "commands", {}).values():
        name_values(sub, ctx)


def _words(param: Any, ctx: Any) -> str:
    if getattr(param, "is_flag", False):
        return ""  # a switch takes no value
    if param.name in WORDS:
        return WORDS[param.name]
    label = param.display_type(ctx).strip("<>") if hasattr(param, "display_type") else ""
    if "|" in label:
        return label.removeprefix("list[").removesuffix("]")  # the choices, e.g. svg|png|pdf
    base = label.removeprefix("list[").removesuffix("]").removesuffix(" range")
    words = _BY_TYPE.get(base, base or "a value")
    return f"a list of {words}" if label.startswith("list[") else words
