"""Bar charts drawn on the server, as SVG: the geometry here, the markup in
``moderation/includes/bar_chart.html``.

Each chart has a title and a text description (the SVG's ``<title>`` and
``<desc>``, its accessible name and description); the page puts the same figures
in a table beside it, so nothing is only in the picture. No script, no inline
style: colours come from classes in ``moderation/report.css``.
"""

import math
from dataclasses import dataclass, field

WIDTH = 640
COLUMN_HEIGHT = 220
ROW_HEIGHT = 26
LABEL_WIDTH = 230  # a horizontal chart's labels, left of its bars
MARGIN = 8
AXIS_LABEL = 32  # under a column chart: the weeks; left of it: the ticks


def nice_maximum(value):
    """The top of the axis: 1, 2, 5 or 10 times a power of ten, at least ``value``."""
    if value <= 4:
        return 4
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover (the loop always returns)


@dataclass
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    text_x: float = 0
    text_y: float = 0
    show_label: bool = True
    shown: str = ""  # the value as written beside the bar ("3 hours 20 minutes")

    def __post_init__(self):
        if not self.shown:
            self.shown = str(self.value)


@dataclass
class Chart:
    slug: str  # unique on the page: the ids of its title and description
    title: str
    description: str
    kind: str  # "columns" (a series over time) or "rows" (categories)
    width: int = WIDTH
    height: int = 0
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)  # (value, y) of a column chart
    baseline: float = 0
    plot_left: float = 0
    plot_right: float = 0


def column_chart(slug, title, description, items, label_every=1):
    """Vertical bars for a series, [(label, value)], in order; every
    ``label_every``-th bar is labelled under the axis."""
    top = nice_maximum(max((value for _label, value in items), default=0))
    plot_left, plot_right = AXIS_LABEL + MARGIN, WIDTH - MARGIN
    plot_top, plot_bottom = MARGIN * 2, COLUMN_HEIGHT - AXIS_LABEL
    slot = (plot_right - plot_left) / max(len(items), 1)
    chart = Chart(slug, title, description, "columns", height=COLUMN_HEIGHT, baseline=plot_bottom)
    for i, (label, value) in enumerate(items):
        height = (plot_bottom - plot_top) * value / top
        x = plot_left + i * slot + slot * 0.15
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=round(x, 1),
                y=round(plot_bottom - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                text_x=round(x + slot * 0.35, 1),
                text_y=plot_bottom + 16,
                show_label=i % label_every == 0,
            )
        )
    # 0, half and the top of the axis: whole numbers, as every top is even.
    chart.ticks = [
        (top * step // 2, round(plot_bottom - (plot_bottom - plot_top) * step / 2, 1))
        for step in range(3)
    ]
    chart.plot_left, chart.plot_right = plot_left, plot_right
    return chart


def row_chart(slug, title, description, items):
    """Horizontal bars for categories, [(label, value)] or [(label, value, shown)], one
    row each: ``shown`` is the value as written beside its bar, when not the number."""
    items = [(item[0], item[1], item[2] if len(item) > 2 else "") for item in items]
    top = nice_maximum(max((value for _label, value, _shown in items), default=0))
    plot_left, plot_right = LABEL_WIDTH, WIDTH - 48  # room for the value after a bar
    height = MARGIN * 2 + ROW_HEIGHT * max(len(items), 1)
    chart = Chart(slug, title, description, "rows", height=height, baseline=plot_left)
    for i, (label, value, shown) in enumerate(items):
        y = MARGIN + i * ROW_HEIGHT
        length = (plot_right - plot_left) * value / top
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=plot_left,
                y=y + 4,
                width=round(length, 1),
                height=ROW_HEIGHT - 8,
                text_x=round(plot_left + length + 6, 1),
                text_y=y + ROW_HEIGHT / 2 + 5,
                shown=shown,
            )
        )
    chart.plot_left, chart.plot_right = plot_left, plot_right
    return chart
