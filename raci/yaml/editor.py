"""Edit an org file's text in place, so comments, order and layout survive.

:func:`edit_org_text` takes the original text and the organisation it should describe
afterwards, and changes only what differs: a department's letters on a task (the letters
are replaced where they stand, or a ``dept: L`` entry is added to the task's ``raci``
mapping, flow or block), a task field (replaced, or added above ``raci``), and new tasks
(appended to the ``tasks`` mapping in the documented shape). Anything else (removed tasks
or departments, changed departments, flow-style ``tasks``) raises :class:`Unsupported`;
callers then write the file anew with :mod:`raci.yaml.writer`.

The result is verified: it must load back to the target organisation, or Unsupported is
raised. Positions come from PyYAML's nodes, whose marks index characters of the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml

from raci.yaml.writer import INDENT, flow_mapping, scalar, task_lines

if TYPE_CHECKING:
    from raci.model.organization import Organization, Task


class Unsupported(Exception):
    """The change cannot be made as a small edit of this text."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def edit_org_text(text: str, before: Organization, after: Organization) -> str:
    """``text`` (which loads as ``before``) edited to load as ``after``."""
    from raci.api import loads
    from raci.model.errors import LoadError

    if before.departments != after.departments or set(before.tasks) - set(after.tasks):
        raise Unsupported("departments changed or tasks removed")
    if before.organization != after.organization or before.rules != after.rules:
        raise Unsupported("organisation fields changed")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:  # pragma: no cover - the text loaded before
        raise Unsupported(str(error)) from None
    if not isinstance(root, yaml.MappingNode):
        raise Unsupported("not a mapping")
    tasks_node = _value(root, "tasks")
    edits: list[_Edit] = []
    for task_id, task in before.tasks.items():
        new = after.tasks[task_id]
        if new != task:
            node = _value(tasks_node, task_id) if tasks_node is not None else None
            edits.extend(_task_edits(text, task_id, node, task, new))
    added = [task_id for task_id in after.tasks if task_id not in before.tasks]
    if added:
        edits.append(_add_tasks(text, root, tasks_node, after, added))
    edited = _apply(text, edits)
    try:
        check = loads(edited, before.source)
    except LoadError as error:
        raise Unsupported(f"edited text does not load: {error}") from None
    if check.model_dump() != after.model_dump():
        raise Unsupported("edited text does not describe the new organisation")
    return edited


def _task_edits(text: str, task_id: str, node: yaml.Node | None, task: Task, new: Task) -> list[_Edit]:
    """The edits that turn one task's mapping in ``text`` from ``task`` into ``new``."""
    if not isinstance(node, yaml.MappingNode):
        raise Unsupported(f"task {task_id} is not a mapping")
    old_data = task.model_dump(mode="json", exclude_none=True, exclude={"raci"})
    new_data = new.model_dump(mode="json", exclude_none=True, exclude={"raci"})
    edits: list[_Edit] = []
    for key, value in new_data.items():
        if old_data.get(key) != value:
            edits.extend(_set_field(text, node, key, value))
    if set(old_data) - set(new_data):
        raise Unsupported("a task field was removed")
    if new.raci != task.raci:
        edits.extend(_set_raci(text, node, task.raci, new.raci))
    return edits


def _apply(text: str, edits: list[_Edit]) -> str:
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[0]))
    for _, edit in reversed(ordered):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _pairs(node: Any) -> list[tuple[Any, Any]]:
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def _value(node: Any, key: str) -> Any:
    for key_node, value_node in _pairs(node):
        if isinstance(key_node, yaml.ScalarNode) and key_node.value.strip() == key:
            return value_node
    return None


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _content_end(node: Any) -> int:
    """Where the last character of a node's own text is (block mappings end at the next token)."""
    if isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
        key, value = node.value[-1]
        return max(_content_end(key), _content_end(value))
    if isinstance(node, yaml.SequenceNode) and not node.flow_style and node.value:
        return _content_end(node.value[-1])
    return int(node.end_mark.index)


def _after_node(text: str, node: Any) -> int:
    """The end of the line a node's text ends on (block scalars end on a line start)."""
    end = _content_end(node)
    if end > 0 and text[end - 1] == "\n":
        return end - 1
    return _line_end(text, end)


