import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../contract/admin.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { useCategories } from '../api/get-categories.ts';
import { useOrderCategories } from '../api/order-categories.ts';
import { usePatchCategory } from '../api/save-category.ts';
import { isForbidden } from '../admin-access.ts';
import { countCategories } from '../category-order.ts';
import { AdminOnly } from './admin-only.tsx';
import { AdminPage } from './admin-page.tsx';
import { CategoryDialog } from './category-dialog.tsx';
import { CategoryTable } from './category-table.tsx';
import { ListPanel } from './list-panel.tsx';
import { useDialog } from './use-dialog.ts';
import { useMoveRow } from './use-move-row.ts';
import './service-levels.css';
import './workspace-admin.css';

type Open = { category?: Category };

/** The workspace's categories (DESIGN.md §3, Admin): add, rename, put in order, retire and restore. */
export function CategoriesPage() {
  const { t } = useTranslation('admin');
  const categories = useCategories();
  const order = useOrderCategories();
  const retire = usePatchCategory();
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useDialog<Open>(() => heading.current);
  const [notice, setNotice] = useState('');
  const move = useMoveRow(categories.data?.items, order, setNotice);

  if (isForbidden(categories.error)) return <AdminOnly />;
  const counts = countCategories(categories.data?.items ?? []);
  const show = (open: Open) => {
    setNotice('');
    retire.reset();
    dialog.show(open);
  };
  const setRetired = (category: Category, retired: boolean) => {
    setNotice('');
    retire.mutate({ id: category.id, body: { retired } }, { onSuccess: () => setNotice(t(retired ? 'categories.retired' : 'categories.restored', { name: category.name })) });
  };

  return (
    <AdminPage title={t('categories.title')} intro={t('categories.intro')} headingRef={heading} action={<Button onClick={() => show({})}>{t('categories.add')}</Button>}>
      {order.isError && <Alert>{t('categories.orderFailed', { message: order.error.message })}</Alert>}
      {retire.isError && <Alert>{t('categories.actionFailed', { message: retire.error.message })}</Alert>}
      <p role="status" className="form-notice">
        {notice}
      </p>
      <ListPanel
        id="categories-title"
        title={t('categories.listTitle')}
        meta={categories.data?.items.length ? t('categories.meta', counts) : undefined}
        list={categories}
        loadFailed={t('categories.loadFailed')}
        empty={{ title: t('categories.emptyTitle'), text: t('categories.emptyText') }}
      >
        {(data) => (
          <>
            <CategoryTable
              categories={data.items}
              busyId={retire.isPending ? retire.variables.id : null}
              onMove={move}
              onRename={(category) => show({ category })}
              onRetire={setRetired}
            />
            <p className="retired-note">{t('categories.retiredNote')}</p>
          </>
        )}
      </ListPanel>
      {dialog.open && (
        <CategoryDialog
          category={dialog.open.category}
          onClose={dialog.close}
          onSaved={(saved) => setNotice(t(dialog.open?.category ? 'categories.renamed' : 'categories.added', { name: saved.name }))}
        />
      )}
    </AdminPage>
  );
}
