import { APPROACH_LABELS, THEME_LABELS, type DecisionList, type PrintableAgenda } from '@signaalhub/contracts';
import { DataList, DataListItem, DataListKey, DataListValue, Heading1, Heading2, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { SignalDetails } from './agenda-item-page.js';
import { hitsText } from './hits-text.js';
import { Layout } from './layout.js';
import { meetingTitle } from './meeting-page.js';
import type { PageUser } from './page-context.js';

const NOT_FOR_YOU = 'De inhoud is niet voor uw organisatie bestemd; alleen de gegevens van de agenda worden getoond.';

function PrintIntro({ meetingId }: { readonly meetingId: string }): ReactNode {
  return (
    <div className="sh-no-print">
      <Paragraph>
        <Link href={`/agenda/overleggen/${encodeURIComponent(meetingId)}`}>Terug naar het overleg</Link>
      </Paragraph>
      <Paragraph>Druk deze pagina af met de afdrukfunctie van uw browser (Ctrl+P of Cmd+P). Knoppen en menu’s komen niet mee op papier.</Paragraph>
    </div>
  );
}

/** The agenda to bring to the meeting: every planned item in order; the signal only where the member's party is a recipient. */
export function PrintableAgendaPage({ user, agenda }: { readonly user: PageUser; readonly agenda: PrintableAgenda }): ReactNode {
  const title = `Agenda ${meetingTitle(agenda).replace(/^Overleg/, 'overleg')}`;
  return (
    <Layout title={title} user={user} section="agenda">
      <PrintIntro meetingId={agenda.meeting.id} />
      <Heading1>{title}</Heading1>
      <Paragraph>Vertrouwelijk: alleen voor de deelnemers aan het overleg. Afgedrukt voor {user.displayName} ({user.partyLabel}).</Paragraph>
      {agenda.items.length === 0 ? <Paragraph>Er staan geen meldingen op de agenda.</Paragraph> : null}
      {agenda.items.map((item, index) => (
        <section key={item.id} className="sh-print-item" aria-labelledby={`agendapunt-${index + 1}`}>
          <Heading2 id={`agendapunt-${index + 1}`}>
            {index + 1}. {THEME_LABELS[item.theme]}, kenmerk {signalReference(item.id)}
          </Heading2>
          <Paragraph>
            Ontvangen {formatDateTime(item.receivedAt)}. Prioriteit: {item.priority === 'hoog' ? 'hoog' : 'normaal'}.
            {item.hits.length === 0 ? ' Geen treffers in andere meldingen.' : ` Treffers: ${hitsText(item.hits)}.`}
            {item.status === 'closed' ? ' Hierover is besloten.' : ''}
          </Paragraph>
          {item.signal === null ? <Paragraph>{NOT_FOR_YOU}</Paragraph> : <SignalDetails signal={item.signal} />}
        </section>
      ))}
    </Layout>
  );
}

/** The decision list after the meeting: each decision's facts; actions and feedback only for the decision's recipients. */
export function DecisionListPage({ user, list }: { readonly user: PageUser; readonly list: DecisionList }): ReactNode {
  const title = `Besluitenlijst ${meetingTitle(list).replace(/^Overleg/, 'overleg')}`;
  return (
    <Layout title={title} user={user} section="agenda">
      <PrintIntro meetingId={list.meeting.id} />
      <Heading1>{title}</Heading1>
      <Paragraph>Vertrouwelijk: alleen voor de deelnemers aan het overleg. Afgedrukt voor {user.displayName} ({user.partyLabel}).</Paragraph>
      {list.decisions.length === 0 ? <Paragraph>In dit overleg zijn (nog) geen besluiten vastgelegd.</Paragraph> : null}
      {list.decisions.map(({ item, decision, content }, index) => (
        <section key={decision.decisionId} className="sh-print-item" aria-labelledby={`besluit-${index + 1}`}>
          <Heading2 id={`besluit-${index + 1}`}>
            {index + 1}. {THEME_LABELS[item.theme]}, kenmerk {signalReference(item.id)}: {APPROACH_LABELS[decision.approach]}
          </Heading2>
          <DataList>
            <DataListItem>
              <DataListKey>Trekker</DataListKey>
              <DataListValue>{partyLabel(decision.leadParty)}</DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>Besloten</DataListKey>
              <DataListValue>
                {formatDateTime(decision.decidedAt)}, vastgelegd door {content === null ? partyLabel(decision.decidedByParty) : `${content.recordedBy.userId} (${partyLabel(content.recordedBy.party)})`}
              </DataListValue>
            </DataListItem>
            {content === null ? null : (
              <>
                <DataListItem>
                  <DataListKey>Acties</DataListKey>
                  <DataListValue>
                    {content.actions.length === 0 ? (
                      'Geen'
                    ) : (
                      <UnorderedList>
                        {content.actions.map((action, actionIndex) => (
                          <UnorderedListItem key={actionIndex}>
                            {action.description} (uiterlijk {formatDate(action.dueDate)})
                          </UnorderedListItem>
                        ))}
                      </UnorderedList>
                    )}
                  </DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Terugkoppeling aan de melder</DataListKey>
                  <DataListValue>{content.feedback === '' ? 'Geen' : content.feedback}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>Overgedragen aan het RIEC</DataListKey>
                  <DataListValue>{content.riecHandover ? 'Ja' : 'Nee'}</DataListValue>
                </DataListItem>
              </>
            )}
          </DataList>
          {content === null ? <Paragraph>{NOT_FOR_YOU}</Paragraph> : null}
        </section>
      ))}
    </Layout>
  );
}
