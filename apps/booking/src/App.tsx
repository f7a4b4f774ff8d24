import type { Language } from '@antre/ui';
import { useEffect, useState } from 'react';
import { BookFlow } from './BookFlow';
import { FindBooking } from './FindBooking';
import { translate } from './messages';
import { Poster } from './Poster';

type Page = 'book' | 'find' | 'poster';

// The page to show lives in the hash (#cek, #poster), so the poster's QR and a shared link
// open the right screen and the hub serves one index.html.
const pageOf = (hash: string): Page =>
  hash === '#poster' ? 'poster' : hash === '#cek' ? 'find' : 'book';

export function App() {
  const [page, setPage] = useState<Page>(() => pageOf(window.location.hash));
  const [language, setLanguage] = useState<Language>('id');
  const t = translate(language);

  useEffect(() => {
    const onHash = () => setPage(pageOf(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('title')} — Antre`;
  }, [language, t]);

  const go = (next: Page) => {
    window.location.hash = next === 'find' ? '#cek' : next === 'poster' ? '#poster' : '';
    setPage(next);
    window.scrollTo(0, 0);
  };

  if (page === 'poster') return <Poster t={t} />;

  return (
    <div className="booking">
      <header className="booking-top">
        <span className="booking-title">{t('title')}</span>
        <button
          type="button"
          className="language"
          onClick={() => setLanguage((l) => (l === 'id' ? 'en' : 'id'))}
        >
          {t('language')}
        </button>
      </header>
      <main className="booking-main">
        {page === 'book' ? (
          <BookFlow t={t} language={language} onFind={() => go('find')} />
        ) : (
          <FindBooking t={t} language={language} onNew={() => go('book')} />
        )}
      </main>
    </div>
  );
}
