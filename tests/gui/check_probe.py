#!/usr/bin/env python3
"""Checks one GUI probe (the JSON the designer writes with NAQSH_GUI_PROBE) the way a person
looks at a screenshot. Prints every problem found and exits 1 if there is any.

  check_probe.py PROBE.json [--first-start] [--presentation] [--step N] [--lang fa]
                 [--same-as OTHER.json] [--window] [--no-overlap] [--readable] [--min-nodes N]
                 [--all-in-view]
                 [--built-lesson --actions N [--max-actions 12]]
"""
import argparse
import json
import re
import sys

problems = []


def fail(msg):
    problems.append(msg)


def inside(r, outer, tol=1):
    return (r[0] >= outer[0] - tol and r[1] >= outer[1] - tol and
            r[0] + r[2] <= outer[0] + outer[2] + tol and r[1] + r[3] <= outer[1] + outer[3] + tol)


def intersects(a, b, tol=0):
    return (a[0] + tol < b[0] + b[2] and b[0] + tol < a[0] + a[2] and
            a[1] + tol < b[1] + b[3] and b[1] + tol < a[1] + a[3])


def check_window(p):
    area = p["screen"] if p["fullScreen"] else p["available"]
    # The X server's frame when the suite measured it (the designer's frameGeometry can still
    # hold the frame margins from before a maximize for a moment).
    frame = p.get("xFrame", p["frame"])
    if not inside(frame, area):
        fail(f"window {frame} (the designer says {p['frame']}) is not inside the "
             f"{'screen' if p['fullScreen'] else 'available area'} {area}")
    for m in p["menus"]:
        if not inside(m["rect"], p["screen"]):
            fail(f"menu '{m['text']}' at {m['rect']} is off the screen")
    if "statusBar" in p and not inside(p["statusBar"]["visibleRect"], area):
        fail(f"status bar {p['statusBar']['visibleRect']} is cut off by the screen")
    if "statusBar" in p and p["statusBar"]["visibleRect"][3] < p["statusBar"]["rect"][3]:
        fail("status bar is cut")


def check_overlap(p):
    nodes = p["nodes"]
    for i in range(len(nodes)):
        for j in range(i + 1, len(nodes)):
            if intersects(nodes[i]["scene"], nodes[j]["scene"], tol=1):
                fail(f"nodes '{nodes[i]['name']}' and '{nodes[j]['name']}' overlap "
                     f"({nodes[i]['scene']} and {nodes[j]['scene']})")


def segment_hits_rect(a, b, r, tol=1):
    """True if segment a-b passes through the inside of rectangle r shrunk by tol."""
    left, top = r[0] + tol, r[1] + tol
    right, bottom = r[0] + r[2] - tol, r[1] + r[3] - tol
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p_, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p_ == 0:
            if q <= 0:
                return False
            continue
        t = q / p_
        if p_ < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return t1 > t0


def check_edges(p):
    # No edge, as drawn, passes through a node other than its own two ends; no shown edge label
    # covers a node or another label.
    nodes = p["nodes"]
    edges = p.get("edges", [])
    for e in edges:
        line = e["line"]
        for n in nodes:
            if n["id"] in (e["from"], e["to"]):
                continue
            if any(segment_hits_rect(line[k - 1], line[k], n["scene"]) for k in range(1, len(line))):
                fail(f"edge {e['from']} -> {e['to']} runs through node '{n['name']}' {n['scene']}")
                break
    labels = [e["label"] for e in edges if "label" in e]
    for i, a in enumerate(labels):
        for n in nodes:
            if intersects(a, n["scene"], tol=1):
                fail(f"edge label {a} covers node '{n['name']}'")
        for b in labels[i + 1:]:
            if intersects(a, b, tol=1):
                fail(f"edge labels {a} and {b} overlap")

def check_node_names(p):
    # A name drawn alone (zoomed out) breaks only between words (a space, or after "_") and
    # fits its card.
    for n in p["nodes"]:
        lines = n.get("nameLines")
        if not lines:
            continue
        name, pos = n["name"], 0
        for line in lines[:-1]:
            at = name.find(line, pos)
            end = at + len(line) if at >= 0 else -1
            if at < 0 or not (line.endswith("_") or name[end:end + 1] == " "):
                fail(f"node name '{name}' is broken inside a word: {' / '.join(lines)}")
                break
            pos = end
        size, room = n["nameSize"], n["nameRoom"]
        if size[0] > room[0] + 1 or size[1] > room[1] + 1:
            fail(f"node name '{name}' needs {size[0]}×{size[1]} px, its card has {room[0]}×{room[1]}")


