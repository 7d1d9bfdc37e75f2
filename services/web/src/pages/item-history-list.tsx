import { APPROACH_LABELS, type ActionView, type HistoryEntry, type ItemHistory } from '@signaalhub/contracts';
import { Heading3, Link, OrderedList, OrderedListItem, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ActionStatusText } from '../components/actions-table.js';
import { formatDate, formatDateTime, partyLabel } from '../labels/labels.js';

const meetingHref = (meetingId: string): string => `/agenda/overleggen/${encodeURIComponent(meetingId)}`;

function MeetingLink({ meeting }: { readonly meeting: { readonly id: string; readonly date: string } }): ReactNode {
  return <Link href={meetingHref(meeting.id)}>het overleg van {formatDate(meeting.date)}</Link>;
}

/** An action's state today (actions API): status in words, and when done by whom; nothing for an action not listed to the caller. */
function ActionState({ view }: { readonly view: ActionView | undefined }): ReactNode {
  if (view === undefined) return null;
  return (
    <>
      ; status: <ActionStatusText action={view} />
      {view.done === undefined ? '' : ` op ${formatDate(view.done.doneOn)} door ${partyLabel(view.done.byParty)}`}
    </>
  );
}

function DecisionDetails({ entry, actions }: { readonly entry: Extract<HistoryEntry, { kind: 'decided' }>; readonly actions: readonly ActionView[] }): ReactNode {
  const { decision, content, meeting } = entry;
  return (
    <>
      <Paragraph>
        Aanpak: {APPROACH_LABELS[decision.approach]}. Trekker: {partyLabel(decision.leadParty)}.
        {meeting === null ? ' Besloten buiten een overleg.' : <> Besloten in <MeetingLink meeting={meeting} />.</>}
      </Paragraph>
      {content === null ? (
        <Paragraph>Vastgelegd door {partyLabel(decision.decidedByParty)}. De inhoud van dit besluit is niet voor uw organisatie bestemd.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Vastgelegd door {content.recordedBy.userId} ({partyLabel(content.recordedBy.party)}){content.riecHandover ? '; overgedragen aan het RIEC' : ''}.
          </Paragraph>
          {content.actions.length === 0 ? (
            <Paragraph>Geen acties.</Paragraph>
          ) : (
            <UnorderedList>
              {content.actions.map((action, index) => {
                const view = actions.find((candidate) => candidate.decisionId === decision.decisionId && candidate.actionIndex === index);
                return (
                  <UnorderedListItem key={index}>
                    Actie: {action.description} (uiterlijk {formatDate(view?.dueDate ?? action.dueDate)})
                    <ActionState view={view} />
                  </UnorderedListItem>
                );
              })}
            </UnorderedList>
          )}
          <Paragraph>Terugkoppeling aan de melder: {content.feedback === '' ? 'geen' : content.feedback}</Paragraph>
        </>
      )}
    </>
  );
}

function entryTitle(entry: HistoryEntry): string {
  switch (entry.kind) {
    case 'received':
      return 'Melding ontvangen';
    case 'planned':
      return `Geagendeerd door ${partyLabel(entry.party)}`;
    case 'unplanned':
      return `Van de agenda gehaald door ${partyLabel(entry.party)}`;
    case 'decided':
      return `Besluit: ${APPROACH_LABELS[entry.decision.approach]}`;
    case 'returned-to-agenda':
      return 'Terug op de agenda (meer informatie nodig)';
    case 'feedback-sent':
      return `Besluit en terugkoppeling verzonden aan ${partyLabel(entry.to)} (melder)`;
    case 'handover-accepted':
      return 'Overgedragen aan het RIEC — geaccepteerd';
    case 'handover-returned':
      return 'Overgedragen aan het RIEC — teruggegeven';
  }
}

function EntryBody({ entry, actions }: { readonly entry: HistoryEntry; readonly actions: readonly ActionView[] }): ReactNode {
  switch (entry.kind) {
    case 'planned':
      return (
        <Paragraph>
          Op de agenda van <MeetingLink meeting={entry.meeting} />.
        </Paragraph>
      );
    case 'unplanned':
      return (
        <Paragraph>
          Van de agenda van <MeetingLink meeting={entry.meeting} />.
        </Paragraph>
      );
    case 'decided':
      return <DecisionDetails entry={entry} actions={actions} />;
    case 'handover-accepted':
      return entry.content === null || entry.content.caseReference === null ? null : <Paragraph>Zaaknummer van het RIEC: {entry.content.caseReference}</Paragraph>;
    case 'handover-returned':
      return entry.content === null || entry.content.reason === null ? null : <Paragraph>Reden: {entry.content.reason}</Paragraph>;
    case 'received':
    case 'returned-to-agenda':
    case 'feedback-sent':
      return null;
  }
}

/** An item's history, oldest step first: what happened, when, by whom; decided actions with their status today (`actions`). */
export function ItemHistoryList({ history, actions, headingLevelId }: { readonly history: ItemHistory; readonly actions: readonly ActionView[]; readonly headingLevelId: string }): ReactNode {
  return (
    <OrderedList className="sh-history" aria-labelledby={headingLevelId}>
      {history.entries.map((entry, index) => (
        <OrderedListItem key={index}>
          <Heading3>{entryTitle(entry)}</Heading3>
          <Paragraph>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
          </Paragraph>
          <EntryBody entry={entry} actions={actions} />
        </OrderedListItem>
      ))}
    </OrderedList>
  );
}
