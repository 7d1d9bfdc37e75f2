import { AUTOBRANCHE_ACTIVITY_LABELS, type PublicRegister, type PublicRegisterEntry, type PublicRegisterField } from '@signaalhub/contracts';

/** The CSV columns (Dutch, the register's readers are Dutch) of each public field. */
const COLUMNS: Readonly<Record<PublicRegisterField, { readonly heading: string; readonly value: (entry: PublicRegisterEntry) => string }>> = {
  tradeName: { heading: 'handelsnaam', value: (entry) => entry.tradeName ?? '' },
  address: {
    heading: 'adres',
    value: (entry) => (entry.address === undefined ? '' : `${entry.address.postcode} ${String(entry.address.huisnummer)}${entry.address.toevoeging === undefined ? '' : ` ${entry.address.toevoeging}`}`),
  },
  activities: { heading: 'activiteiten', value: (entry) => (entry.activities ?? []).map((activity) => AUTOBRANCHE_ACTIVITY_LABELS[activity]).join('; ') },
  permitNumber: { heading: 'vergunningnummer', value: (entry) => entry.permitNumber ?? '' },
  validFrom: { heading: 'geldig_vanaf', value: (entry) => entry.validFrom ?? '' },
  validUntil: { heading: 'geldig_tot_en_met', value: (entry) => entry.validUntil ?? '' },
  status: { heading: 'status', value: (entry) => entry.status ?? '' },
  publishedOn: { heading: 'datum_bekendmaking', value: (entry) => entry.publishedOn ?? '' },
};

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading =, +, - or @ is prefixed so spreadsheets do not run it. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One header row and one row per permit, CRLF line ends. */
export function publicRegisterCsv(register: PublicRegister): string {
  const columns = register.fields.map((field) => COLUMNS[field]);
  const rows = [columns.map((column) => column.heading), ...register.entries.map((entry) => columns.map((column) => column.value(entry)))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
