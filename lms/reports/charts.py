"""Charts for the reports: computed here, drawn as inline SVG on the server.

No JavaScript and no external service. Each chart is an ``<svg role="img">`` with a
``<title>`` and ``<desc>`` (named through ``aria-labelledby``) and comes with the same
figures as a data table, which the page shows right below it and which exports as
CSV/XLSX like any other table.

Coverage over time is computed from the evidence with its dates, not from the
projection (which only knows today): at the end of each month, a requirement of a
person's function is met when a badge award for that competence at the required
level or higher was valid then (awarded, not yet revoked or expired) or a coach's
sign-off at that level had been given and not withdrawn. People are counted in the
department and function they are in *now*; the framework (requirements) is today's.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from badges.models import BadgeAward, CompetenceSignOff, FunctionRequirement
from courses.models import Enrolment
from lms.organisation.models import Department
from lms.reports.exports import Table

MONTHS = 12
# Distinguishable for colour-blind readers (Okabe–Ito), dark enough on white.
PALETTE = ["#154273", "#a3410e", "#1e6b2f", "#6b2c91", "#00607a", "#8a6100"]


def month_ends(*, months: int = MONTHS, today: date | None = None) -> list[date]:
    """The last day of each of the last ``months`` months, this month included
    (its end is today, as far as it has come)."""
    today = today or timezone.localdate()
    ends = []
    year, month = today.year, today.month
    for _i in range(months):
        last = date(year, month, calendar.monthrange(year, month)[1])
        ends.append(min(last, today))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(ends))


def month_label(day: date) -> str:
    return date_format(day, "M Y")


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.max))


@dataclass
class Series:
    label: str
    values: list[float | None]


@dataclass
class Chart:
    slug: str
    title: str
    description: str
    months: list[date]
    series: list[Series]
    unit: str = ""  # "%" or ""
    kind: str = "bar"  # "bar" or "line"
    table_headers: list[str] = field(default_factory=list)
    table_rows: list[list] = field(default_factory=list)
    export_table: str = ""  # the name of this table in the export URL

    @property
    def is_empty(self) -> bool:
        return not any(v for s in self.series for v in s.values)

    def svg(self, series: Series | None = None, *, small: bool = False) -> SafeString:
        if self.kind == "line":
            return line_chart(self, series or self.series[0], small=small)
        return bar_chart(self, series or self.series[0])

    @property
    def small_multiples(self) -> list[tuple[Series, SafeString]]:
        return [(s, self.svg(s, small=True)) for s in self.series]

    def table(self) -> Table:
        return Table(name=self.slug, headers=self.table_headers, rows=self.table_rows)


# --- Data -----------------------------------------------------------------------


def coverage_history(
    *, subjects: QuerySet, months: int = MONTHS, today: date | None = None
) -> Chart:
    """Per department: requirements met / requirements at each month end."""
    ends = month_ends(months=months, today=today)
    people = list(subjects.values_list("user_id", "job_function_id", "department_id"))
    requirements: dict = defaultdict(list)
    for function_id, competence_id, level in FunctionRequirement.objects.filter(
        competence__is_active=True,
        job_function__in={f for _u, f, _d in people if f},
    ).values_list("job_function_id", "competence_id", "level"):
        requirements[function_id].append((competence_id, level))

    # (user, competence) -> [(level, valid from, valid until or None)]
    held: dict = defaultdict(list)
    user_ids = subjects.values("user_id")
    for (
        user_id,
        competence_id,
        level,
        start,
        revoked,
        expires,
    ) in BadgeAward.objects.filter(
        recipient_id__in=user_ids, badge_class__competence__isnull=False
    ).values_list(
        "recipient_id",
        "badge_class__competence_id",
        "badge_class__level",
        "awarded_at",
        "revoked_at",
        "expires_at",
    ):
        ends_at = min((d for d in (revoked, expires) if d is not None), default=None)
        held[(user_id, competence_id)].append((level, start, ends_at))
    for (
        user_id,
        competence_id,
        level,
        observed,
        withdrawn,
    ) in CompetenceSignOff.objects.filter(learner_id__in=user_ids).values_list(
        "learner_id", "competence_id", "level", "observed_on", "withdrawn_at"
    ):
        start = timezone.make_aware(datetime.combine(observed, time.min))
        held[(user_id, competence_id)].append((level, start, withdrawn))

    moments = [_end_of(day) for day in ends]
    required_per_department: dict = defaultdict(int)
    met: dict = defaultdict(lambda: [0] * len(ends))
    for user_id, function_id, department_id in people:
        for competence_id, level in requirements.get(function_id, ()):
            required_per_department[department_id] += 1
            intervals = [
                (start, until)
                for held_level, start, until in held.get((user_id, competence_id), ())
                if held_level is not None and held_level >= level
            ]
            if not intervals:
                continue
            counts = met[department_id]
            for i, moment in enumerate(moments):
                if any(
                    start <= moment and (until is None or until > moment)
                    for start, until in intervals
                ):
                    counts[i] += 1

    names = dict(
        Department.objects.filter(
            pk__in=[d for d in required_per_department if d is not None]
        ).values_list("pk", "name")
    )
    series = []
    for department_id in sorted(
        required_per_department,
        key=lambda d: (d is None, names.get(d, "").lower()),
    ):
        required = required_per_department[department_id]
        values = [
            round(100 * n / required, 1) if required else None
            for n in met.get(department_id, [0] * len(ends))
        ]
        series.append(
            Series(
                label=names.get(department_id) or _("(no department)"), values=values
            )
        )
    total_required = sum(required_per_department.values())
    if len(series) > 1 and total_required:
        totals = [
            sum(met.get(d, [0] * len(ends))[i] for d in required_per_department)
            for i in range(len(ends))
        ]
        series.insert(
            0,
            Series(
                label=_("All departments"),
                values=[round(100 * n / total_required, 1) for n in totals],
            ),
        )
    headers = [_("Department"), *[month_label(d) for d in ends]]
    rows = [[s.label, *s.values] for s in series]
    return Chart(
        slug="dekking-per-maand",
        title=_("Coverage of required competences, per department"),
        description=_(
            "Percentage of the competence requirements of people's functions that "
            "was met at the end of each month, over the last %(months)d months."
        )
        % {"months": months},
        months=ends,
        series=series,
        unit="%",
        kind="line",
        export_table="chart-coverage",
        table_headers=headers,
        table_rows=rows,
    )


def _per_month(queryset: QuerySet, field_name: str, ends: list[date]) -> list[int]:
    first = ends[0].replace(day=1)
    counts = {
        timezone.localtime(month).date().replace(day=1)
        if isinstance(month, datetime)
        else month.replace(day=1): n
        for month, n in queryset.filter(
            **{f"{field_name}__gte": _end_of(first - timedelta(days=1))}
        )
        .annotate(month=TruncMonth(field_name))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    }
    return [counts.get(day.replace(day=1), 0) for day in ends]


def completions_per_month(
    *, subjects: QuerySet, months: int = MONTHS, today: date | None = None
) -> Chart:
    ends = month_ends(months=months, today=today)
    values = _per_month(
        Enrolment.objects.filter(
            user_id__in=subjects.values("user_id"),
            status=Enrolment.Status.COMPLETED,
            finished_at__isnull=False,
        ),
        "finished_at",
        ends,
    )
    return _count_chart(
        export_table="chart-completions",
        slug="afgeronde-modules-per-maand",
        title=_("Modules completed per month"),
        description=_(
            "Number of modules completed in each of the last %(months)d months."
        )
        % {"months": months},
        label=_("Modules completed"),
        ends=ends,
        values=values,
    )


def badges_per_month(
    *, subjects: QuerySet, months: int = MONTHS, today: date | None = None
) -> Chart:
    ends = month_ends(months=months, today=today)
    values = _per_month(
        BadgeAward.objects.filter(recipient_id__in=subjects.values("user_id")),
        "awarded_at",
        ends,
    )
    return _count_chart(
        export_table="chart-badges",
        slug="badges-per-maand",
        title=_("Badges awarded per month"),
        description=_("Number of badges awarded in each of the last %(months)d months.")
        % {"months": months},
        label=_("Badges awarded"),
        ends=ends,
        values=values,
    )


def _count_chart(*, export_table, slug, title, description, label, ends, values):
    return Chart(
        export_table=export_table,
        slug=slug,
        title=title,
        description=description,
        months=ends,
        series=[Series(label=label, values=values)],
        table_headers=[_("Month"), label],
        table_rows=[[month_label(d), v] for d, v in zip(ends, values, strict=True)],
    )


# --- Drawing ------------------------------------------------------------------------

WIDTH, HEIGHT = 640, 260
# Small multiples are drawn on a smaller canvas, so their text stays readable
# when three fit side by side.
SMALL_WIDTH, SMALL_HEIGHT = 360, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


def _nice_max(value: float) -> int:
    """A top for the axis whose quarters are whole numbers (4, 8, 20, 40, 100 …)."""
    top = 4
    while top < value:
        top = top * 5 // 2 if str(top).startswith("8") else top * 2
    return top


def _svg_open(chart: Chart, uid: str, width: int, height: int, desc: str) -> str:
    return (
        f'<svg class="zw-chart__svg" role="img" aria-labelledby="{uid}-t {uid}-d" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-t">{escape(chart.title)}</title>'
        f'<desc id="{uid}-d">{escape(desc)}</desc>'
    )


def _summary(chart: Chart, series: Series) -> str:
    parts = [
        f"{month_label(d)}: {'–' if v is None else v}{chart.unit}"
        for d, v in zip(chart.months, series.values, strict=True)
    ]
    return f"{series.label}. {chart.description} " + "; ".join(parts) + "."


def _axes(top_value: int, unit: str, plot_w: int, plot_h: int) -> list[str]:
    """Horizontal grid lines with their values, at 0, ¼, ½, ¾ and the top."""
    parts = []
    for i in range(5):
        value = top_value * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" '
            f'class="zw-chart__grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'class="zw-chart__label">{value:g}{escape(unit)}</text>'
        )
    return parts


def _month_labels(
    chart: Chart, xs: list[float], height: int = HEIGHT, every: int = 1
) -> list[str]:
    last = len(xs) - 1
    return [
        f'<text x="{x:.1f}" y="{height - BOTTOM + 18}" text-anchor="middle" '
        f'class="zw-chart__label">{escape(date_format(d, "M"))}</text>'
        for i, (d, x) in enumerate(zip(chart.months, xs, strict=True))
        if (last - i) % every == 0
    ]


def bar_chart(chart: Chart, series: Series) -> SafeString:
    uid = f"chart-{chart.slug}"
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    values = [v or 0 for v in series.values]
    top_value = _nice_max(max(values, default=0))
    slot = plot_w / max(len(values), 1)
    parts = [_svg_open(chart, uid, WIDTH, HEIGHT, _summary(chart, series))]
    parts += _axes(top_value, chart.unit, plot_w, plot_h)
    xs = []
    for i, value in enumerate(values):
        h = plot_h * value / top_value if top_value else 0
        x = LEFT + i * slot + slot * 0.15
        xs.append(LEFT + i * slot + slot / 2)
        parts.append(
            f'<rect x="{x:.1f}" y="{TOP + plot_h - h:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{h:.1f}" class="zw-chart__bar"/>'
        )
        if value:
            parts.append(
                f'<text x="{xs[-1]:.1f}" y="{TOP + plot_h - h - 4:.1f}" '
                f'text-anchor="middle" class="zw-chart__value">{value:g}</text>'
            )
    parts += _month_labels(chart, xs)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def line_chart(chart: Chart, series: Series, *, small: bool = False) -> SafeString:
    index = chart.series.index(series) if series in chart.series else 0
    uid = f"chart-{chart.slug}-{index}"
    width, height = (SMALL_WIDTH, SMALL_HEIGHT) if small else (WIDTH, HEIGHT)
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    top_value = (
        100
        if chart.unit == "%"
        else _nice_max(max((v or 0 for v in series.values), default=0))
    )
    slot = plot_w / max(len(series.values) - 1, 1)
    parts = [_svg_open(chart, uid, width, height, _summary(chart, series))]
    parts += _axes(top_value, chart.unit, plot_w, plot_h)
    xs = [LEFT + i * slot for i in range(len(series.values))]
    points = [
        (x, TOP + plot_h - plot_h * v / top_value)
        for x, v in zip(xs, series.values, strict=True)
        if v is not None
    ]
    colour = PALETTE[index % len(PALETTE)]
    if points:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="3" stroke-linejoin="round"/>'
        )
        for x, y in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
        last = series.values[-1]
        if last is not None:
            x, y = points[-1]
            parts.append(
                f'<text x="{x - 6:.1f}" y="{max(y - 10, TOP + 10):.1f}" '
                f'text-anchor="end" class="zw-chart__value">{last:g}{escape(chart.unit)}'
                "</text>"
            )
    parts += _month_labels(chart, xs, height, every=3 if small else 1)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
