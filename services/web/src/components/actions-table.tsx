import type { ActionStatus, ActionView } from '@signaalhub/contracts';
import { Link, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, municipalityName, partyLabel } from '../labels/labels.js';

const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  open: 'Open',
  due: 'Binnenkort verlopen',
  overdue: 'Verlopen',
  done: 'Afgerond',
};

/** The status in words (never colour alone, WCAG 1.4.1); an overdue one is marked as such. */
export function ActionStatusText({ action }: { readonly action: ActionView }): ReactNode {
  const label = STATUS_LABELS[action.status];
  if (action.done !== undefined) return `${label} op ${formatDate(action.done.doneOn)}`;
  return action.status === 'overdue' ? <strong className="sh-status-overdue">{label}</strong> : label;
}

export function actionPath(action: ActionView): string {
  return `/acties/${encodeURIComponent(action.decisionId)}/${String(action.actionIndex)}/afronden`;
}

/** Actions as a table: what, where, who leads, by when, status; "Afronden" for the lead party's open ones. */
export function ActionsTable({ actions, caption }: { readonly actions: readonly ActionView[]; readonly caption: string }): ReactNode {
  return (
    <Table>
      <TableCaption className="sh-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Actie</TableHeaderCell>
          <TableHeaderCell scope="col">Gemeente</TableHeaderCell>
          <TableHeaderCell scope="col">Trekker</TableHeaderCell>
          <TableHeaderCell scope="col">Uiterste datum</TableHeaderCell>
          <TableHeaderCell scope="col">Status</TableHeaderCell>
          <TableHeaderCell scope="col">Afronden</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {actions.map((action) => (
          <TableRow key={`${action.decisionId}-${String(action.actionIndex)}`}>
            <TableCell>
              {action.description ?? 'Omschrijving niet zichtbaar voor uw organisatie'}
              {action.done?.note === undefined ? null : <span className="sh-action-note">Toelichting: {action.done.note}</span>}
            </TableCell>
            <TableCell>{municipalityName(action.municipality)}</TableCell>
            <TableCell>{partyLabel(action.leadParty)}</TableCell>
            <TableCell>{formatDate(action.dueDate)}</TableCell>
            <TableCell>
              <ActionStatusText action={action} />
            </TableCell>
            <TableCell>
              {action.ledByCaller && action.done === undefined ? (
                <Link href={actionPath(action)}>
                  Afronden<span className="sh-visually-hidden">: {action.description ?? `actie ${String(action.actionIndex + 1)}`}</span>
                </Link>
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** On the start page: open actions the user's party leads whose reminder fired (due soon or overdue). */
export function actionsNeedingAttention(actions: readonly ActionView[]): ActionView[] {
  return actions.filter((action) => action.ledByCaller && action.done === undefined && action.reminders.length > 0);
}
