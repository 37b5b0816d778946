"""No import circles in the `streams` package (scripts/check_imports.py), and the check finds one."""

from __future__ import annotations

from pathlib import Path

from scripts.check_imports import cycles, import_graph, main


def test_the_streams_package_has_no_import_circle(capsys) -> None:  # type: ignore[no-untyped-def]
    code = main([])
    assert code == 0, capsys.readouterr().out


def test_the_check_sees_circles_through_function_level_and_relative_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg.sub import b\n")
    (pkg / "sub" / "b.py").write_text("def f():\n    from .. import c\n")
    (pkg / "c.py").write_text("import pkg.a\n")
    (pkg / "d.py").write_text("from pkg import a\n")  # into the circle, not part of it
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.sub.b"] == {"pkg.c"}
    assert cycles(graph) == [["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]]
    assert main(["--root", str(tmp_path), "--package", "pkg"]) == 1