def check_readable(p, minimum=6.5):
    # 6.5 pt is 8.7 px at 96 dpi: the smallest node text (shapes and costs) still read at a
    # desk; the names are larger.
    if p["nodeTextPoints"] < minimum:
        fail(f"node text is {p['nodeTextPoints']:.1f} pt on screen (zoom {p['zoom']:.3f}); "
             f"at least {minimum} pt is needed to read it")
    if not any(intersects(n["global"], p["viewport"]) for n in p["nodes"]):
        fail("no node is in view")


def all_nodes_in_view(p):
    for n in p["nodes"]:
        if not inside(n["global"], p["viewport"], tol=2):
            fail(f"node '{n['name']}' at {n['global']} is outside the canvas {p['viewport']}")


def check_clipping(p):
    for w in p["widgets"]:
        name = w.get("name") or w["class"]
        r, v = w["rect"], w["visibleRect"]
        if w["class"] == "QCustomPlot":
            continue
        needed = w.get("neededWidth", 0)
        if needed and needed > w.get("contentsWidth", needed) + 1:
            fail(f"{name} '{w['text'][:60]}' needs {needed} px but has {w['contentsWidth']}")
        elif w.get("neededTextHeight", 0) > w.get("contentsHeight", 1 << 30) + 1:
            fail(f"{name} '{w['text'][:60]}' is cut: its text needs {w['neededTextHeight']} px "
                 f"of height, the label has {w['contentsHeight']}")
        elif w.get("neededHeight", 0) > r[3] + 1:
            fail(f"{name} '{w['text'][:60]}' needs {w['neededHeight']} px of height but has {r[3]}")
        elif w["class"] in ("QLabel",) and w["text"] and v[2] > 0 and v[3] > 0 and \
                (v[2] < r[2] - 2 or v[3] < r[3] - 2) and w["minimumSizeHint"][0] > v[2]:
            fail(f"{name} '{w['text'][:60]}' is cut: shows {v[2]}×{v[3]} of {r[2]}×{r[3]}")
        for c in w.get("cells", []):
            if c["needed"] > c["width"]:
                fail(f"table cell '{c['text']}' needs {c['needed']} px, column is {c['width']}")
    check_chart_texts(p)


def check_chart_texts(p):
    # Every text a visible chart draws stays in its room (a title in its cell, a tick label in
    # its axis rectangle's cell, a value label and the legend in the plot), and no two overlap.
    for w in p["widgets"]:
        if w["class"] != "QCustomPlot" or w["visibleRect"][2] < 50 or w["visibleRect"][3] < 50:
            continue
        texts = w.get("chartTexts", [])
        for t in texts:
            if not inside(t["box"], t["room"], tol=1):
                b, r = t["box"], t["room"]
                fail(f"chart {w.get('name') or 'plot'}: {t['what']} '{t['text'][:50]}' needs "
                     f"{b[2]}×{b[3]} px at {b[:2]} but its room is {r}")
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                a, b = texts[i], texts[j]
                if "legend" in (a["what"], b["what"]) or (a["what"], b["what"]) == ("title", "title"):
                    continue
                if intersects(a["box"], b["box"], tol=1):
                    fail(f"chart {w.get('name') or 'plot'}: {a['what']} '{a['text'][:30]}' "
                         f"{a['box']} overlaps {b['what']} '{b['text'][:30]}' {b['box']}")


def check_first_view(p):
    # The comparison cards and the MACs chart are on screen without a click.
    if not any(d["name"] == "compareDock" and d["visible"] for d in p["docks"]):
        fail("the comparison is not shown")
    if not any(d["name"] == "chartsDock" and d["visible"] for d in p["docks"]):
        fail("the charts are not shown")
    cards = [w for w in p["widgets"] if w.get("name") == "headlineBig"]
    if not cards:
        fail("no comparison card is on screen")
    plots = [w for w in p["widgets"] if w["class"] == "QCustomPlot" and w["visibleRect"][2] > 50
             and w["visibleRect"][3] > 50]
    if not plots:
        fail("no chart is on screen")
    elif not any(re.search(r"MAC", " ".join(pl["texts"])) for pl in plots):
        fail("the chart on screen does not show MACs: " + "; ".join(" ".join(pl["texts"][:3]) for pl in plots))
    for pl in plots:
        if pl["visibleRect"][3] < 150:
            fail(f"the chart is only {pl['visibleRect'][3]} px tall")


