"""No import circles in the `streams` package (scripts/check_imports.py), and the check finds one;
the worker process does not import the extraction pipeline."""

from __future__ import annotations

import subprocess
import sys
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


def test_the_worker_process_does_not_import_spacy() -> None:
    # the agents hand articles to the parsing process by naming its entry points
    # (streams/extraction/records.py); spaCy and the compiled dictionaries live there only
    code = ("import sys, streams.app, streams.agents, streams.agents.extract as x; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc') "
            "or m.startswith('streams.extraction.') and m != 'streams.extraction.records')); "
            "print(x.warm_up.__module__, x.encode_batch.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == "streams.extraction.records streams.extraction.records"
