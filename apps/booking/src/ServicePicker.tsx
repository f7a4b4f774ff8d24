import type { Catalogue } from '@antre/protocol';
import type { CatalogueService } from './booking-api';
import type { T } from './booking-text';

interface Props {
  t: T;
  agency: Catalogue['agencies'][number];
  services: CatalogueService[];
  onChoose: (service: CatalogueService) => void;
}

/** The agency's bookable services, each with the six public components of its standard. */
export function ServicePicker({ t, agency, services, onChoose }: Props) {
  return (
    <>
      <p className="step-kicker">{agency.name}</p>
      <h1 className="step-title">{t('chooseService')}</h1>
      <ul className="choices">
        {services.map((s) => (
          <li key={s.id} className="service-card">
            <h2 className="service-name">{s.name}</h2>
            <details className="standard">
              <summary>{t('showStandard')}</summary>
              <h3>{t('requirements')}</h3>
              <ul>
                {s.standard.requirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <h3>{t('procedure')}</h3>
              <ol>
                {s.standard.procedure.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
              <dl>
                <dt>{t('duration')}</dt>
                <dd>{s.standard.duration}</dd>
                <dt>{t('cost')}</dt>
                <dd>{s.standard.cost}</dd>
                <dt>{t('product')}</dt>
                <dd>{s.standard.product}</dd>
                <dt>{t('complaints')}</dt>
                <dd>{s.standard.complaints}</dd>
              </dl>
            </details>
            <button type="button" className="primary-button" onClick={() => onChoose(s)}>
              {t('chooseThisService')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
