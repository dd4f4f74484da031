"""No SQL text in src/warta is built from values: a static scan of every module.

What counts as building SQL: an f-string, ``%`` formatting, ``str.format`` or ``+`` whose
literal text holds an SQL keyword (SELECT, INSERT, DELETE, UPDATE, CREATE, DROP, COPY,
WHERE, FROM, JOIN, ORDER BY, GROUP BY, VALUES, LIMIT, ATTACH, PRAGMA). Every piece
interpolated into such text must be *SQL-safe*, which this scan defines as:

- a literal (``"e.lat"``, ``3``), or an UPPER_CASE constant (``_ORDER``, ``schema.EVENTS``);
- a name bound in the same function only to SQL-safe things: by assignment, or as the
  target of a ``for``/comprehension over a SQL-safe iterable (``for table in
  schema.PART_TABLES``), or over a literal tuple whose matching positions are SQL-safe
  (``for side, value in (("actor", flt.actor), ...)``: ``side`` is safe, ``value`` is not);
- a subscript, ``.items()/.keys()/.values()``, ``str.join``, ``+``, a conditional or an
  f-string made only of SQL-safe parts;
- a call to one of :data:`BUILDERS` (a new SQL-building function must be added there):
  functions whose job is to return SQL text with ``?``
  placeholders (their own bodies are scanned like everything else);
- a parameter used in its function as a key of an UPPER_CASE mapping (``_COLUMNS[table]``):
  anything but a known name raises KeyError there, before any SQL is built;
- a parameter listed in :data:`IDENTIFIER_PARAMS` (a column expression handed in by the
  caller); every call of that function in src/warta is then checked to pass SQL-safe text.

Anything else (a parameter, an attribute of a filter, a path) is a value and must travel
as a ``?`` parameter: the test names the file, line and expression.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "warta"
SQL_WORDS = re.compile(
    r"\b(SELECT|INSERT|DELETE|UPDATE|CREATE|DROP|COPY|WHERE|FROM|JOIN|ORDER BY|GROUP BY"
    r"|VALUES|LIMIT|ATTACH|PRAGMA)\b"
)
# Functions returning SQL text (constant pieces, ``?`` placeholders); called by name.
BUILDERS = frozenset(
    {
        "order_by",
        "keyset",
        "in_bbox",
        "within_km",
        "insert_sql",
        "_create",
        "_where_sql",
        "sql",
        "_flat",
        "events_query",
        "timeline_query",
        "points_query",
        "event_where",
        "merged_where",
    }
)
# (module, function, parameter): parameters that carry a column or table *name* or a
# fragment of constant SQL. Their call sites are checked in turn.
IDENTIFIER_PARAMS = frozenset(
    {
        ("store/sql_parts.py", "keyset", "order"),
        ("store/sql_parts.py", "order_by", "order"),
        ("store/sql_parts.py", "in_bbox", "lat"),
        ("store/sql_parts.py", "in_bbox", "lon"),
        ("store/sql_parts.py", "within_km", "lat"),
        ("store/sql_parts.py", "within_km", "lon"),
        ("store/lists_sql.py", "_days", "column"),
        ("store/schema.py", "_create", "table"),
        ("store/schema.py", "_create", "columns"),
        ("store/schema.py", "insert_sql", "table"),
        ("store/schema.py", "insert_sql", "columns"),
        ("store/lists_sql.py", "_Where.add", "clause"),
        ("store/events_sql.py", "add", "clause"),
        ("store/events_sql.py", "_where_sql", "where"),
        ("merge/tables.py", "delete_where_in", "table"),
        ("merge/tables.py", "delete_where_in", "column"),
        ("runners/shards.py", "_latest_by_path", "table"),
        ("runners/shards.py", "_latest_by_path", "time_col"),
        ("runners/shards.py", "_count", "table"),
    }
)
# (module, class, attribute): lists of SQL clauses kept on an object; every append to
# them passes through an IDENTIFIER_PARAMS parameter, so what they hold is checked there.
SAFE_ATTRIBUTES = frozenset({("store/lists_sql.py", "_Where", "self.clauses")})
_CONST = re.compile(r"^_?[A-Z][A-Z0-9_]*$")


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.code}"


def _literal_text(node: ast.AST) -> str:
    """The literal text of a string-building expression (what SQL keywords are looked for in)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(v) for v in node.values)
    if isinstance(node, ast.BinOp):
        return _literal_text(node.left) + " " + _literal_text(node.right)
    return ""


