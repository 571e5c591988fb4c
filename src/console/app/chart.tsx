// A small line chart drawn as inline SVG: named by its title (role="img"), described in words, with
// gaps where a bucket has no value. The statistics page puts a table of the same numbers beside it.

export interface Series {
  name: string;
  values: (number | null)[];
}

const COLORS = ['#2450c7', '#b86e00', '#b42318'];
const W = 640;
const H = 180;
const PAD = { left: 48, right: 8, top: 10, bottom: 22 };

/** 1, 2 or 5 times a power of ten, at least `max` (the top of the y axis). */
function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

export function formatNumber(n: number): string {
  if (n === 0) return '0';
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString();
  return Number(n.toPrecision(3)).toString();
}

export function LineChart({ id, title, unit, labels, series, max }: { id: string; title: string; unit: string; labels: string[]; series: Series[]; max?: number }) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v != null));
  const top = max ?? niceCeiling(Math.max(0, ...all));
  const n = labels.length;
  const x = (i: number) => PAD.left + (n <= 1 ? (W - PAD.left - PAD.right) / 2 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const latest = series.map((s) => {
    const last = [...s.values].reverse().find((v) => v != null);
    return `${s.name} ${last == null ? 'no data' : `${formatNumber(last)} ${unit}`}`;
  });
  const description = all.length ? `Latest: ${latest.join(', ')}; highest ${formatNumber(Math.max(...all))} ${unit}.` : 'No data in this range.';
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} class="grid" />
            <text x={PAD.left - 6} y={y(top * f) + 4} text-anchor="end" class="tick">{formatNumber(top * f)}</text>
          </g>
        ))}
        {n > 0 && <text x={PAD.left} y={H - 4} class="tick">{labels[0]}</text>}
        {n > 1 && <text x={W - PAD.right} y={H - 4} text-anchor="end" class="tick">{labels[n - 1]}</text>}
        {series.map((s, k) => {
          let d = '';
          let pen = false;
          s.values.forEach((v, i) => {
            if (v == null) return void (pen = false);
            d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
            pen = true;
          });
          const lone = s.values.map((v, i) => (v != null && s.values[i - 1] == null && s.values[i + 1] == null ? i : -1)).filter((i) => i >= 0);
          return (
            <g key={s.name} stroke={COLORS[k % COLORS.length]} fill={COLORS[k % COLORS.length]}>
              <path d={d} fill="none" stroke-width="2" vector-effect="non-scaling-stroke" />
              {lone.map((i) => <circle key={i} cx={x(i)} cy={y(s.values[i]!)} r="3" />)}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <strong>{title}</strong> <span class="muted">({unit})</span>{' '}
        {series.length > 1 && series.map((s, k) => <span key={s.name} class="legend"><span class="swatch" style={{ background: COLORS[k % COLORS.length] }} aria-hidden="true" />{s.name}</span>)}
      </figcaption>
    </figure>
  );
}