def check_presentation(p, minimum=20.0):
    if not p["presenting"]:
        fail("not in presentation mode")
    if not p["fullScreen"]:
        fail("presentation is not full screen")
    if p["menus"]:
        fail("the menu bar shows in presentation")
    for w in p["widgets"]:
        if w["class"] == "QCustomPlot":
            for f in w["fonts"]:
                if f["points"] < minimum - 0.01:
                    fail(f"chart {f['what']} '{f['text'][:40]}' is {f['points']:.1f} pt")
            if "legendRect" in w and w["legendRect"][2] < w["legendMinimum"][0] - 1:
                fail(f"the chart legend is cut ({w['legendRect'][2]} of {w['legendMinimum'][0]} px)")
        elif w["points"] < minimum - 0.01:
            fail(f"{w.get('name') or w['class']} '{w['text'][:40]}' is {w['points']:.1f} pt")
    if p["nodeTextPoints"] < minimum - 0.01:
        fail(f"node text is {p['nodeTextPoints']:.1f} pt on screen (zoom {p['zoom']:.2f})")
    labelled = any("label" in e for e in p.get("edges", []))
    if labelled and p.get("edgeLabelPoints", minimum) < minimum - 0.01:
        fail(f"edge labels are {p['edgeLabelPoints']:.1f} pt on screen (zoom {p['zoom']:.2f})")
    check_plot_areas(p)
    for w in p["widgets"]:
        if w.get("tabsCut"):
            fail(f"tabs not shown whole: {' | '.join(w['tabsCut'])}")
    for n in p["nodes"]:
        if n.get("namePoints", minimum) < minimum - 0.01:
            fail(f"node name '{n['name']}' is {n['namePoints']:.1f} pt on screen")


def check_plot_areas(p, share=0.35):
    # A chart on screen gives its bars room: each plot area (inside the axes) at least 35 % of
    # the chart's height, not a strip under titles, a subtitle and the legend.
    for w in p["widgets"]:
        if w["class"] != "QCustomPlot" or w["visibleRect"][2] < 50 or w["visibleRect"][3] < 50:
            continue
        for a in w.get("plotAreas", []):
            if a[3] < share * w["rect"][3]:
                fail(f"chart {w.get('name') or 'plot'}: its plot area is {a[3]} px tall, "
                     f"{100 * a[3] / w['rect'][3]:.0f} % of the chart's {w['rect'][3]} px "
                     f"(at least {100 * share:.0f} %)")


def check_step(p, index):
    if not p["stepping"]:
        fail("step-through is not running")
        return
    if p["stepIndex"] != index:
        fail(f"at step {p['stepIndex'] + 1}, expected step {index + 1}")
    hud = p.get("stepHud")
    if not hud:
        fail("the step box is not shown")
        return
    node = next((n for n in p["nodes"] if n["id"] == p["stepLayer"]), None)
    if node and intersects(hud["visibleRect"], node["global"]):
        fail(f"the step box {hud['visibleRect']} covers '{node['name']}' {node['global']}")
    if node and not inside(node["global"], p["viewport"], tol=2):
        fail(f"the explained layer '{node['name']}' is not fully in view")


# A Latin digit that is part of a number; "fp32" or "conv5x5" are names, not numbers.
LATIN_DIGIT = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])|(?<=[^A-Za-z0-9])[0-9]+(?=[×.,٫٬%])")


def check_persian_digits(p):
    names = sorted((n for n in p["userNames"] if n), key=len, reverse=True)

    def strip(text):
        for n in names:
            text = text.replace(n, "")
        return text

    texts = []
    for w in p["widgets"]:
        if w["class"] == "QCustomPlot":
            texts += [("chart", t) for t in w["texts"]]
        else:
            texts.append((w.get("name") or w["class"], w["text"]))
        texts += [("table cell", c["text"]) for c in w.get("cells", [])]
    for m in p["menus"]:
        texts.append(("menu", m["text"]))
        texts += [("menu item", i["text"]) for i in m["items"]]
    if "stepHud" in p:
        texts.append(("step box", p["stepHud"]["text"]))
    for where, t in texts:
        if LATIN_DIGIT.search(strip(t)):
            fail(f"Latin digit in Persian {where}: '{t[:80]}'")


def check_mnemonics(p):
    arabic = re.compile(r"[\u0600-\u06FF]")
    for m in p["menus"]:
        for t in [m["text"]] + [i["text"] for i in m["items"]]:
            i = t.find("&")
            while i >= 0 and i + 1 < len(t):
                if t[i + 1] == "&":
                    i = t.find("&", i + 2)
                    continue
                if arabic.match(t[i + 1]) or (i > 0 and arabic.match(t[i - 1])):
                    fail(f"mnemonic inside a Persian word: '{t}'")
                break