class _Scope:
    """Name -> the expressions it is bound to inside one function (or module)."""

    def __init__(self, func: ast.AST | None, module: str, qualname: str) -> None:
        self.module, self.qualname = module, qualname
        self.bound: dict[str, list[ast.AST | bool]] = {}
        self.params: set[str] = set()
        if isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = func.args
            self.params = {x.arg for x in (*a.posonlyargs, *a.args, *a.kwonlyargs)}
            if a.vararg:
                self.params.add(a.vararg.arg)
        # parameters used as a key of an UPPER_CASE mapping (``_COLUMNS[table]``): any
        # value but a known name raises KeyError there, so only identifiers get through
        self.guarded = {
            n.slice.id
            for n in (ast.walk(func) if func is not None else ())
            if isinstance(n, ast.Subscript)
            and isinstance(n.slice, ast.Name)
            and n.slice.id in self.params
            and _CONST.match(
                n.value.attr if isinstance(n.value, ast.Attribute) else getattr(n.value, "id", "")
            )
        }

    def bind(self, target: ast.AST, value: ast.AST | bool) -> None:
        if isinstance(target, ast.Name):
            self.bound.setdefault(target.id, []).append(value)
        elif isinstance(target, ast.Tuple | ast.List):
            pairwise = isinstance(value, ast.Tuple | ast.List) and len(value.elts) == len(
                target.elts
            )
            for i, elt in enumerate(target.elts):
                self.bind(elt, value.elts[i] if pairwise else _nth(value, i))  # type: ignore[union-attr]


def _nth(value: ast.AST | bool, i: int) -> ast.AST | bool:
    """The i-th item of each element of an iterated literal (a for target tuple)."""
    if isinstance(value, ast.Call) and _called(value) in BUILDERS:
        return i == 0  # builders return (sql, params): the text is safe, the values are not
    if isinstance(value, _Each) and isinstance(value.of, ast.Call) and _called(value.of) == "items":
        mapping = value.of.func.value  # type: ignore[attr-defined]
        return _Keys(mapping) if i == 0 else _Each(mapping)
    if isinstance(value, _Each) and isinstance(value.of, ast.Tuple | ast.List):
        items = [e.elts[i] for e in value.of.elts if isinstance(e, ast.Tuple) and len(e.elts) > i]
        if len(items) == len(value.of.elts):
            return _Items(items)
    if isinstance(value, _Each):
        return _Each(value.of)  # an item of an item of a safe iterable is safe when it is
    return False


class _Each(ast.AST):
    """An element of the iterable ``of``."""

    def __init__(self, of: ast.AST) -> None:
        self.of = of


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


class _Keys(ast.AST):
    """A key of the mapping ``of``."""

    def __init__(self, of: ast.AST) -> None:
        self.of = of


class _Items(ast.AST):
    """One of several expressions (the matching position of a literal's tuples)."""

    def __init__(self, items: list[ast.AST]) -> None:
        self.items = items


