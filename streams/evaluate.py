"""`geoevents evaluate GOLD.jsonl`: score the extractor against hand-coded gold events.

Scored predictions: events that are not negated, and not hypothetical unless they are coded as
intent (root 03) or threat (root 13) - the gold rules code stated intent but not conditionals.
Levels: (1) CAMEO root + source/target country, (2) full code + dyad, (3) full code + full actor codes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from streams import jsonio
from streams.extraction.pipeline import get_extractor
from streams.settings import get_settings

LEVELS = ("root_country", "code_dyad", "code_actors")


def scored(event: dict[str, Any]) -> bool:
    if event["negated"]:
        return False
    return not event["hypothetical"] or event["cameo"]["root"] in ("03", "13")


def country(code: str | None) -> str:
    if not code:
        return "-"
    return code if code.startswith("IGO") or len(code) < 3 else code[:3]


def keys(source: str, target: str | None, code: str) -> dict[str, tuple[str, str, str]]:
    return {
        "root_country": (code[:2], country(source), country(target)),
        "code_dyad": (code, country(source), country(target)),
        "code_actors": (code, source, target or "-"),
    }


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate_items(items: list[dict[str, Any]]) -> dict[str, Any]:
    ex = get_extractor(get_settings().model)
    docs = ex.parse([it["text"] for it in items])
    counts = {lvl: [0, 0, 0] for lvl in LEVELS}
    confusion: Counter[tuple[str, str]] = Counter()
    no_event_total = no_event_clean = 0
    misses: list[dict[str, Any]] = []
    scored_events: list[tuple[float, bool]] = []
    for item, doc in zip(items, docs, strict=True):
        article = {"id": item["id"], "text": item["text"], "published_at": item.get("published_at") or "2026-01-01T00:00:00Z"}
        predicted = [e for e in ex.process(article, doc)["events"] if scored(e)]
        pred = [(e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"]["code"]) for e in predicted]
        gold = [(g["source"], g.get("target"), g["code"]) for g in item.get("expected", [])]
        if not gold:
            no_event_total += 1
            no_event_clean += not pred
        scored_events.extend(judge(predicted, pred, gold))
        for lvl in LEVELS:
            g = Counter(keys(*x)[lvl] for x in gold)
            p = Counter(keys(*x)[lvl] for x in pred)
            tp = sum((g & p).values())
            counts[lvl][0] += tp
            counts[lvl][1] += sum(p.values()) - tp
            counts[lvl][2] += sum(g.values()) - tp
        # root confusion on the country dyad
        remaining = list(pred)
        for gs, gt, gc in gold:
            dyad = (country(gs), country(gt))
            match = next((x for x in remaining if (country(x[0]), country(x[1])) == dyad), None)
            if match is None:
                confusion[(gc[:2], "none")] += 1
            else:
                remaining.remove(match)
                confusion[(gc[:2], match[2][:2])] += 1
        for x in remaining:
            confusion[("none", x[2][:2])] += 1
        gk = Counter(keys(*x)["root_country"] for x in gold)
        pk = Counter(keys(*x)["root_country"] for x in pred)
        if gk != pk:
            misses.append({"id": item["id"], "text": item["text"], "expected": gold, "predicted": pred})
    return {
        "items": len(items),
        "levels": {lvl: prf(*counts[lvl]) for lvl in LEVELS},
        "no_event": {"sentences": no_event_total, "clean": no_event_clean,
                     "share_clean": round(no_event_clean / no_event_total, 3) if no_event_total else None},
        "confusion": [{"gold": g, "predicted": p, "count": n} for (g, p), n in sorted(confusion.items())],
        "errors": misses,
        "calibration": calibration(scored_events),
    }


def judge(predicted: list[dict[str, Any]], pred: list[tuple[str, str | None, str]],
          gold: list[tuple[str, str | None, str]]) -> list[tuple[float, bool]]:
    """(confidence, right) for each predicted event: right when it matches a gold event of the
    sentence at the root + country-dyad level (each gold event matches at most one prediction)."""
    left = Counter(keys(*g)["root_country"] for g in gold)
    out = []
    for event, p in zip(predicted, pred, strict=True):
        k = keys(*p)["root_country"]
        right = left[k] > 0
        if right:
            left[k] -= 1
        out.append((float(event["confidence"]), right))
    return out


BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def calibration(events: list[tuple[float, bool]]) -> dict[str, Any]:
    """How often predicted events are right in each confidence band, and at >= 0.7 overall."""
    bands = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        inside = [r for c, r in events if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        bands.append({"low": lo, "high": hi, "events": len(inside),
                      "right": sum(inside), "share_right": round(sum(inside) / len(inside), 3) if inside else None})
    high = [r for c, r in events if c >= 0.7]
    return {"bands": bands, "at_or_above_0.7": {"events": len(high), "right": sum(high),
                                                "share_right": round(sum(high) / len(high), 3) if high else None}}


def plot_reliability(reports: dict[str, dict[str, Any]], path: Path) -> Path:
    """A reliability diagram (share of events right against confidence band), one line per gold set."""
    try:
        import matplotlib
    except ImportError as exc:  # an optional dependency: pip install 'geoevents[plot]'
        raise RuntimeError("--plot needs matplotlib: pip install 'geoevents[plot]'") from exc
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    fig, (ax, hx) = plt.subplots(2, 1, figsize=(6, 6.5), sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    ax.plot([0, 1], [0, 1], color="#999999", linestyle="--", linewidth=1, label="perfectly calibrated")
    ax.axhline(0.8, color="#cc6666", linewidth=0.8, linestyle=":", label="80% right (target at >= 0.7)")
    width = 0.08 / max(len(reports), 1)
    for n, (name, report) in enumerate(reports.items()):
        bands = [b for b in report["calibration"]["bands"] if b["events"]]
        mids = [(b["low"] + b["high"]) / 2 for b in bands]
        ax.plot(mids, [b["share_right"] for b in bands], marker="o", label=name)
        hx.bar([m - 0.04 + width * (n + 0.5) for m in mids], [b["events"] for b in bands], width=width, label=name)
    ax.set_ylabel("share of events right (root + country dyad)")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(0, 1)
    ax.set_title("geoevents: confidence against correctness")
    ax.legend(loc="upper left", fontsize=8)
    hx.set_xlabel("confidence band")
    hx.set_ylabel("events")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def load_gold(path: Path) -> list[dict[str, Any]]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = jsonio.loads(line)
        if not isinstance(item, dict) or "text" not in item or "expected" not in item:
            raise ValueError(f"{path}:{n}: a gold line needs 'text' and 'expected'")
        item.setdefault("id", f"line-{n}")
        items.append(item)
    return items


def evaluate_file(path: Path) -> dict[str, Any]:
    return evaluate_items(load_gold(path))


def render_side_by_side(reports: dict[str, dict[str, Any]], console: Console) -> None:
    """One table with the F1 (P / R) of each gold set at each level, the no-event share and calibration."""
    table = Table(title="geoevents evaluate: " + ", ".join(f"{n} ({r['items']} items)" for n, r in reports.items()))
    table.add_column("measure")
    for name in reports:
        table.add_column(name, justify="right")
    for lvl in LEVELS:
        table.add_row(LEVEL_NAMES[lvl] + ", F1 (P / R)", *(
            f"{r['levels'][lvl]['f1']:.3f} ({r['levels'][lvl]['precision']:.2f} / {r['levels'][lvl]['recall']:.2f})"
            for r in reports.values()))
    table.add_row("no-event sentences that stay clean", *(
        f"{r['no_event']['share_clean']:.1%}" if r["no_event"]["share_clean"] is not None else "-" for r in reports.values()))
    table.add_row("events at confidence >= 0.7 that are right", *(
        (f"{c['share_right']:.1%} of {c['events']}" if c["share_right"] is not None else "-")
        for c in (r["calibration"]["at_or_above_0.7"] for r in reports.values())))
    console.print(table)


LEVEL_NAMES = {"root_country": "CAMEO root + source/target country", "code_dyad": "full code + dyad",
               "code_actors": "full code + full actor codes"}


def render(report: dict[str, Any], console: Console, show_errors: int = 0) -> None:
    table = Table(title=f"geoevents evaluate: {report['items']} gold items")
    for col in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col != "level" else "left")
    for lvl, s in report["levels"].items():
        table.add_row(LEVEL_NAMES[lvl], f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}",
                      str(s["tp"]), str(s["fp"]), str(s["fn"]))
    console.print(table)
    ne = report["no_event"]
    console.print(f"no-event sentences that stayed clean: {ne['clean']}/{ne['sentences']}"
                  + (f" ({ne['share_clean']:.1%})" if ne["share_clean"] is not None else ""))
    roots = sorted({c["gold"] for c in report["confusion"]} | {c["predicted"] for c in report["confusion"]})
    conf = {(c["gold"], c["predicted"]): c["count"] for c in report["confusion"]}
    lines = ["root confusion (rows: gold root, columns: predicted root; 'none' = no event)",
             "gold " + "".join(f"{r[:4]:>5}" for r in roots)]
    for g in roots:
        lines.append(f"{g[:4]:<5}" + "".join(f"{conf.get((g, p), 0) or '.':>5}" for p in roots))
    console.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)
    bands = Table(title="calibration: share of predicted events that are right, by confidence")
    for col in ("confidence", "events", "right", "share right"):
        bands.add_column(col, justify="right")
    for b in report["calibration"]["bands"]:
        bands.add_row(f"{b['low']:.1f}-{b['high']:.1f}", str(b["events"]), str(b["right"]),
                      "-" if b["share_right"] is None else f"{b['share_right']:.1%}")
    console.print(bands)
    for miss in report["errors"][:show_errors]:
        console.print(f"[bold]{miss['id']}[/bold] {miss['text']}\n  expected {miss['expected']}\n  predicted {miss['predicted']}",
                      markup=True, highlight=False)
