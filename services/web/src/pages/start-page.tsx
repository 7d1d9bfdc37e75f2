import type { ActionView } from '@signaalhub/contracts';
import { Alert, Heading1, Heading2, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ActionsTable } from '../components/actions-table.js';
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
  if (user.roles.includes('riec-liaison')) {
    tasks.push({ href: '/riec', title: 'Regiobeeld', text: 'De gepubliceerde aantallen van de regio in grafieken en tabellen, per thema, gemeente en maand.' });
    tasks.push({ href: '/riec/publicaties', title: 'Publicaties', text: 'Stel de publicatie van een maand samen, bekijk de verantwoording en download de tabellen.' });
    tasks.push({ href: '/riec/treffers', title: 'Treffers tussen gemeenten', text: 'Ondernemingen, adressen en voertuigen die in meldingen van meer gemeenten voorkomen.' });
    tasks.push({ href: '/riec/uitsluitingen', title: 'Uitsluitingslijst', text: 'Wat overal voorkomt en niets zegt, zoals een gemeentelijk depot, telt niet mee in de treffers.' });
  } else if (user.roles.includes('meeting-member')) {
    tasks.push({ href: '/mijn-gemeente', title: 'Mijn gemeente in de regio', text: 'De aantallen meldingen van uw gemeente naast die van de regio, uit de laatste publicatie.' });
  }
  if (user.roles.includes('meeting-member')) {
    tasks.push({ href: '/acties', title: 'Acties', text: 'Volg de acties uit de besluiten en rond de acties af waarvan uw organisatie trekker is.' });
  }
  if (user.roles.includes('bibob-coordinator')) {
    tasks.push({ href: '/toetsen', title: 'Bibob-toetsen van de pool', text: 'Alle lopende toetsen met fase en behandelaar.' });
    tasks.push({ href: '/toetsen/mijn', title: 'Mijn toetsen', text: 'De toetsen die aan u zijn toegewezen.' });
    tasks.push({ href: '/toetsen/niet-toegewezen', title: 'Niet toegewezen', text: 'Toetsen die wachten omdat niemand beschikbaar was.' });
    tasks.push({ href: '/toetsen/nieuw', title: 'Nieuwe toets', text: 'Leg een Bibob-verzoek vast van een gemeente zonder eigen vergunningensysteem in Signaalhub.' });
  } else if (user.roles.includes('permit-officer') && hasMunicipality) {
    tasks.push({ href: '/vestigingen', title: 'Vestigingen', text: 'Zoek een vestiging in het vergunningenregister autobranche, bekijk haar vergunningen en signalen, of schrijf een nieuwe vestiging in.' });
    tasks.push({ href: '/aanvragen', title: 'Aanvragen', text: 'De lopende aanvragen met hun wettelijke beslisdatum; aanvragen met een verstreken termijn staan bovenaan.' });
    tasks.push({ href: '/toetsen', title: 'Bibob-toetsen', text: 'Bekijk de toetsen en conclusies van de Bibob-pool voor uw gemeente (alleen lezen).' });
  }
  if (user.roles.includes('riec-liaison')) tasks.push({ href: '/riec/overdrachten', title: 'Overdrachten aan het RIEC', text: 'Accepteer een overgedragen zaak als RIEC-casus of geef haar terug met een reden.' });
  if (user.roles.includes('auditor')) {
    tasks.push({ href: '/verstrekkingen', title: 'Verstrekkingenregister', text: 'Welke Bibob-conclusies op grond van art. 28 lid 2 aan het RIEC zijn verstrekt.' });
  }
  return tasks;
}

export interface StartPageProps {
  readonly user: PageUser;
  readonly hasMunicipality: boolean;
  /** Open actions the user's party leads whose reminder fired (due soon or overdue); undefined when unavailable. */
  readonly attention: readonly ActionView[] | undefined;
}

/** The start page shows the actions that need the user's party, then the tasks of the user's roles. */
export function StartPage({ user, hasMunicipality, attention }: StartPageProps): ReactNode {
  const tasks = tasksFor(user, hasMunicipality);
  return (
    <Layout title="Start" user={user} section="start">
      <Heading1>Welkom, {user.displayName}</Heading1>
      <Paragraph>Uw rol: {roleLabels(user.roles)}.</Paragraph>
      {attention === undefined ? (
        <Alert type="warning">
          <Paragraph>De acties van uw organisatie konden nu niet worden opgehaald. Probeer het later opnieuw.</Paragraph>
        </Alert>
      ) : null}
      {attention === undefined || attention.length === 0 ? null : (
        <section aria-labelledby="kop-aandacht" className="sh-card">
          <Heading2 id="kop-aandacht">Acties die aandacht vragen</Heading2>
          <Paragraph>Uw organisatie is trekker van deze acties; de uiterste datum komt dichtbij of is verstreken.</Paragraph>
          <ActionsTable actions={attention} caption="Acties van uw organisatie die binnenkort of al verlopen zijn" />
        </section>
      )}
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