class Scanner:
    def __init__(self, src: Path) -> None:
        self.src = src
        self.findings: list[Finding] = []
        self.trees = {
            p.relative_to(src).as_posix(): ast.parse(p.read_text("utf-8"), str(p))
            for p in sorted(src.rglob("*.py"))
        }

    # -- safety -----------------------------------------------------------------------

    def safe(self, node: ast.AST | bool, scope: _Scope, seen: frozenset[str] = frozenset()) -> bool:
        if isinstance(node, bool):
            return node
        if isinstance(node, _Items):
            return all(self.safe(n, scope, seen) for n in node.items)
        if isinstance(node, _Each):
            return self.safe(node.of, scope, seen)
        if isinstance(node, _Keys):
            return self._keys(node.of, scope, seen)
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return self._name(node.id, scope, seen)
        if isinstance(node, ast.Attribute):
            owner = ast.unparse(node.value)
            return (
                bool(_CONST.match(node.attr))
                or (scope.module, scope.qualname.split(".")[0], f"{owner}.{node.attr}")
                in SAFE_ATTRIBUTES
            )
        if isinstance(node, ast.Subscript | ast.Starred):
            return self.safe(node.value, scope, seen)
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(v, scope, seen) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.safe(node.value, scope, seen)
        if isinstance(node, ast.BinOp):
            return self.safe(node.left, scope, seen) and self.safe(node.right, scope, seen)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, scope, seen) and self.safe(node.orelse, scope, seen)
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return all(self.safe(e, scope, seen) for e in node.elts)
        if isinstance(node, ast.GeneratorExp | ast.ListComp):
            inner = _Scope(None, scope.module, scope.qualname)
            inner.bound, inner.params = dict(scope.bound), scope.params
            for gen in node.generators:
                inner.bind(gen.target, _Each(gen.iter))
            return self.safe(node.elt, inner, seen)
        if isinstance(node, ast.Call):
            return self._call(node, scope, seen)
        return False

    def _keys(self, mapping: ast.AST, scope: _Scope, seen: frozenset[str]) -> bool:
        """The keys of a dict literal or comprehension bound to a name (its values may be
        rows of values: only the keys are looked at)."""
        if (
            isinstance(mapping, ast.Name)
            and mapping.id in scope.bound
            and not _CONST.match(mapping.id)
        ):
            return all(
                self._keys(v, scope, seen)
                for v in scope.bound[mapping.id]  # type: ignore[arg-type]
                if not isinstance(v, bool)
            ) and all(v for v in scope.bound[mapping.id] if isinstance(v, bool))
        if isinstance(mapping, ast.Dict):
            return all(k is not None and self.safe(k, scope, seen) for k in mapping.keys)
        if isinstance(mapping, ast.DictComp):
            inner = _Scope(None, scope.module, scope.qualname)
            inner.bound, inner.params = dict(scope.bound), scope.params
            for gen in mapping.generators:
                inner.bind(gen.target, _Each(gen.iter))
            return self.safe(mapping.key, inner, seen)
        return self.safe(mapping, scope, seen)

    def _name(self, name: str, scope: _Scope, seen: frozenset[str]) -> bool:
        if _CONST.match(name) or name in BUILDERS:
            return True
        if name in seen:
            return True  # a loop: decided by the other bindings
        if name in scope.params and name not in scope.bound:
            return self._identifier_param(scope, name)
        values = scope.bound.get(name)
        if not values:
            return False
        return all(self.safe(v, scope, seen | {name}) for v in values)

    def _identifier_param(self, scope: _Scope, name: str) -> bool:
        return (
            name in scope.guarded
            or (scope.module, scope.qualname, name) in IDENTIFIER_PARAMS
            or (scope.module, scope.qualname.rsplit(".", 1)[-1], name) in IDENTIFIER_PARAMS
        )

    def _call(self, node: ast.Call, scope: _Scope, seen: frozenset[str]) -> bool:
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr == "join":  # "sep".join(parts): safe when the parts are
                return self.safe(func.value, scope, seen) and all(
                    self.safe(a, scope, seen) for a in node.args
                )
            if func.attr in (
                "items",
                "keys",
                "values",
                "get",
                "replace",
                "strip",
                "upper",
                "lower",
            ):
                return self.safe(func.value, scope, seen) and all(
                    self.safe(a, scope, seen) for a in node.args
                )
            return func.attr in BUILDERS
        if isinstance(func, ast.Name):
            if func.id in BUILDERS:
                return True
            if func.id in ("tuple", "list", "sorted", "str") and node.args:
                return all(self.safe(a, scope, seen) for a in node.args)
        return False

    # -- walking ----------------------------------------------------------------------

    def scan(self) -> list[Finding]:
        for module, tree in self.trees.items():
            self._scan_body(tree, _Scope(tree, module, ""), module)
        self._check_call_sites()
        return self.findings

    def _scan_body(self, root: ast.AST, scope: _Scope, module: str) -> None:
        _bind_all(root, scope)  # first: a name may be used above a later binding in a loop
        for node in _own_nodes(root):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                qual = f"{scope.qualname}.{node.name}" if scope.qualname else node.name
                self._scan_body(node, _Scope(node, module, qual), module)
            elif isinstance(node, ast.ClassDef):
                cls = _Scope(None, module, node.name)
                self._scan_body(node, cls, module)
            else:
                self._check_expr(node, scope, module)

    def _check_expr(self, node: ast.AST, scope: _Scope, module: str) -> None:
        pieces: list[ast.AST] = []
        if isinstance(node, ast.JoinedStr) and SQL_WORDS.search(_literal_text(node)):
            pieces = [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            if SQL_WORDS.search(_literal_text(node.left)):
                pieces = [node.right]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if SQL_WORDS.search(_literal_text(node)):
                pieces = _operands(node)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
            and SQL_WORDS.search(_format_template(node.func.value, scope))
        ):
            pieces = [*node.args, *(k.value for k in node.keywords)]
        for piece in pieces:
            finding = Finding(module, node.lineno, ast.unparse(piece))
            if not self.safe(piece, scope) and finding not in self.findings:
                self.findings.append(finding)

    def _check_call_sites(self) -> None:
        """Each identifier parameter gets SQL-safe text at every call in src/warta."""
        wanted = {(f.rsplit(".", 1)[-1], p) for _, f, p in IDENTIFIER_PARAMS}
        for module, tree in self.trees.items():
            for func, scope in _functions(tree, module):
                for node in _own_nodes(func):
                    if not isinstance(node, ast.Call):
                        continue
                    name = (
                        node.func.attr
                        if isinstance(node.func, ast.Attribute)
                        else (node.func.id if isinstance(node.func, ast.Name) else None)
                    )
                    for fname, param in wanted:
                        if name != fname:
                            continue
                        arg = _argument(self._params_of(fname), param, node)
                        if arg is not None and not self.safe(arg, scope):
                            self.findings.append(
                                Finding(module, node.lineno, f"{fname}({param}={ast.unparse(arg)})")
                            )

    def _params_of(self, fname: str) -> list[str]:
        for tree in self.trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.FunctionDef) and node.name == fname:
                    names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
                    return [n for n in names if n != "self"]
        return []