def _render(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    return scalar(value, block=True)


def _set_field(text: str, task: Any, key: str, value: Any) -> list[_Edit]:
    existing = _value(task, key)
    if isinstance(existing, yaml.ScalarNode):
        rendered = _render(value) if not task.flow_style else scalar(value)
        return [_Edit(existing.start_mark.index, existing.end_mark.index, rendered)]
    if existing is not None:
        raise Unsupported(f"field {key} is not a scalar")
    return [_insert_entry(text, task, f"{key}: {_render(value) if not task.flow_style else scalar(value)}")]


def _insert_entry(text: str, mapping: Any, entry: str) -> _Edit:
    """A new ``key: value`` in a task mapping: before ``raci`` in block style, else at the end."""
    pairs = _pairs(mapping)
    if mapping.flow_style:
        if not pairs:
            raise Unsupported("empty flow mapping")
        end = _content_end(pairs[-1][1])
        return _Edit(end, end, f", {entry}")
    if not pairs:
        raise Unsupported("empty block mapping")
    column = pairs[0][0].start_mark.column
    for key_node, _ in pairs:
        if key_node.value == "raci":
            start = text.rfind("\n", 0, key_node.start_mark.index) + 1
            if text[start : key_node.start_mark.index].strip():
                break
            return _Edit(start, start, " " * column + entry + "\n")
    end = _after_node(text, pairs[-1][1])
    return _Edit(end, end, "\n" + " " * column + entry)


def _set_raci(text: str, task: Any, old: dict[str, Any], new: dict[str, Any]) -> list[_Edit]:
    from raci.model.vocabulary import format_letters

    if set(old) - set(new):
        raise Unsupported("an assignment was removed")
    raci = _value(task, "raci")
    if raci is None:
        entry = f"raci: {flow_mapping({d: format_letters(held) for d, held in new.items()})}"
        return [_insert_entry(text, task, entry)]
    if not isinstance(raci, yaml.MappingNode):
        raise Unsupported("raci is not a mapping")
    edits: list[_Edit] = []
    added: list[str] = []
    for dept_id, letters in new.items():
        if dept_id not in old:
            added.append(f"{scalar(dept_id)}: {format_letters(letters)}")
        elif old[dept_id] != letters:
            node = _value(raci, dept_id)
            if not isinstance(node, yaml.ScalarNode):
                raise Unsupported("letters are not a scalar")
            edits.append(_Edit(node.start_mark.index, node.end_mark.index, format_letters(letters)))
    if not added:
        return edits
    pairs = _pairs(raci)
    if raci.flow_style:
        if pairs:
            end = _content_end(pairs[-1][1])
            edits.append(_Edit(end, end, "".join(f", {entry}" for entry in added)))
        else:
            edits.append(_Edit(raci.start_mark.index, raci.end_mark.index, "{" + ", ".join(added) + "}"))
        return edits
    if not pairs:
        raise Unsupported("empty block raci")
    column = pairs[0][0].start_mark.column
    end = _after_node(text, pairs[-1][1])
    edits.append(_Edit(end, end, "".join("\n" + " " * column + entry for entry in added)))
    return edits


def _add_tasks(text: str, root: Any, tasks_node: Any, after: Organization, added: list[str]) -> _Edit:
    if not isinstance(tasks_node, yaml.MappingNode) or tasks_node.flow_style or not tasks_node.value:
        raise Unsupported("tasks is not a block mapping with tasks in it")
    key_column = tasks_node.value[0][0].start_mark.column
    last_task = tasks_node.value[-1][1]
    field_indent = key_column + len(INDENT)
    if isinstance(last_task, yaml.MappingNode) and not last_task.flow_style and last_task.value:
        field_indent = last_task.value[0][0].start_mark.column
    blocks = []
    for task_id in added:
        data = after.tasks[task_id].model_dump(mode="json", exclude_none=True)
        lines = [" " * key_column + f"{scalar(task_id)}:", *task_lines(data, " " * field_indent)]
        blocks.append("\n".join(lines))
    end = _after_node(text, tasks_node)
    return _Edit(end, end, "".join("\n\n" + block for block in blocks))
