import type { ActionView } from '@signaalhub/contracts';
import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ActionsTable } from '../components/actions-table.js';
import { Layout } from './layout.js';
import type { PageUser } from './page-context.js';

export interface ActionsPageProps {
  readonly user: PageUser;
  readonly actions: readonly ActionView[];
  readonly notice?: string;
}

/** "Acties": every action the user may see, open ones first (soonest due first), then the done ones. */
export function ActionsPage({ user, actions, notice }: ActionsPageProps): ReactNode {
  const open = actions.filter((action) => action.done === undefined);
  const done = actions.filter((action) => action.done !== undefined);
  return (
    <Layout title="Acties" user={user} section="acties">
      <Heading1>Acties</Heading1>
      {notice === undefined ? null : (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <Paragraph>Acties uit de besluiten van het overleg van uw gemeente(n) en de acties waarvan uw organisatie trekker is.</Paragraph>
      <section aria-labelledby="kop-open-acties">
        <Heading2 id="kop-open-acties">Openstaande acties</Heading2>
        {open.length === 0 ? <Paragraph>Er staan geen acties open.</Paragraph> : <ActionsTable actions={open} caption="Openstaande acties, eerst verlopende" />}
      </section>
      <section aria-labelledby="kop-afgeronde-acties" className="sh-form-section">
        <Heading2 id="kop-afgeronde-acties">Afgeronde acties</Heading2>
        {done.length === 0 ? <Paragraph>Er zijn nog geen acties afgerond.</Paragraph> : <ActionsTable actions={done} caption="Afgeronde acties" />}
      </section>
    </Layout>
  );
}
