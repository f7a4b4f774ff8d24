import type { Section } from './building-drafts';

export interface ConfigRow<T> {
  id: string;
  label: string;
  detail: string;
  item: T;
  logo?: string | undefined;
}

/** One list of the Gedung page, with the actions the signed-in person may take. */
export function ConfigList<T>(props: {
  name: Section;
  title: string;
  rows: ConfigRow<T>[];
  addLabel: string;
  editLabel: string;
  deleteLabel: string;
  onAdd?: (() => void) | undefined;
  onEdit?: ((row: ConfigRow<T>) => void) | undefined;
  onDelete?: ((row: ConfigRow<T>) => void) | undefined;
}) {
  const { onAdd, onEdit, onDelete } = props;
  return (
    <section className="config-list" aria-label={props.title} data-testid={`list-${props.name}`}>
      <div className="block-head">
        <h2>{props.title}</h2>
        {onAdd && (
          <button type="button" className="secondary" onClick={onAdd}>
            {props.addLabel}
          </button>
        )}
      </div>
      <ul>
        {props.rows.map((r) => (
          <li key={r.id}>
            <span>
              {r.logo && <img className="list-logo" src={r.logo} alt="" />}
              <strong>{r.label}</strong> <small className="muted">{r.detail}</small>
            </span>
            {(onEdit || onDelete) && (
              <span className="row-actions">
                {onEdit && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`${props.editLabel} ${r.label}`}
                    onClick={() => onEdit(r)}
                  >
                    {props.editLabel}
                  </button>
                )}
                {onDelete && (
                  <button
                    type="button"
                    className="link danger"
                    aria-label={`${props.deleteLabel} ${r.label}`}
                    onClick={() => onDelete(r)}
                  >
                    {props.deleteLabel}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