def _operands(node: ast.AST) -> list[ast.AST]:
    """The leaves of a chain of ``+``."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _operands(node.left) + _operands(node.right)
    return [node]


def _format_template(node: ast.AST, scope: _Scope) -> str:
    if isinstance(node, ast.Name):
        for v in scope.bound.get(node.id, []):
            if isinstance(v, ast.AST):
                return _literal_text(v)
    return _literal_text(node)


def _own_nodes(root: ast.AST):  # type: ignore[no-untyped-def]
    """Nodes of ``root``'s own body (not inside nested functions or classes)."""
    stack = list(ast.iter_child_nodes(root))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))


def _functions(tree: ast.AST, module: str, qual: str = ""):  # type: ignore[no-untyped-def]
    scope = _Scope(tree, module, qual)
    _bind_all(tree, scope)
    yield tree, scope
    for node in _own_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            yield from _functions(node, module, f"{qual}.{node.name}" if qual else node.name)


def _bind_all(root: ast.AST, scope: _Scope) -> None:
    for node in _own_nodes(root):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                scope.bind(target, node.value)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None:
            scope.bind(node.target, node.value)
        elif isinstance(node, ast.For | ast.comprehension):
            scope.bind(node.target, _Each(node.iter))
        elif isinstance(node, ast.NamedExpr):
            scope.bind(node.target, node.value)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("append", "extend") and isinstance(node.func.value, ast.Name):
                arg = node.args[0] if node.args else False
                scope.bind(node.func.value, _Each(arg) if node.func.attr == "extend" else arg)


def _argument(params: list[str], param: str, call: ast.Call) -> ast.AST | None:
    for kw in call.keywords:
        if kw.arg == param:
            return kw.value
    if param in params:
        i = params.index(param)
        if i < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: i + 1]):
            return call.args[i]
    return None


# -- tests ------------------------------------------------------------------------------


def test_no_sql_is_built_from_values():
    findings = Scanner(SRC).scan()
    assert not findings, "SQL text built from values (use ? parameters):\n" + "\n".join(
        map(str, findings)
    )


def _scan_snippet(tmp_path: Path, code: str) -> list[Finding]:
    (tmp_path / "mod.py").write_text(code, encoding="utf-8")
    return Scanner(tmp_path).scan()


def test_scanner_flags_values_in_sql(tmp_path):
    found = _scan_snippet(
        tmp_path,
        """
def find(con, name, flt):
    con.execute(f"SELECT * FROM articles WHERE title = '{name}'")
    con.execute("SELECT * FROM articles WHERE key = '%s'" % flt.key)
    con.execute("DELETE FROM inputs WHERE path = '" + name + "'")
    sql = "SELECT * FROM t WHERE a = {}"
    con.execute(sql.format(name))
    for side, value in (("actor", flt.actor),):
        con.execute(f"SELECT {value} FROM events")
""",
    )
    assert sorted((f.line, f.code) for f in found) == [
        (3, "name"),
        (4, "flt.key"),
        (5, "name"),
        (7, "name"),
        (9, "value"),
    ]


def test_scanner_allows_constant_identifiers(tmp_path):
    found = _scan_snippet(
        tmp_path,
        """
TABLES = {"a": 1, "b": 2}
_ORDER = " ORDER BY x"
def write(con, flt):
    for table in TABLES:
        con.execute(f"DELETE FROM {table} WHERE k = ?", [flt.key])
    names = ", ".join(f'"{n}"' for n in TABLES.keys())
    con.execute(f"SELECT {names} FROM t" + _ORDER)
    for side, value in (("actor", flt.actor),):
        con.execute(f"SELECT {side}_code FROM events WHERE x = ?", [value])
""",
    )
    assert found == []
