// The audit's timeline: flags in the code over the history as an SVG step chart, drawn by hand (a
// charting library would be the report's largest part), with reuse incidents marked in red.
import type { TimelinePoint } from "./audit-data.js";

const width = 820;
const height = 260;
const margin = { top: 20, right: 20, bottom: 40, left: 48 };

/** The chart as an inline `<svg>` element; a sentence when there is no history to draw. */
export function timelineChart(points: readonly TimelinePoint[]): string {
  if (points.length === 0) return '<p class="empty">No history to draw.</p>';
  const times = points.map((p) => Date.parse(p.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = Math.max(last - first, 1);
  const top = Math.max(1, ...points.map((p) => p.flags));
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (time: number): number => margin.left + ((time - first) / span) * plotWidth;
  const y = (flags: number): number => margin.top + plotHeight - (flags / top) * plotHeight;
  let path = `M ${x(times[0] ?? first).toFixed(1)} ${y(0).toFixed(1)}`;
  points.forEach((point, i) => {
    const at = x(times[i] ?? first).toFixed(1);
    path += ` H ${at} V ${y(point.flags).toFixed(1)}`;
  });
  path += ` H ${x(last).toFixed(1)}`;
  const ticks = [...new Set([0, Math.round(top / 2), top])];
  const yAxis = ticks
    .map((t) => `<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/><text class="tick" x="${margin.left - 8}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${t}</text>`)
    .join("");
  const labels = [first, last]
    .map((t, i) => `<text class="tick" x="${x(t).toFixed(1)}" y="${height - margin.bottom + 18}" text-anchor="${i === 0 ? "start" : "end"}">${new Date(t).toISOString().slice(0, 10)}</text>`)
    .join("");
  const marks = points
    .map((point, i) =>
      point.incidents > 0
        ? `<circle class="incident" cx="${x(times[i] ?? first).toFixed(1)}" cy="${y(point.flags).toFixed(1)}" r="5"><title>${point.incidents} reuse incident(s) at ${point.commit.slice(0, 7)}, ${point.date.slice(0, 10)}</title></circle>`
        : "",
    )
    .join("");
  return (
    `<svg id="timeline-chart" role="img" aria-label="Flags in the code over time" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `${yAxis}<path class="flags" d="${path}"/>${marks}${labels}` +
    `<text class="axis" x="${margin.left}" y="${margin.top - 6}">flags in the code</text></svg>`
  );
}
