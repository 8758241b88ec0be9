"""Horizontal bar charts drawn as inline SVG (no script, no library), with the same figures
always in a table beside them for screen readers. Rendered by `includes/bar_chart.html`.

Every coordinate is a whole number: the template prints them unlocalised, but a float would
still put an Indonesian decimal comma into an SVG attribute wherever someone forgot that."""

from dataclasses import dataclass, field

LABEL_GAP = 8  # between a bar's label and the bar
VALUE_GAP = 6  # between a bar's end and its value
TICK_ROOM = 24  # under the bars, for the tick labels
VALUE_ROOM = 50  # right of the longest bar, for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    y: int
    text_y: int
    width: int
    value_x: int


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class BarChart:
    dom_id: str  # prefix of the SVG's <title> and <desc> ids
    title: str
    description: str
    width: int
    height: int
    bar: int
    label_width: int
    plot: int  # the longest bar's length
    axis_y: int  # where the tick lines end
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)

    @property
    def label_x(self) -> int:
        return self.label_width - LABEL_GAP


def bar_chart(
    rows: list[tuple[str, int, str]],
    *,
    dom_id: str,
    title: str,
    description: str,
    top: int,
    width: int,
    label_width: int,
    bar: int,
    gap: int,
    tick_percents: tuple[int, ...] = (),
) -> BarChart:
    """A chart of (label, value, value as shown) rows; a value of `top` fills the plot.
    `tick_percents` draws grid lines at those shares of `top`, labelled as percentages."""
    plot = width - label_width - VALUE_ROOM
    top = top or 1
    bars = []
    for index, (label, value, value_text) in enumerate(rows):
        y = index * (bar + gap)
        length = max(value * plot // top, 1)
        bars.append(
            Bar(
                label=label,
                value_text=value_text,
                y=y,
                text_y=y + bar * 7 // 10,
                width=length,
                value_x=label_width + length + VALUE_GAP,
            )
        )
    bars_height = max(len(rows) * (bar + gap) - gap, 0)
    return BarChart(
        dom_id=dom_id,
        title=title,
        description=description,
        width=width,
        height=bars_height + (TICK_ROOM if tick_percents else gap),
        bar=bar,
        label_width=label_width,
        plot=plot,
        axis_y=bars_height + 4,
        bars=bars,
        ticks=[Tick(label_width + plot * p // 100, f"{p}%") for p in tick_percents],
    )
