import type { ReactNode } from 'react';
import { chartSvg, type ChartSpec } from '../charts/svg-chart.js';

/** A server-rendered chart; its caption says where the same figures are as a table (for screen readers and print). */
export function SvgChartFigure({ spec, tableNote }: { readonly spec: ChartSpec; readonly tableNote: string }): ReactNode {
  return (
    <figure className="sh-chart">
      {/* ECharts' own SVG output, made on the server from released figures only; no user text but escaped labels. */}
      <div dangerouslySetInnerHTML={{ __html: chartSvg(spec) }} />
      <figcaption>{tableNote}</figcaption>
    </figure>
  );
}
