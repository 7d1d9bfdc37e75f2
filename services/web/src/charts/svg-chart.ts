import * as echarts from 'echarts';

/** One series of a chart; null is a suppressed or not eligible value: a gap, never a bar or a point. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  readonly kind: 'bar' | 'line';
  /** What the chart shows, in Dutch: its accessible name (aria-label and the SVG's title). */
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly width?: number;
  readonly height?: number;
}

/** The NL Design System's Utrecht palette tones, dark enough for 3:1 against white (WCAG 1.4.11). */
const PALETTE = ['#24578f', '#b3380b', '#2e7d32', '#6a3d9a', '#8a6100', '#00687a', '#a4005b', '#4d4d4d'];

const escapeXml = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Renders a chart on the server as SVG with ECharts' server-side renderer: the page needs no script. The
 * SVG is an image with the title as its name; the figures are in the data table beside it.
 */
export function chartSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width ?? 720, height: spec.height ?? 360 });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'sans-serif', color: '#1a1a1a' },
      legend: { top: 0, selectedMode: false, textStyle: { color: '#1a1a1a' } },
      grid: { top: 48, left: 48, right: 16, bottom: 40 },
      xAxis: { type: 'category', data: [...spec.categories], axisLabel: { color: '#1a1a1a' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
      series: spec.series.map((series) => ({ type: spec.kind, name: series.name, data: [...series.values], connectNulls: false, emphasis: { disabled: true } })),
    });
    const svg = withoutInlineStyles(chart.renderToSVGString());
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(spec.title)}" `).replace(/^(<svg[^>]*>)/, `$1<title>${escapeXml(spec.title)}</title>`);
  } finally {
    chart.dispose();
  }
}

/**
 * The pages' Content-Security-Policy allows no inline styles (`style-src 'self'`): ECharts' `<style>`
 * element only holds hover effects (nothing to hover without script) and its `style` attributes only
 * fonts, which become SVG presentation attributes (not styles, so the policy keeps them).
 */
function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter((parts): parts is [string, string] => parts.length === 2 && /^[a-z-]+$/.test(parts[0] ?? '') && parts[1] !== '')
        .map(([name, value]) => ` ${name}="${value}"`)
        .join(''),
    );
}
