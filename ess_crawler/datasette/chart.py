"""Datasette plugin: the data of the chart pages (`/chart` and `/chart/DATABASE`).

Articles per month (or `?by=year`) per site, as an inline SVG line chart drawn by the
template `pages/chart/{database}.html`: no JavaScript, nothing fetched from the network.
Everything here is numbers and escaped labels.
"""

import datetime as dt

from datasette import hookimpl

WIDTH, HEIGHT = 960, 360
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d"]


def _periods(first: str, last: str, by: str) -> list[str]:
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _ticks(top: int) -> list[int]:
    """0, then round steps (1, 2, 5 x 10^n) up to at least `top`, at most 7 lines."""
    magnitude = 1
    while True:
        for base in (1, 2, 5):
            step = base * magnitude
            if top / step <= 6:
                return list(range(0, top + step, step)) if top > 0 else [0, 1]
        magnitude *= 10


def chart_data(rows, by: str) -> dict:
    """rows: (site, period, count). Returns the SVG geometry and the table of counts."""
    rows = [(site or "?", period, count) for site, period, count in rows if period]
    if not rows:
        return {"empty": True}
    periods = _periods(min(r[1] for r in rows), max(r[1] for r in rows), by)
    index = {p: i for i, p in enumerate(periods)}
    sites = sorted({r[0] for r in rows})
    counts = {s: [0] * len(periods) for s in sites}
    for site, period, count in rows:
        if period in index:
            counts[site][index[period]] += count
    ticks = _ticks(max(max(c) for c in counts.values()))
    top = ticks[-1] or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i):
        return round(LEFT + (plot_w * i / (len(periods) - 1) if len(periods) > 1 else plot_w / 2), 1)

    def y(v):
        return round(TOP + plot_h - plot_h * v / top, 1)

    series = []
    for n, site in enumerate(sites):
        values = counts[site]
        series.append({
            "site": site, "colour": COLOURS[n % len(COLOURS)], "total": sum(values),
            "points": " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values)),
            "dots": [{"x": x(i), "y": y(v), "period": periods[i], "count": v} for i, v in enumerate(values) if v],
        })
    years = sorted({p[:4] for p in periods})
    step = max(1, len(years) // 12)
    labels = [{"x": x(index[p]), "text": p[:4]} for p in periods
              if (by == "year" or p.endswith("-01") or p == periods[0]) and int(p[:4]) % step == 0]
    return {
        "empty": False, "width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
        "top": TOP, "bottom": HEIGHT - BOTTOM, "by": by, "series": series, "periods": periods,
        "labels": labels, "ticks": [{"y": y(t), "value": t} for t in ticks],
        "table": [{"period": p, "counts": [counts[s][i] for s in sites]} for i, p in enumerate(periods)
                  if any(counts[s][i] for s in sites)],
        "sites": sites,
    }


async def _databases_with_articles(datasette):
    names = []
    for name, db in datasette.databases.items():
        if name.startswith("_"):
            continue
        if await db.table_exists("articles"):
            names.append(name)
    return names


@hookimpl
def extra_template_vars(template, database, view_name, request, datasette):
    if view_name != "page" or request is None or not request.path.rstrip("/").startswith("/chart"):
        return {}

    async def inner():
        names = await _databases_with_articles(datasette)
        if not database:
            return {"chart_databases": names}
        if database not in names:
            return {"chart_databases": names, "chart": {"empty": True, "missing": True}}
        by = "year" if request.args.get("by") == "year" else "month"
        width = 4 if by == "year" else 7
        last = str(dt.date.today().year + 1)
        result = await datasette.get_database(database).execute(
            f"select site, substr(published, 1, {width}) as period, count(*) from articles "
            "where +published >= '1990' and +published < ? group by 1, 2", [last])  # (site, published) index
        return {"chart_databases": names, "chart": chart_data(result.rows, by)}

    return inner
