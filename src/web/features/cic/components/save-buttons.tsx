import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';

/** Save (the form stays open) and Save and finish (it closes): their `value` tells useRecordForm which. */
export function SaveButtons({ isBusy }: { isBusy: boolean }) {
  const { t } = useTranslation('cic');
  return (
    <>
      <Button type="submit" variant="secondary" value="save" isBusy={isBusy}>
        {t('form.save')}
      </Button>
      <Button type="submit" value="finish" isBusy={isBusy}>
        {t('form.saveAndFinish')}
      </Button>
    </>
  );
}
