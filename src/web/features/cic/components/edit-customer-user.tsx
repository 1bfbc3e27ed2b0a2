import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useCustomerUser } from '../api/get-customer-user.ts';
import { CustomerUserDialog } from './customer-user-dialog.tsx';

/** The edit dialog of a customer user the screen knows only by id: their whole record is read first. */
export function EditCustomerUser({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('cic');
  const user = useCustomerUser(id);
  if (user.isError) return <Alert>{t('form.loadFailed', { message: user.error.message })}</Alert>;
  if (!user.data) return <Spinner size="sm" />;
  return <CustomerUserDialog user={user.data} onClose={onClose} />;
}
