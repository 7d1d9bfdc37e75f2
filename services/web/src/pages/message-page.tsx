import { Heading1, Link, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface MessagePageProps {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly user?: PageUser;
  readonly backHref?: string;
  readonly backLabel?: string;
}

/** Errors and notices: "Geen toegang", "Niet gevonden", "Er ging iets mis". Never technical details. */
export function MessagePage({ title, paragraphs, user, backHref = '/', backLabel = 'Naar de startpagina' }: MessagePageProps): ReactNode {
  return (
    <Layout title={title} user={user}>
      <Heading1>{title}</Heading1>
      {paragraphs.map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
      <Paragraph>
        <Link href={backHref}>{backLabel}</Link>
      </Paragraph>
    </Layout>
  );
}

export const MESSAGES = {
  forbidden: {
    title: 'Geen toegang',
    paragraphs: ['U hebt geen toegang tot deze gegevens. Uw organisatie is geen ontvanger, of uw rol geeft geen toegang.'],
  },
  notFound: { title: 'Pagina niet gevonden', paragraphs: ['Deze pagina of melding bestaat niet (meer). Controleer het adres.'] },
  unavailable: {
    title: 'Dienst tijdelijk niet bereikbaar',
    paragraphs: ['Een onderdeel van Signaalhub reageert nu niet. Probeer het over een paar minuten opnieuw.'],
  },
  failed: {
    title: 'Er ging iets mis',
    paragraphs: ['Er ging iets mis bij het verwerken van uw verzoek. Probeer het opnieuw. Blijft het misgaan, neem dan contact op met de beheerder.'],
  },
  invalidInput: {
    title: 'De invoer is niet geldig',
    paragraphs: ['Het formulier bevat iets dat Signaalhub niet kan verwerken. Ga terug, controleer de gegevens en verstuur opnieuw.'],
  },
  expiredForm: {
    title: 'Formulier verlopen',
    paragraphs: ['Het formulier is verlopen of niet door Signaalhub verstuurd. Ga terug, laad de pagina opnieuw en probeer het nog eens.'],
  },
} as const;
