/**
 * Horizontal bars, one per label, in plain SVG: read at a glance, no chart library. The label
 * sits above its bar, so long service names are read whole rather than cut.
 */
export function BarChart(props: { title: string; bars: { label: string; value: number }[] }) {
  const bars = props.bars.filter((b) => b.value > 0).sort((a, b) => b.value - a.value);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 44;
  const left = 12;
  const width = 560;
  const barSpace = width - left - 50;
  const height = Math.max(1, bars.length) * row + 8;
  return (
    <figure className="chart" data-testid="served-chart">
      <figcaption>{props.title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={props.title}
        width={width}
        height={height}
      >
        {bars.map((bar, i) => {
          const y = i * row + 4;
          const w = Math.max(2, (bar.value / max) * barSpace);
          return (
            <g key={bar.label}>
              <text x={left} y={y + 16} className="bar-label">
                {bar.label.length > 66 ? `${bar.label.slice(0, 65)}…` : bar.label}
              </text>
              <rect x={left} y={y + 22} width={w} height={16} rx={4} className="bar" />
              <text x={left + w + 6} y={y + 35} className="bar-value">
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
