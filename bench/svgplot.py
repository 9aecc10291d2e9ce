"""Hand-written SVG line plot (log–log) of throughput against input size; no dependencies."""
import math
from xml.sax.saxutils import escape

COLORS = ["#1b6ac9", "#d1495b", "#2a9d8f", "#e9a03b", "#6a4c93", "#444444", "#8ab17d"]


def _ticks(lo, hi):
    return [10**e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]


def _label(v, unit):
    for div, suf in ((1e9, "G"), (1e6, "M"), (1e3, "K")):
        if v >= div:
            return f"{v / div:g}{suf}{unit}"
    return f"{v:g}{unit}"


def plot(series, title, width=760, height=440):
    """SVG text for {name: [(x, y)...]} on log axes (x: chars, y: chars/s)."""
    pts = [p for s in series.values() for p in s if p[0] > 0 and p[1] > 0]
    if not pts:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
    xt = _ticks(min(p[0] for p in pts), max(p[0] for p in pts))
    yt = _ticks(min(p[1] for p in pts), max(p[1] for p in pts))
    left, right, top, bottom = 70, 270, 40, 50
    pw, ph = width - left - right, height - top - bottom
    lx0, lx1 = math.log10(xt[0]), math.log10(xt[-1])
    ly0, ly1 = math.log10(yt[0]), math.log10(yt[-1])
    lx1 = lx1 if lx1 > lx0 else lx0 + 1
    ly1 = ly1 if ly1 > ly0 else ly0 + 1

    def sx(x):
        return left + (math.log10(x) - lx0) / (lx1 - lx0) * pw

    def sy(y):
        return top + ph - (math.log10(y) - ly0) / (ly1 - ly0) * ph

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for x in xt:
        out.append(f'<line x1="{sx(x):.1f}" y1="{top}" x2="{sx(x):.1f}" y2="{top + ph}" stroke="#ddd"/>')
        out.append(f'<text x="{sx(x):.1f}" y="{top + ph + 18}" text-anchor="middle">{_label(x, "")}</text>')
    for y in yt:
        out.append(f'<line x1="{left}" y1="{sy(y):.1f}" x2="{left + pw}" y2="{sy(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{sy(y) + 4:.1f}" text-anchor="end">{_label(y, "")}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    out.append(f'<text x="{left + pw / 2}" y="{height - 10}" text-anchor="middle">input size (chars)</text>')
    out.append(f'<text x="16" y="{top + ph / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {top + ph / 2})">chars per second</text>')
    for i, (name, s) in enumerate(series.items()):
        c = COLORS[i % len(COLORS)]
        s = sorted(p for p in s if p[0] > 0 and p[1] > 0)
        if len(s) > 1:
            path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in s)
            out.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
        for x, y in s:
            out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4" fill="{c}"/>')
        ly = top + 10 + i * 20
        out.append(f'<rect x="{left + pw + 14}" y="{ly - 9}" width="12" height="12" fill="{c}"/>')
        out.append(f'<text x="{left + pw + 32}" y="{ly + 1}">{escape(name)}</text>')
    out.append("</svg>\n")
    return "\n".join(out)
