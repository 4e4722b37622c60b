"""Java commands as argument vectors: what part of `Runtime.exec(String[])`, `new ProcessBuilder(...)`
and `ProcessBuilder.command(...)` decides what runs.

Only the program, and, when the program is a shell, everything after it (its script), can make a
command run something else. A value passed as a separate argument to a fixed program is not
split or interpreted by a shell; it can still be read as an option, unless it comes after `--` or
begins with a constant that does not start with `-` (`"/srv/img/" + name`).

Vectors are tracked per variable in the interpreter's environment under `name[i]` (elements) and
`name[#]` (the length), so branches and loops join them as any other value; a vector whose length
is not one constant is unknown, and the call is judged by the whole value as before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tree_sitter import Node

from shoal.analysis.taint.core import NOT_CONST, SOME_CONST, Value, merge_taints, text

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "csh", "tcsh", "ash", "cmd", "cmd.exe",
                    "powershell", "powershell.exe", "pwsh", "pwsh.exe"})
END_OF_OPTIONS = "--"
LIST_FACTORIES = frozenset({"of", "asList", "singletonList", "copyOf"})
FRESH_LISTS = frozenset({"ArrayList", "LinkedList", "Vector"})
MUTATORS = frozenset({"addAll", "set", "remove", "removeIf", "clear", "add", "addFirst", "push", "replaceAll",
                      "sort", "retainAll", "removeAll"})


Element = tuple[Value, bool]  # a value, and whether it cannot be read as an option


def length_key(key: str) -> str:
    return f"{key}[#]"


def element_key(key: str, index: int) -> str:
    return f"{key}[{index}]"


def proof_key(key: str, index: int) -> str:
    return f"{key}[{index}]-"


def option_proof(node: Node | None) -> bool:
    """`"/srv/img/" + name`: a value that begins with a constant not starting with `-`."""
    while node is not None and node.type in ("binary_expression", "parenthesized_expression"):
        if node.type == "binary_expression" and text(node.child_by_field_name("operator")) != "+":
            return False
        node = node.child_by_field_name("left") if node.type == "binary_expression" else (
            node.named_children[0] if node.named_children else None)
    if node is None or node.type != "string_literal":
        return False
    literal = "".join(text(c) for c in node.named_children if c.type == "string_fragment")
    return bool(literal) and not literal.startswith("-")


def element(value: Value, node: Node | None) -> Element:
    return value, option_proof(node)


def deciding(elements: Sequence[Element]) -> Value:
    """The part of an argument vector that decides what runs, as one value: the program; for a
    shell every later element; for another program the arguments that could be read as options
    (before `--`, and not starting with a constant)."""
    if not elements:
        return Value(SOME_CONST)
    program = elements[0][0]
    picked = [program]
    shell = is_shell(program)
    for value, proof in elements[1:]:
        if not shell and value.const == END_OF_OPTIONS:
            break
        if shell or not proof:
            picked.append(value)
    const = SOME_CONST if all(v.constant for v in picked) else NOT_CONST
    return Value(const, merge_taints(*(v.taints for v in picked)))


def shell_key(key: str, index: int) -> str:
    return f"{key}[{index}]$"


def is_shell(value: Value) -> bool:
    return isinstance(value.const, str) and value.const.replace("\\", "/").rsplit("/", 1)[-1].lower() in SHELLS


def store(env: dict[str, Value], key: str, index: int, item: Element) -> None:
    env[element_key(key, index)] = item[0]
    if item[1]:
        env[proof_key(key, index)] = Value(True)
    else:
        env.pop(proof_key(key, index), None)
    # Whether the element is a shell survives a join of branches that each put a different
    # program there ("cmd.exe" on Windows, "sh" elsewhere), where the value is no longer one
    # constant: a shell on any path (True joined with False) is judged as one.
    env[shell_key(key, index)] = Value(is_shell(item[0]))


def stored(read: Callable[[str], Value | None], key: str) -> list[Element] | None:
    """The vector a variable holds, if its length and every element are known."""
    length = read(length_key(key))
    if length is None or not isinstance(length.const, int) or isinstance(length.const, bool):
        return None
    found: list[Element] = []
    for index in range(length.const):
        value = read(element_key(key, index))
        if value is None:
            return None
        proof = read(proof_key(key, index))
        shell = read(shell_key(key, index))
        if shell is not None and shell.const is not False and not is_shell(value):
            value = Value("sh", value.taints)  # a shell on some path, which one not known
        found.append((value, proof is not None and proof.const is True))
    return found
