import { APPROACH_LABELS, APPROACHES, THEME_LABELS, type AgendaItemStatus, type DiscussedItem } from '@signaalhub/contracts';
import {
  Button,
  Heading1,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { SelectField } from '../components/select-field.js';
import { errorsFor, type FieldError } from '../forms/field-errors.js';
import { formatDate, formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

/** An imported signal was dealt with (if at all) before the hub: it is neither back on the agenda nor decided here. */
const DISCUSSED_STATUS_LABELS: Readonly<Record<AgendaItemStatus, string>> = { pending: 'Terug op de agenda', closed: 'Afgerond', imported: 'Van voor de hub' };

export const DISCUSSED_FIELD_IDS = { municipality: 'besproken-gemeente', approach: 'besproken-aanpak', leadParty: 'besproken-trekker' } as const;

export interface DiscussedPageProps {
  readonly user: PageUser;
  readonly municipality: string;
  readonly municipalities: readonly string[];
  readonly parties: readonly string[];
  readonly approach: string;
  readonly leadParty: string;
  readonly items: readonly DiscussedItem[];
  readonly errors: readonly FieldError[];
}

/** "Besproken": items the meeting decided on, newest decision first, filterable by approach and lead party. */
export function DiscussedPage(props: DiscussedPageProps): ReactNode {
  const name = municipalityName(props.municipality);
  const title = `Besproken meldingen ${name}`;
  const filtered = props.approach !== '' || props.leadParty !== '';
  return (
    <Layout title={props.errors.length > 0 ? `Fout: ${title}` : title} user={props.user} section="besproken">
      <ErrorSummary errors={props.errors} />
      <Heading1>{title}</Heading1>
      <form method="get" action="/agenda/besproken" className="sh-filter">
        {props.municipalities.length > 1 ? (
          <SelectField
            id={DISCUSSED_FIELD_IDS.municipality}
            name="gemeente"
            label="Gemeente"
            value={props.municipality}
            options={props.municipalities.map((id) => ({ value: id, label: municipalityName(id) }))}
          />
        ) : (
          <input type="hidden" name="gemeente" value={props.municipality} />
        )}
        <SelectField
          id={DISCUSSED_FIELD_IDS.approach}
          name="aanpak"
          label="Aanpak"
          value={props.approach}
          placeholder="Alle aanpakken"
          options={APPROACHES.map((approach) => ({ value: approach, label: APPROACH_LABELS[approach] }))}
          errors={errorsFor(props.errors, DISCUSSED_FIELD_IDS.approach)}
        />
        <SelectField
          id={DISCUSSED_FIELD_IDS.leadParty}
          name="trekker"
          label="Trekker"
          value={props.leadParty}
          placeholder="Alle trekkers"
          options={props.parties.map((party) => ({ value: party, label: partyLabel(party) }))}
          errors={errorsFor(props.errors, DISCUSSED_FIELD_IDS.leadParty)}
        />
        <Button type="submit" appearance="secondary-action-button">
          Filteren
        </Button>
      </form>
      <section aria-labelledby="kop-besproken">
        <Heading2 id="kop-besproken">{filtered ? 'Gevonden meldingen' : 'Alle besproken meldingen'}</Heading2>
        {props.items.length === 0 ? (
          <Paragraph>{filtered ? 'Geen besproken meldingen met deze aanpak en trekker.' : 'Er zijn nog geen meldingen besproken.'}</Paragraph>
        ) : (
          <Table>
            <TableCaption className="sh-visually-hidden">Besproken meldingen van {name}, nieuwste besluit eerst</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Melding</TableHeaderCell>
                <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
                <TableHeaderCell scope="col">Besloten</TableHeaderCell>
                <TableHeaderCell scope="col">Aanpak</TableHeaderCell>
                <TableHeaderCell scope="col">Trekker</TableHeaderCell>
                <TableHeaderCell scope="col">Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {props.items.map((item) => (
                <TableRow key={item.id}>
                  <TableCell>
                    <Link href={`/agenda/punten/${encodeURIComponent(item.id)}`}>{THEME_LABELS[item.theme]}</Link>
                  </TableCell>
                  <TableCell>{signalReference(item.id)}</TableCell>
                  {item.latestDecision === null ? (
                    <TableCell colSpan={3}>Geïmporteerd, gemeld op {formatDate(item.reportedOn)}</TableCell>
                  ) : (
                    <>
                      <TableCell>{formatDateTime(item.latestDecision.decidedAt)}</TableCell>
                      <TableCell>{APPROACH_LABELS[item.latestDecision.approach]}</TableCell>
                      <TableCell>{partyLabel(item.latestDecision.leadParty)}</TableCell>
                    </>
                  )}
                  <TableCell>{DISCUSSED_STATUS_LABELS[item.status]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </Layout>
  );
}