def check_same(p, q):
    if abs(p["zoom"] - q["zoom"]) > 1e-3:
        fail(f"zoom {p['zoom']:.3f} is not the {q['zoom']:.3f} from before")
    qd = {d["name"]: d for d in q["docks"]}
    for d in p["docks"]:
        e = qd.get(d["name"])
        if not e:
            continue
        if d["visible"] != e["visible"] or d["area"] != e["area"]:
            fail(f"dock {d['name']}: shown={d['visible']} area={d['area']}, before shown={e['visible']} area={e['area']}")
        elif d["visible"] and any(abs(a - b) > 2 for a, b in zip(d["rect"], e["rect"])):
            fail(f"dock {d['name']} at {d['rect']}, before {e['rect']}")
    qn = {n["id"]: n for n in q["nodes"]}
    for n in p["nodes"]:
        m = qn.get(n["id"])
        if m and any(abs(a - b) > 2 for a, b in zip(n["global"], m["global"])):
            fail(f"node '{n['name']}' at {n['global']}, before {m['global']}")
            break


# The lesson's two paths, worked by hand (REFERENCE-NUMBERS.md): 28·28·32·5·5·192 and
# 28·28·16·1·1·192 + 28·28·32·5·5·16.
LESSON_MACS = (120_422_400, 2_408_448 + 10_035_200)


def check_built_lesson(p, actions, max_actions):
    """The lesson rebuilt from an empty document: four layers, two variants compared, the
    lesson's MACs, in at most max_actions user actions."""
    if actions > max_actions:
        fail(f"rebuilding the lesson took {actions} actions, more than {max_actions}")
    if p.get("layerCount") != 4:
        fail(f"{p.get('layerCount')} layers, expected 4 (input, the plain 5×5, the 1×1 and the 5×5 after it)")
    variants = p.get("variants", [])
    pair = p.get("pair", [-1, -1])
    if len(variants) != 2:
        fail(f"{len(variants)} comparison variants, expected 2: {[v['name'] for v in variants]}")
    if any(i < 0 or i >= len(variants) for i in pair):
        fail(f"no pair compared (A, B = {pair})")
        return
    for role, i, want in (("A", pair[0], LESSON_MACS[0]), ("B", pair[1], LESSON_MACS[1])):
        v = variants[i]
        if v.get("error"):
            fail(f"variant {role} '{v['name']}': {v['error']}")
        if int(v["macs"]) != want:
            fail(f"variant {role} '{v['name']}' has {int(v['macs']):,} MACs, expected {want:,}")
        if not v["name"].strip():
            fail(f"variant {role} has no name")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("probe")
    ap.add_argument("--first-start", action="store_true")
    ap.add_argument("--presentation", action="store_true")
    ap.add_argument("--step", type=int)
    ap.add_argument("--lang", default="en")
    ap.add_argument("--same-as")
    ap.add_argument("--window", action="store_true")
    ap.add_argument("--no-overlap", action="store_true")
    ap.add_argument("--readable", action="store_true")
    ap.add_argument("--min-nodes", type=int, default=0)
    ap.add_argument("--all-in-view", action="store_true",
                    help="every node inside the canvas's viewport (no scrolling needed)")
    ap.add_argument("--built-lesson", action="store_true")
    ap.add_argument("--actions", type=int, default=0)
    ap.add_argument("--max-actions", type=int, default=12)
    a = ap.parse_args()
    with open(a.probe, encoding="utf-8") as f:
        p = json.load(f)
    if a.first_start or a.window or a.presentation:
        check_window(p)
    if a.first_start or a.presentation or a.no_overlap:
        check_overlap(p)
        check_edges(p)
    if a.first_start or a.presentation:
        check_clipping(p)
        check_node_names(p)
    if a.first_start:
        # The first view is read comfortably: 7.5 pt at least (the fit never lands between
        # the names-only level of detail and the zoom where shapes and costs reach it).
        check_readable(p, minimum=7.5)
        all_nodes_in_view(p)
        check_first_view(p)
        check_mnemonics(p) if a.lang == "fa" else None
    if a.readable:
        check_readable(p)
    if a.presentation:
        check_presentation(p)
    if a.all_in_view:
        all_nodes_in_view(p)
    if a.step is not None:
        check_step(p, a.step)
    if a.lang == "fa":
        check_persian_digits(p)
        if not p["rtl"]:
            fail("Persian is not right to left")
    if a.built_lesson:
        check_built_lesson(p, a.actions, a.max_actions)
    if len(p["nodes"]) < a.min_nodes:
        fail(f"{len(p['nodes'])} nodes, expected at least {a.min_nodes}")
    if a.same_as:
        with open(a.same_as, encoding="utf-8") as f:
            check_same(p, json.load(f))
    for m in problems:
        print("  - " + m)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
