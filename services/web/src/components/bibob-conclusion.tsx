import type { ReceivedConclusion } from '@signaalhub/contracts';
import { Heading3, Heading4, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../labels/labels.js';
import { RISK_LEVEL_LABELS } from '../labels/screening-labels.js';

/** A Bibob risk conclusion the pool sent to the municipality, as the application and the establishment pages show it. */
export function BibobConclusion({ entry, headingId, headingLevel = 3 }: { readonly entry: ReceivedConclusion; readonly headingId: string; readonly headingLevel?: 3 | 4 }): ReactNode {
  const title = (
    <>
      Conclusie versie {entry.version}: {RISK_LEVEL_LABELS[entry.conclusion.level] ?? entry.conclusion.level}
      {entry.conclusion.grounds.length === 0 ? null : `, grond ${entry.conclusion.grounds.join(' en ')}`}
    </>
  );
  return (
    <article className="sh-card" aria-labelledby={headingId}>
      {headingLevel === 3 ? <Heading3 id={headingId}>{title}</Heading3> : <Heading4 id={headingId}>{title}</Heading4>}
      <Paragraph>Goedgekeurd op {formatDateTime(entry.approvedAt)}. Vertrouwelijk (art. 28 Wet Bibob): alleen voor de vergunningverleners van de gemeente.</Paragraph>
      <Paragraph>Onderbouwing: {entry.conclusion.explanation}</Paragraph>
      {entry.conclusion.proposedConditions.length === 0 ? null : (
        <>
          <Paragraph>Voorgestelde voorschriften:</Paragraph>
          <UnorderedList>
            {entry.conclusion.proposedConditions.map((condition) => (
              <UnorderedListItem key={condition}>{condition}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      )}
    </article>
  );
}
