import { useTranslation } from 'react-i18next';
import { limits } from '../../../../contract/limits.ts';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { type CreateTicketForm, emptyOrderItem, fieldPaths, itemPath, type OrderItemRow } from '../create-ticket-form.ts';

interface CreateTicketReferencesProps {
  form: CreateTicketForm;
  errors: Record<string, string>;
  update: (changes: Partial<CreateTicketForm>) => void;
}

/** What the complaint is about: the order and its items, and the loyalty purchase (its receipt's reference, store, amount, time). */
export function CreateTicketReferences({ form, errors, update }: CreateTicketReferencesProps) {
  const { t } = useTranslation('create');
  const items = form.orderItems;
  const setItem = (index: number, changes: Partial<OrderItemRow>) => update({ orderItems: items.map((item, i) => (i === index ? { ...item, ...changes } : item)) });

  return (
    <fieldset className="form-section">
      <legend>{t('references')}</legend>
      <TextField label={t('orderNumber')} name="order-number" value={form.orderNumber} maxLength={limits.refMax} autoComplete="off" spellCheck={false}
        error={errors[fieldPaths.orderNumber]} onChange={(e) => update({ orderNumber: e.target.value })} />
      {items.length > 0 && (
        <ol className="create-ticket-items" aria-label={t('items.title')}>
          {items.map((item, i) => (
            <li key={i} className="create-ticket-item">
              <TextField label={t('items.name', { n: i + 1 })} name={`item-${i}-name`} value={item.name} maxLength={limits.nameMax} autoComplete="off"
                error={errors[itemPath(i, 'name')]} onChange={(e) => setItem(i, { name: e.target.value })} />
              <TextField label={t('items.sku')} name={`item-${i}-sku`} value={item.sku} maxLength={limits.refMax} autoComplete="off" spellCheck={false}
                error={errors[itemPath(i, 'sku')]} onChange={(e) => setItem(i, { sku: e.target.value })} />
              <TextField label={t('items.quantity')} name={`item-${i}-quantity`} value={item.quantity} inputMode="numeric" maxLength={7} autoComplete="off"
                error={errors[itemPath(i, 'quantity')]} onChange={(e) => setItem(i, { quantity: e.target.value })} />
              <button type="button" className="link-button create-ticket-item-remove" aria-label={t('items.removeLabel', { n: i + 1 })}
                onClick={() => update({ orderItems: items.filter((_, j) => j !== i) })}>
                {t('items.remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {items.length < limits.orderItemsMax && (
        <Button type="button" variant="secondary" onClick={() => update({ orderItems: [...items, emptyOrderItem] })}>
          {t('items.add')}
        </Button>
      )}
      <TextField label={t('transactionRef')} name="transaction-ref" value={form.transactionRef} maxLength={limits.refMax} autoComplete="off"
        spellCheck={false} hint={t('transactionRefHint')} error={errors[fieldPaths.transactionRef]}
        onChange={(e) => update({ transactionRef: e.target.value })} />
      <div className="create-ticket-row">
        <TextField label={t('purchase.store')} name="purchase-store" value={form.purchaseStore} maxLength={limits.nameMax} autoComplete="off"
          error={errors[fieldPaths.purchaseStore]} onChange={(e) => update({ purchaseStore: e.target.value })} />
        <TextField label={t('purchase.amount')} name="purchase-amount" value={form.purchaseAmount} inputMode="decimal" maxLength={20} autoComplete="off"
          error={errors[fieldPaths.purchaseAmount]} onChange={(e) => update({ purchaseAmount: e.target.value })} />
        <TextField label={t('purchase.currency')} name="purchase-currency" value={form.purchaseCurrency} maxLength={3} autoComplete="off" spellCheck={false}
          hint={t('purchase.currencyHint')} error={errors[fieldPaths.purchaseCurrency]} onChange={(e) => update({ purchaseCurrency: e.target.value.toUpperCase() })} />
        <TextField label={t('purchase.at')} name="purchased-at" type="datetime-local" value={form.purchasedAt}
          error={errors[fieldPaths.purchasedAt]} onChange={(e) => update({ purchasedAt: e.target.value })} />
      </div>
    </fieldset>
  );
}
