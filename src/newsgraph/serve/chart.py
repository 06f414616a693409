"""A claims ledger's chart: value over time as an SVG drawn on the server (no script).

Each dated claim is a point at (article date, value); the hedge picks the marker (▲ "more
than" and the like, ▼ "less than", ● "approximately", ■ an exact figure) and a range
("400 to 500") is a vertical bar up to its upper value. Undated claims cannot be placed
in time and are left to the table below the chart.
"""

from __future__ import annotations

from datetime import date

from markupsafe import Markup, escape

from newsgraph.serve.describe import parse_date

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 70, 70, 24, 50


def _marker(qualifier: str | None) -> str:
    q = (qualifier or "").lower()
    if any(w in q for w in ("more", "over", "above", "at least", "exceed", "upward")):
        return "up"
    if any(w in q for w in ("less", "under", "below", "at most", "fewer", "up to")):
        return "down"
    if q:
        return "about"
    return "exact"


def _fmt(v: float) -> str:
    if v == int(v):
        return f"{int(v):,}"
    return f"{v:,.4g}"


def _nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(v))) - 1) if v >= 1 else 0.1
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= v:
            return top
    return v


def svg(rows: list[dict], label: str) -> Markup | None:
    """The chart of the dated rows (``date``, ``value``, ``upper``, ``qualifier``, ``who``), or None."""
    points = []
    for r in rows:
        d = parse_date(r.get("date"))
        try:
            v = float(r["value"])
        except (TypeError, ValueError, KeyError):
            continue
        if d is None:
            continue
        upper = None
        try:
            upper = float(r["upper"]) if r.get("upper") else None
        except ValueError:
            upper = None
        points.append((d, v, upper, r))
    if not points:
        return None
    points.sort(key=lambda p: (p[0], p[1]))
    d0, d1 = points[0][0], points[-1][0]
    span = max((d1 - d0).days, 1)
    top = _nice_max(max(max(v, u or v) for _, v, u, _ in points) * 1.05)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(d: date) -> float:
        if d0 == d1:
            return LEFT + plot_w / 2
        return LEFT + plot_w * (d - d0).days / span

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-title">',
           f'<title id="chart-title">{escape(label)}: claimed value by article date</title>',
           f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#ccc"/>']
    for i in range(5):
        v = top * i / 4
        yy = y(v)
        out.append(f'<line x1="{LEFT}" y1="{yy:.1f}" x2="{LEFT + plot_w}" y2="{yy:.1f}" stroke="#e4e4e4"/>')
        out.append(f'<text x="{LEFT - 8}" y="{yy + 4:.1f}" text-anchor="end" font-size="12" fill="#444">'
                   f'{escape(_fmt(v))}</text>')
    ticks = sorted({p[0] for p in points})
    if len(ticks) > 8:
        step = (len(ticks) - 1) / 7
        ticks = [ticks[round(i * step)] for i in range(8)]
    for d in ticks:
        xx = x(d)
        out.append(f'<line x1="{xx:.1f}" y1="{TOP + plot_h}" x2="{xx:.1f}" y2="{TOP + plot_h + 5}" stroke="#888"/>')
        out.append(f'<text x="{xx:.1f}" y="{TOP + plot_h + 20}" text-anchor="middle" font-size="12" fill="#444">'
                   f'{d.isoformat()}</text>')
    if len(points) > 1:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v, _, _ in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="#7a9cc6" stroke-width="1.5"/>')
    for d, v, upper, r in points:
        xx, yy = x(d), y(v)
        tip = f"{r.get('date')}: {r.get('qualifier') or ''} {_fmt(v)} — {r.get('who') or 'unattributed'}".replace("  ", " ")
        out.append(f'<a href="{escape(r["href"])}">' if r.get("href") else "<g>")
        out.append(f"<title>{escape(tip)}</title>")
        if upper is not None and upper > v:
            out.append(f'<line x1="{xx:.1f}" y1="{yy:.1f}" x2="{xx:.1f}" y2="{y(upper):.1f}" stroke="#1f4e8c" '
                       f'stroke-width="3"/>')
        kind = _marker(r.get("qualifier"))
        if kind == "up":
            out.append(f'<polygon points="{xx:.1f},{yy - 7:.1f} {xx - 6:.1f},{yy + 5:.1f} {xx + 6:.1f},{yy + 5:.1f}" '
                       f'fill="#1f4e8c"/>')
        elif kind == "down":
            out.append(f'<polygon points="{xx:.1f},{yy + 7:.1f} {xx - 6:.1f},{yy - 5:.1f} {xx + 6:.1f},{yy - 5:.1f}" '
                       f'fill="#1f4e8c"/>')
        elif kind == "about":
            out.append(f'<circle cx="{xx:.1f}" cy="{yy:.1f}" r="6" fill="#1f4e8c"/>')
        else:
            out.append(f'<rect x="{xx - 5:.1f}" y="{yy - 5:.1f}" width="10" height="10" fill="#1f4e8c"/>')
        out.append(f'<text x="{xx + 9:.1f}" y="{yy - 8:.1f}" font-size="12" fill="#222">{escape(_fmt(v))}</text>')
        out.append("</a>" if r.get("href") else "</g>")
    out.append(f'<text x="{LEFT + plot_w / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" font-size="12" '
               f'fill="#444">article date</text>')
    out.append("</svg>")
    return Markup("".join(out))
