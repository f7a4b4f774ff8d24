import '../admin-config.css';
import '../admin-site.css';
import { Notice } from '../components/ConfigField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { BuildingFileButtons } from './BuildingFileButtons';
import { BuildingItemForm } from './BuildingItemForm';
import { BuildingLists } from './BuildingLists';
import type { BuildingPageProps } from './use-building-page';
import { useBuildingPage } from './use-building-page';

/** Zones, agencies, services and counters: the lists, the open form and the delete question. */
export function BuildingPage(props: BuildingPageProps) {
  const { t } = props;
  const {
    token,
    isAdmin,
    building,
    editing,
    setEditing,
    deleting,
    setDeleting,
    notice,
    setNotice,
    busy,
    errors,
    open,
    save,
    remove,
    imported,
  } = useBuildingPage(props);

  const form = editing && (
    <BuildingItemForm
      editing={editing}
      building={building}
      isAdmin={isAdmin}
      errors={errors}
      busy={busy}
      t={t}
      onChange={setEditing}
      onSave={() => void save()}
      onCancel={() => setEditing(null)}
    />
  );

  return (
    <>
      <div className="page-head">
        <h1>{t('buildingTitle')}</h1>
        {isAdmin && (
          <BuildingFileButtons
            t={t}
            language={props.language}
            token={token}
            onImported={imported}
            onNotice={setNotice}
          />
        )}
      </div>
      {!isAdmin && <p className="muted">{t('readOnly')}</p>}
      {notice && <Notice text={notice.text} kind={notice.kind} />}
      {form}
      {deleting && (
        <ConfirmDialog
          title={t('deleteTitle', { name: deleting.row.label })}
          body={t('deleteBody')}
          confirm={t('deleteConfirm')}
          cancel={deleting.problem ? t('close') : t('cancel')}
          busy={busy}
          problem={deleting.problem ?? null}
          onConfirm={() => void remove(deleting.section, deleting.row)}
          onCancel={() => setDeleting(null)}
        />
      )}
      <BuildingLists
        building={building}
        isAdmin={isAdmin}
        agencyId={props.session.user.agencyId}
        t={t}
        onOpen={open}
        onDelete={(section, row) => setDeleting({ section, row })}
      />
    </>
  );
}
