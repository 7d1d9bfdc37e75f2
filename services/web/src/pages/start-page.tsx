import { Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { roleLabels } from '../labels/labels.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

interface Task {
  readonly href: string;
  readonly title: string;
  readonly text: string;
}

function tasksFor(user: PageUser, hasMunicipality: boolean): Task[] {
  const tasks: Task[] = [];
  if (user.roles.includes('inspector')) {
    tasks.push({ href: '/meldingen/nieuw', title: 'Nieuwe melding', text: 'Meld een signaal van ondermijning aan het lokaal ondermijningsoverleg.' });
    tasks.push({ href: '/meldingen', title: 'Mijn meldingen', text: 'Bekijk de status van uw meldingen en de terugkoppeling van het overleg.' });
  }
  if (user.roles.includes('meeting-member') && hasMunicipality) {
    tasks.push({ href: '/agenda', title: 'Agenda', text: 'Bespreek de meldingen op de agenda van het lokaal ondermijningsoverleg en leg besluiten vast.' });
    tasks.push({ href: '/verzoeken', title: 'Verzoeken om informatie', text: 'Verstrek een melding aan een partij die erom vraagt, of weiger het verzoek met een reden.' });
  }
  return tasks;
}

/** The start page shows the tasks of the user's roles. */
export function StartPage({ user, hasMunicipality }: { readonly user: PageUser; readonly hasMunicipality: boolean }): ReactNode {
  const tasks = tasksFor(user, hasMunicipality);
  return (
    <Layout title="Start" user={user} section="start">
      <Heading1>Welkom, {user.displayName}</Heading1>
      <Paragraph>Uw rol: {roleLabels(user.roles)}.</Paragraph>
      {tasks.length === 0 ? (
        <Paragraph>
          Voor uw rol zijn in deze webapplicatie nog geen schermen beschikbaar. Uw organisatie ontvangt signalen en besluiten via de
          koppelingen van Signaalhub.
        </Paragraph>
      ) : (
        tasks.map((task) => (
          <section key={task.href} className="sh-card" aria-labelledby={`taak-${task.href.replaceAll('/', '-')}`}>
            <Heading2 id={`taak-${task.href.replaceAll('/', '-')}`}>
              <Link href={task.href}>{task.title}</Link>
            </Heading2>
            <Paragraph>{task.text}</Paragraph>
          </section>
        ))
      )}
    </Layout>
  );
}
