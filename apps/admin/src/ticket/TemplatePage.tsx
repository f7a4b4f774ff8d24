import './template.css';
import type { TicketTemplateView } from '@antre/protocol';
import { useEffect, useState } from 'react';
import type { Refusal } from '../config-api';
import { refusalText } from '../conflict-messages';
import type { PageProps } from '../page-props';
import { templateApi } from './template-api';
import type { Translate } from '../messages';
import { isMessageKey } from '../messages';

const WIDTHS = [58, 80] as const;
type Width = (typeof WIDTHS)[number];
// Long enough that typing does not ask the hub on every key, short enough to feel live.
const PREVIEW_DELAY_MS = 400;

type Previews =
  { state: 'ready'; svgs: Record<Width, string> } | { state: 'failed'; reason: string };

const asImage = (svg: string): string =>
  `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The ticket's receiptline template: edit, see it at 58 and 80 mm as printed, save. */
export function TemplatePage(props: PageProps) {
  const { t } = props;
  const token = props.session.token;
  const [saved, setSaved] = useState<TicketTemplateView | null>(null);
  const [draft, setDraft] = useState('');
  const [previews, setPreviews] = useState<Previews | null>(null);
  const [status, setStatus] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // The hub words a bad template in English; its field's message or its code has a translation.
  const reason = (refusal: Refusal): string =>
    refusal.error.code === 'offline'
      ? t('serverUnreachable')
      : refusalText(refusal.error, props.language);

  useEffect(() => {
    void templateApi.load(token).then((answer) => {
      if (answer.ok) {
        setSaved(answer.value);
        setDraft(answer.value.template);
      } else if (answer.status === 401) props.onUnauthorized();
      else setStatus({ kind: 'error', text: t('templateLoadFailed', { reason: reason(answer) }) });
    });
  }, [token]);

  useEffect(() => {
    if (!saved) return;
    let live = true;
    const timer = setTimeout(() => {
      void Promise.all(WIDTHS.map((w) => templateApi.preview(token, draft, w))).then(
        ([narrow, wide]) => {
          if (!live || !narrow || !wide) return;
          if (narrow.ok && wide.ok)
            setPreviews({ state: 'ready', svgs: { 58: narrow.value.svg, 80: wide.value.svg } });
          else {
            const refusal = !narrow.ok ? narrow : !wide.ok ? wide : null;
            setPreviews({ state: 'failed', reason: refusal ? reason(refusal) : '' });
          }
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft, saved]);

  async function save(): Promise<void> {
    // Said in the admin's language before asking the hub, which would refuse it in English.
    const known = new Set(saved?.placeholders ?? []);
    const unknown = [...draft.matchAll(/\{\{\s*([A-Za-z]+)\s*\}\}/g)]
      .map((m) => m[1] ?? '')
      .filter((name) => !known.has(name));
    if (unknown.length > 0) {
      const names = [...new Set(unknown)].map((n) => `{{${n}}}`).join(', ');
      setStatus({
        kind: 'error',
        text: t('templateRefused', { reason: t('unknownNames', { names }) }),
      });
      return;
    }
    setSaving(true);
    const answer = await templateApi.save(token, draft);
    setSaving(false);
    if (answer.ok) {
      setSaved(answer.value);
      setStatus({ kind: 'ok', text: t('templateSaved') });
    } else if (answer.status === 401) props.onUnauthorized();
    else setStatus({ kind: 'error', text: t('templateRefused', { reason: reason(answer) }) });
  }

  if (!saved)
    return status ? (
      <p role="alert" className="form-error">
        {status.text}
      </p>
    ) : (
      <p className="loading">…</p>
    );
  const changed = draft !== saved.template;
  return (
    <section className="template-page" aria-labelledby="template-title">
      <header className="page-head">
        <h1 id="template-title">{t('ticket')}</h1>
      </header>
      <p className="muted template-intro">{t('templateIntro')}</p>
      <div className="template-layout">
        <div className="template-editor">
          <label htmlFor="ticket-template">{t('editorLabel')}</label>
          <textarea
            id="ticket-template"
            value={draft}
            spellCheck={false}
            rows={22}
            onChange={(e) => {
              setDraft(e.target.value);
              setStatus(null);
            }}
          />
          <p className="muted" data-testid="template-state">
            {changed ? t('unsaved') : saved.isDefault ? t('isDefault') : t('isCustom')}
          </p>
          <div className="template-actions">
            <button
              type="button"
              className="primary"
              disabled={saving || !changed}
              onClick={() => void save()}
            >
              {saving ? t('saving') : t('save')}
            </button>
            <button
              type="button"
              className="secondary"
              title={t('resetHint')}
              disabled={draft === saved.defaultTemplate}
              onClick={() => {
                setDraft(saved.defaultTemplate);
                setStatus(null);
              }}
            >
              {t('reset')}
            </button>
          </div>
          {status && (
            <p
              role={status.kind === 'error' ? 'alert' : 'status'}
              className={status.kind === 'error' ? 'form-error' : 'template-saved'}
            >
              {status.text}
            </p>
          )}
          <Placeholders t={t} names={saved.placeholders} />
        </div>
        <TicketPreviews t={t} previews={previews} />
      </div>
    </section>
  );
}

/** What a placeholder stands for; the hub may know newer ones than this page. */
function fieldWords(t: Translate, name: string): string {
  const key = `ticketField.${name}`;
  return isMessageKey(key) ? t(key) : '';
}

function Placeholders({ t, names }: { t: Translate; names: string[] }) {
  return (
    <div className="template-placeholders">
      <h2>{t('templatePlaceholders')}</h2>
      <p className="muted">{t('placeholdersHint')}</p>
      <dl>
        {names.map((name) => (
          <div key={name}>
            <dt>
              <code>{`{{${name}}}`}</code>
            </dt>
            <dd>{fieldWords(t, name)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function TicketPreviews({ t, previews }: { t: Translate; previews: Previews | null }) {
  return (
    <div className="template-previews" aria-live="polite">
      <h2>{t('preview')}</h2>
      {previews === null && <p className="muted">{t('previewing')}</p>}
      {previews?.state === 'failed' && (
        <p role="alert" className="form-error">
          {t('previewFailed', { reason: previews.reason })}
        </p>
      )}
      {previews?.state === 'ready' && (
        <div className="template-papers">
          {WIDTHS.map((mm) => (
            <figure key={mm} className={`paper paper-${mm}`}>
              <figcaption>{t('paper', { mm })}</figcaption>
              <img
                src={asImage(previews.svgs[mm])}
                alt={t('previewAlt', { mm })}
                data-testid={`preview-${mm}`}
              />
            </figure>
          ))}
        </div>
      )}
    </div>
  );
}
