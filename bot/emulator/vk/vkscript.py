"""A tiny parser for the VKScript subset our daemon sends to ``execute``.

Real VK runs a JavaScript-like language server-side. The daemon only ever
sends ``return [API.method.name({...}), ...];`` (batched moderation calls and
backfill reads), so the emulator parses exactly that shape — array/object/
string/number/bool literals and ``API.x.y({...})`` calls — instead of
pretending to implement VKScript. Anything else is rejected with VK's
"Unable to compile code" (error 12) so an unsupported script fails loudly in
tests rather than silently doing nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

MAX_CALLS = 25


class ScriptError(Exception):
    """Compile/runtime problem; ``code`` is the VK error code to report (12 or 13)."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class ScriptCall:
    """One ``API.<method>(<params>)`` call found in the script, in source order."""

    method: str
    params: dict[str, Any] = field(default_factory=dict)


_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')
  | (?P<num>-?\d+(?:\.\d+)?)
  | (?P<ident>[A-Za-z_$][A-Za-z0-9_$]*)
  | (?P<punct>[\[\]{}(),:;.])
    """,
    re.VERBOSE | re.DOTALL,
)


def _tokenize(code: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(code):
        m = _TOKEN_RE.match(code, pos)
        if m is None:
            raise ScriptError(12, f"Unable to compile code: unexpected character {code[pos]!r} at {pos}")
        pos = m.end()
        kind = m.lastgroup or ""
        if kind != "ws":
            tokens.append((kind, m.group()))
    return tokens


def _decode_string(raw: str) -> str:
    if raw[0] == '"':
        return str(json.loads(raw))
    inner = raw[1:-1].replace("\\'", "'").replace('"', '\\"')
    return str(json.loads(f'"{inner}"'))


class _Parser:
    def __init__(self, code: str) -> None:
        self.tokens = _tokenize(code)
        self.pos = 0
        self.calls: list[ScriptCall] = []

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("eof", "")

    def take(self, value: str | None = None, kind: str | None = None) -> str:
        tk, tv = self.peek()
        if (value is not None and tv != value) or (kind is not None and tk != kind) or tk == "eof":
            want = value or kind or "token"
            raise ScriptError(12, f"Unable to compile code: expected {want!r}, got {tv or 'end of code'!r}")
        self.pos += 1
        return tv

    def program(self) -> Any:
        self.take("return")
        value = self.expr(allow_calls=True)
        if self.peek()[1] == ";":
            self.pos += 1
        if self.peek()[0] != "eof":
            raise ScriptError(12, f"Unable to compile code: unexpected {self.peek()[1]!r} after return")
        return value

    def expr(self, *, allow_calls: bool) -> Any:
        kind, value = self.peek()
        if value == "[":
            return self.array(allow_calls=allow_calls)
        if value == "{":
            return self.obj()
        if kind == "str":
            self.pos += 1
            return _decode_string(value)
        if kind == "num":
            self.pos += 1
            return float(value) if "." in value else int(value)
        if kind == "ident":
            if value in ("true", "false"):
                self.pos += 1
                return value == "true"
            if value == "null":
                self.pos += 1
                return None
            if value == "API":
                if not allow_calls:
                    raise ScriptError(12, "Unable to compile code: nested API calls are not supported")
                return self.call()
        raise ScriptError(12, f"Unable to compile code: unexpected {value or 'end of code'!r}")

    def array(self, *, allow_calls: bool) -> list[Any]:
        self.take("[")
        items: list[Any] = []
        while self.peek()[1] != "]":
            items.append(self.expr(allow_calls=allow_calls))
            if self.peek()[1] == ",":
                self.pos += 1
            elif self.peek()[1] != "]":
                self.take("]")
        self.take("]")
        return items

    def obj(self) -> dict[str, Any]:
        self.take("{")
        out: dict[str, Any] = {}
        while self.peek()[1] != "}":
            kind, key = self.peek()
            if kind == "str":
                key = _decode_string(key)
            elif kind not in ("ident", "num"):
                raise ScriptError(12, f"Unable to compile code: bad object key {key!r}")
            self.pos += 1
            self.take(":")
            out[key] = self.expr(allow_calls=False)
            if self.peek()[1] == ",":
                self.pos += 1
            elif self.peek()[1] != "}":
                self.take("}")
        self.take("}")
        return out

    def call(self) -> ScriptCall:
        self.take("API")
        parts: list[str] = []
        while self.peek()[1] == ".":
            self.pos += 1
            parts.append(self.take(kind="ident"))
        if len(parts) < 2:
            raise ScriptError(12, "Unable to compile code: expected API.section.method(...)")
        self.take("(")
        params: dict[str, Any] = {}
        if self.peek()[1] != ")":
            params = self.obj()
        self.take(")")
        if len(self.calls) >= MAX_CALLS:
            raise ScriptError(13, f"Runtime error occurred during code invocation: Too many API calls (max {MAX_CALLS})")
        call = ScriptCall(".".join(parts), params)
        self.calls.append(call)
        return call


def parse(code: str) -> tuple[Any, list[ScriptCall]]:
    """Parse ``code``; returns the return-expression tree (with ScriptCall leaves) and the calls in order."""
    parser = _Parser(code)
    tree = parser.program()
    return tree, parser.calls


def substitute(tree: Any, results: dict[int, Any]) -> Any:
    """Replace each ScriptCall leaf (keyed by ``id()``) with its result, keeping the literal structure."""
    if isinstance(tree, ScriptCall):
        return results[id(tree)]
    if isinstance(tree, list):
        return [substitute(item, results) for item in tree]
    return tree


def to_wire(value: Any) -> str | None:
    """Convert a script literal to the string form VK would receive over HTTP (None = drop)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list):
        return ",".join(str(to_wire(v)) for v in value if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
