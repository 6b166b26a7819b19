"""Rule documentation for the translation catalogs: a Babel extractor for rule modules.

A rule's docstring is its English documentation (summary, Why, Passes, Fails, Fix); the
summary, Why and Fix are prose a reader sees in ``raci explain`` and ``raci rules`` and are
translated, as are the sentences quoted in the Passes/Fails YAML (a waiver's reason); the
rest of that YAML is not. ``babel.cfg`` runs :func:`extract_rule_module` on
``raci/rules/*.py``: it yields what the Python extractor finds (``_()``, ``N_()``, ...) plus
each rule class's prose exactly as :func:`raci.rules.base.parse_doc` reads it, so the msgid
is the text :meth:`RuleDoc.translated` looks up at run time. Only ``pybabel extract`` and the
catalog test import this module.
"""

from __future__ import annotations

import ast
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from raci.rules.base import parse_doc

#: What an extractor yields: (line, function name, message, translator comments).
Extracted = tuple[int, str | None, str | tuple[str, ...], list[str]]


def rule_doc_messages(source: str, filename: str = "<rule>") -> Iterator[tuple[int, str, str]]:
    """(line, section, text) for the prose of every rule class in a module's source."""
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.ClassDef) or not _is_rule(node):
            continue
        docstring = ast.get_docstring(node, clean=False)
        if not docstring:
            continue
        doc = parse_doc(node.name, docstring)
        line = node.body[0].lineno
        yield from ((line, section, text) for section, text in doc.prose())


def extract_rule_module(
    fileobj: IO[bytes],
    keywords: Any,
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[Extracted]:
    """Babel extractor: the module's marked strings, then its rule docs' prose.

    ``keywords`` and ``options`` are passed on to Babel's Python extractor as Babel gave them
    (its annotations describe other shapes than it passes to extractors)."""
    from babel.messages.extract import extract_python

    source = fileobj.read()
    marked: Iterator[Any] = iter(extract_python(io.BytesIO(source), keywords, comment_tags, options))  # type: ignore[arg-type]
    yield from marked
    encoding = str(options.get("encoding", "utf-8"))
    for line, section, text in rule_doc_messages(source.decode(encoding)):
        yield line, None, text, [f"Translators: a rule's {section} (raci explain, raci rules)"]


def _is_rule(node: ast.ClassDef) -> bool:
    """A class deriving from ``Rule`` by name (rule modules import it as ``Rule``)."""
    return any(isinstance(base, ast.Name) and base.id == "Rule" for base in node.bases)
