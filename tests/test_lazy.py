"""Lazy attributes of `raci` and `raci.diagrams`: cheap to import, the same objects later."""

from __future__ import annotations

import subprocess
import sys

from .conftest import EXAMPLES


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_raci_render_is_a_plain_function_and_the_diagrams_package_does_not_shadow_it() -> None:
    path = EXAMPLES / "shared-ownership.yaml"
    code = (
        "import raci, types\n"
        "first = raci.render\n"
        "import raci.diagrams.engine\n"
        "assert raci.render is first and isinstance(first, types.FunctionType), first\n"
        "assert raci.check is not None and isinstance(raci.check, types.FunctionType)\n"
        f"org = raci.load({str(path)!r})\n"
        "data = raci.render(raci.check(org), view='ownership', format='dot')\n"
        "print(type(data).__name__, raci.diagrams.RenderLimits.__name__)\n"
    )
    assert _run(code) == "bytes RenderLimits"


def test_import_raci_loads_nothing_heavy() -> None:
    code = (
        "import sys, raci\n"
        "heavy = {'pydantic', 'networkx', 'graphviz', 'rich', 'typer', 'yaml'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    assert _run(code) == "[]"


def test_unknown_attribute_is_an_attribute_error() -> None:
    code = (
        "import raci\n"
        "try:\n    raci.nope\nexcept AttributeError as error:\n    print(error)\n"
    )
    assert _run(code) == "module 'raci' has no attribute 'nope'"


def test_the_cli_loads_no_model_or_rules_until_a_command_runs() -> None:
    # `raci --help` imports the CLI and its commands; the pydantic model, the rule catalog and
    # networkx cost a tenth of a second or more each and wait for a command that needs them.
    code = (
        "import sys\n"
        "import raci.cli.app\n"
        "heavy = {'pydantic', 'networkx', 'raci.rules', 'raci.checking.checker'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    assert _run(code) == "[]"
