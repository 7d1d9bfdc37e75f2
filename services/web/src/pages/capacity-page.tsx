import type { CoordinatorCapacity } from '@signaalhub/contracts';
import { Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface CapacityPageProps {
  readonly user: PageUser;
  readonly coordinators: readonly CoordinatorCapacity[];
}

/** The pool's capacity: per coordinator open screenings vs capacity, absences and whether a new screening may go to them today. */
export function CapacityPage({ user, coordinators }: CapacityPageProps): ReactNode {
  return (
    <Layout title="Capaciteit van de pool" user={user} section="capaciteit">
      <Heading1>Capaciteit van de pool</Heading1>
      <Paragraph>
        Per coördinator de lopende toetsen tegenover de capaciteit, en de afwezigheid van vandaag en later. Nieuwe toetsen gaan automatisch naar een
        beschikbare coördinator zonder belangenconflict.
      </Paragraph>
      {coordinators.length === 0 ? (
        <Paragraph>Er staan geen coördinatoren in de pool; elke nieuwe toets wacht bij &quot;Niet toegewezen&quot;.</Paragraph>
      ) : (
        <Table>
          <TableCaption className="sh-visually-hidden">Capaciteit per coördinator</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Coördinator</TableHeaderCell>
              <TableHeaderCell scope="col">Lopende toetsen</TableHeaderCell>
              <TableHeaderCell scope="col">Vandaag</TableHeaderCell>
              <TableHeaderCell scope="col">Afwezig</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {coordinators.map((coordinator) => (
              <TableRow key={coordinator.id}>
                <TableHeaderCell scope="row">
                  {coordinator.name}
                  {coordinator.lead ? ' (leidinggevend)' : ''}
                </TableHeaderCell>
                <TableCell>
                  {coordinator.open} van {coordinator.capacity}
                </TableCell>
                <TableCell>{availability(coordinator)}</TableCell>
                <TableCell>
                  {coordinator.absences.length === 0
                    ? 'Geen afwezigheid gepland'
                    : coordinator.absences.map((absence) => `${formatDate(absence.from)} tot en met ${formatDate(absence.to)}`).join('; ')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Layout>
  );
}

function availability(coordinator: CoordinatorCapacity): string {
  if (coordinator.absentToday) return 'Afwezig';
  if (!coordinator.availableToday) return 'Vol';
  return 'Beschikbaar';
}
