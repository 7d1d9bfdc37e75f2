import { PageFooter, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { SignOutButton } from '../components/sign-out-button.js';
import type { NavSection, PageUser } from './page-context.js';

export interface LayoutProps {
  /** The page's own title; the document title adds the application name (WCAG 2.4.2). */
  readonly title: string;
  readonly user?: PageUser;
  readonly section?: NavSection;
  readonly children: ReactNode;
}

interface NavEntry {
  readonly section: NavSection;
  readonly href: string;
  readonly label: string;
}

function navEntries(user: PageUser): NavEntry[] {
  const entries: NavEntry[] = [{ section: 'start', href: '/', label: 'Start' }];
  if (user.roles.includes('inspector')) {
    entries.push({ section: 'nieuwe-melding', href: '/meldingen/nieuw', label: 'Nieuwe melding' });
    entries.push({ section: 'mijn-meldingen', href: '/meldingen', label: 'Mijn meldingen' });
  }
  if (user.roles.includes('meeting-member')) {
    entries.push({ section: 'agenda', href: '/agenda', label: 'Agenda' });
    entries.push({ section: 'besproken', href: '/agenda/besproken', label: 'Besproken' });
    entries.push({ section: 'acties', href: '/acties', label: 'Acties' });
    entries.push({ section: 'verzoeken', href: '/verzoeken', label: 'Verzoeken om informatie' });
  }
  if (user.roles.includes('riec-liaison')) {
    entries.push({ section: 'riec', href: '/riec', label: 'Regiobeeld' });
    entries.push({ section: 'publicaties', href: '/riec/publicaties', label: 'Publicaties' });
    entries.push({ section: 'treffers', href: '/riec/treffers', label: 'Treffers' });
    entries.push({ section: 'uitsluitingen', href: '/riec/uitsluitingen', label: 'Uitsluitingslijst' });
  } else if (user.roles.includes('meeting-member')) {
    entries.push({ section: 'mijn-gemeente', href: '/mijn-gemeente', label: 'Mijn gemeente in de regio' });
  }
  if (user.roles.includes('bibob-coordinator')) {
    entries.push({ section: 'toetsen', href: '/toetsen', label: 'Bibob-toetsen' });
    entries.push({ section: 'mijn-toetsen', href: '/toetsen/mijn', label: 'Mijn toetsen' });
    entries.push({ section: 'niet-toegewezen', href: '/toetsen/niet-toegewezen', label: 'Niet toegewezen' });
    entries.push({ section: 'capaciteit', href: '/toetsen/capaciteit', label: 'Capaciteit' });
    entries.push({ section: 'nieuwe-toets', href: '/toetsen/nieuw', label: 'Nieuwe toets' });
  } else if (user.roles.includes('permit-officer')) {
    entries.push({ section: 'vestigingen', href: '/vestigingen', label: 'Vestigingen' });
    entries.push({ section: 'aanvragen', href: '/aanvragen', label: 'Aanvragen' });
    entries.push({ section: 'toetsen', href: '/toetsen', label: 'Bibob-toetsen' });
  }
  if (user.roles.includes('auditor')) entries.push({ section: 'verstrekkingen', href: '/verstrekkingen', label: 'Verstrekkingen' });
  return entries;
}

/** The frame of every page: language, title, skip link, landmarks (banner, navigation, main, contentinfo). */
export function Layout({ title, user, section, children }: LayoutProps): ReactNode {
  return (
    <html lang="nl" className="utrecht-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Signaalhub`}</title>
        <link rel="stylesheet" href="/static/utrecht/design-tokens/index.css" />
        <link rel="stylesheet" href="/static/utrecht/component-library/index.css" />
        <link rel="stylesheet" href="/static/web.css" />
      </head>
      <body className="utrecht-document utrecht-document--surface">
        <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
        <div className="sh-page utrecht-page">
          <header className="sh-header">
            <a className="sh-brand" href="/">
              Signaalhub
            </a>
            {user === undefined ? null : (
              <div className="sh-user">
                <Paragraph>
                  Aangemeld als {user.displayName} ({user.partyLabel})
                </Paragraph>
                <SignOutButton csrfToken={user.csrfToken} />
              </div>
            )}
          </header>
          {user === undefined ? null : (
            <nav className="sh-nav" aria-label="Hoofdmenu">
              <ul>
                {navEntries(user).map((entry) => (
                  <li key={entry.href}>
                    <a className="utrecht-link utrecht-link--html-a" href={entry.href} aria-current={entry.section === section ? 'page' : undefined}>
                      {entry.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <main id="inhoud" className="sh-main" tabIndex={-1}>
            {children}
          </main>
          <PageFooter className="sh-footer">
            <Paragraph>Signaalhub – signalen van ondermijning delen binnen het samenwerkingsverband BES.</Paragraph>
          </PageFooter>
        </div>
      </body>
    </html>
  );
}
