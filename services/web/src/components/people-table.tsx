import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate } from '../labels/labels.js';

/** People with name, birth date and role (personal data: shown only on pages whose service audited the opening). */
export function PeopleTable({ caption, people }: { readonly caption: string; readonly people: readonly { readonly name: string; readonly birthDate: string; readonly role: string }[] }): ReactNode {
  return (
    <Table>
      <TableCaption className="sh-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Naam</TableHeaderCell>
          <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
          <TableHeaderCell scope="col">Rol</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {people.map((person, index) => (
          <TableRow key={index}>
            <TableCell>{person.name}</TableCell>
            <TableCell>{formatDate(person.birthDate)}</TableCell>
            <TableCell>{person.role}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
