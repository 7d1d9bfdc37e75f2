import { Heading3, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate } from '../labels/labels.js';
import { DEADLINE_LABELS } from '../labels/screening-deadlines.js';

/** The deadline engine's answer as a service gives it (the bibob pool's or the registry's). */
export interface DeadlineAnswer {
  readonly uitersteBeslisdatum: string | null;
  readonly lbbAdviesUiterlijk: string | null;
  readonly voorlopig: readonly string[];
  readonly toelichting: readonly string[];
}

/** The decision date and the LBB's date (provisional ones marked) with the engine's explanation; computed by the service with its calendar, never here. */
export function DeadlineFacts({ deadlines }: { readonly deadlines: DeadlineAnswer }): ReactNode {
  return (
    <>
      <dl className="sh-facts">
        {(['uitersteBeslisdatum', 'lbbAdviesUiterlijk'] as const).map((name) => {
          const date = deadlines[name];
          return (
            <div key={name}>
              <dt>{DEADLINE_LABELS[name]}</dt>
              <dd>
                {date === null ? 'nog niet bekend' : formatDate(date)}
                {deadlines.voorlopig.includes(name) ? ' (voorlopig)' : null}
              </dd>
            </div>
          );
        })}
      </dl>
      <Heading3>Toelichting</Heading3>
      <UnorderedList>
        {deadlines.toelichting.map((line) => (
          <UnorderedListItem key={line}>{line}</UnorderedListItem>
        ))}
      </UnorderedList>
    </>
  );
}
