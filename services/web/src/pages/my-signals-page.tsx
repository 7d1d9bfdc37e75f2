import type { DecisionFeedback, SignalOverviewItem } from '@signaalhub/contracts';
import { Alert, Heading1, Heading2, Heading3, Link, Paragraph, StatusBadge, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { formatDate, formatDateTime, municipalityName, partyLabel } from '../labels/labels.js';
import { signalReference } from '../labels/reference.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

function Feedback({ feedback, headingId }: { readonly feedback: DecisionFeedback; readonly headingId: string }): ReactNode {
  return (
    <section aria-labelledby={headingId}>
      <Heading3 id={headingId}>Terugkoppeling van {formatDateTime(feedback.decidedAt)}</Heading3>
      <Paragraph>
        Aanpak: {feedback.approachLabel}. Trekker: {partyLabel(feedback.leadParty)}.
        {feedback.riecHandover ? ' Overgedragen aan het RIEC.' : ''}
      </Paragraph>
      {feedback.actions.length === 0 ? null : (
        <UnorderedList>
          {feedback.actions.map((action) => (
            <UnorderedListItem key={`${action.description}-${action.dueDate}`}>
              {action.description} (uiterlijk {formatDate(action.dueDate)})
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {feedback.feedback === '' ? null : <Paragraph className="sh-feedback">{feedback.feedback}</Paragraph>}
    </section>
  );
}

/** "Mijn meldingen": the inspector's own signals with status and the meeting's feedback. */
export function MySignalsPage({ user, signals, submitted }: { readonly user: PageUser; readonly signals: readonly SignalOverviewItem[]; readonly submitted: boolean }): ReactNode {
  return (
    <Layout title="Mijn meldingen" user={user} section="mijn-meldingen">
      <Heading1>Mijn meldingen</Heading1>
      {submitted ? (
        <Alert type="ok">
          <Paragraph>Uw melding is ontvangen en gaat naar het lokaal ondermijningsoverleg.</Paragraph>
        </Alert>
      ) : null}
      {signals.length === 0 ? (
        <Paragraph>
          U hebt nog geen meldingen gedaan. <Link href="/meldingen/nieuw">Nieuwe melding</Link>
        </Paragraph>
      ) : (
        signals.map((signal) => (
          <article key={signal.id} className="sh-card" aria-labelledby={`melding-${signal.id}`}>
            <Heading2 id={`melding-${signal.id}`}>
              {signal.themeLabel} in {municipalityName(signal.municipality)}, {formatDateTime(signal.createdAt)}
            </Heading2>
            <Paragraph>
              Kenmerk: {signalReference(signal.id)}. Status: <StatusBadge>{signal.statusLabel}</StatusBadge>
            </Paragraph>
            {signal.feedback.length === 0 ? (
              <Paragraph>Nog geen terugkoppeling van het overleg.</Paragraph>
            ) : (
              signal.feedback.map((feedback) => <Feedback key={feedback.decisionId} feedback={feedback} headingId={`terugkoppeling-${feedback.decisionId}`} />)
            )}
          </article>
        ))
      )}
    </Layout>
  );
}
