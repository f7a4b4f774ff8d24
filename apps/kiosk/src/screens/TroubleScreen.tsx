import type { MessageKey } from '../messages';

/** Said plainly; no ticket is offered until the printer answers ready again. */
export function TroubleScreen({ t }: { t: (key: MessageKey) => string }) {
  return (
    <section className="screen centered trouble" role="alert">
      <svg
        className="trouble-icon"
        viewBox="0 0 48 48"
        aria-hidden="true"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinejoin="round"
      >
        <path d="M14 18V6h20v12M10 18h28a4 4 0 0 1 4 4v12h-8v8H14v-8H6V22a4 4 0 0 1 4-4z" />
        <path d="M24 24v7M24 35v1" strokeLinecap="round" />
      </svg>
      <h1 className="screen-title">{t('printerTrouble')}</h1>
      <p className="lead">{t('printerTroubleNote')}</p>
    </section>
  );
}
