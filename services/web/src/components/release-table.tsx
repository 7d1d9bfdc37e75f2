import type { ReleasedTableJson } from '@signaalhub/contracts';
import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { cellValue, columnLabel, rowLabel, shownValue } from '../pages/release-view.js';

export interface ReleaseTableProps {
  readonly table: ReleasedTableJson;
  readonly mark: string;
  readonly caption: string;
  /** The rows and columns to show (a filter chooses within the release); all by default. */
  readonly rows?: readonly string[];
  readonly columns?: readonly string[];
}

/** A released table as published: every cell its number or the release's mark, never a figure computed here. */
export function ReleaseTable({ table, mark, caption, rows, columns }: ReleaseTableProps): ReactNode {
  const shownRows = rows ?? table.rows;
  const shownColumns = columns ?? table.columns;
  return (
    <div className="sh-table-scroll">
      <Table>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Thema</TableHeaderCell>
            {shownColumns.map((column) => (
              <TableHeaderCell key={column} scope="col">
                {columnLabel(column)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {shownRows.map((row) => (
            <TableRow key={row}>
              <TableHeaderCell scope="row">{rowLabel(row)}</TableHeaderCell>
              {shownColumns.map((column) => (
                <TableCell key={column} className="sh-number" data-cel={`${row}|${column}`}>
                  {shownValue(cellValue(table, row, column) ?? null, mark)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The release's legend of its one mark, under every table that may show it. */
export function ReleaseLegend({ legend }: { readonly legend: string }): ReactNode {
  return <Paragraph className="sh-release-legend">{legend}</Paragraph>;
}
