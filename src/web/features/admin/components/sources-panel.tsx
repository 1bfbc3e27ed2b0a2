import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceChannels, type TicketSource } from '../../../../contract/channel-intake.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { RetryAlert } from '../../../components/ui/retry-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useAllSources } from '../api/get-channel-sources.ts';
import { usePatchSource } from '../api/save-channel-source.ts';
import { sourcesOf } from '../channel-sources.ts';
import { ActionsHead } from './row-buttons.tsx';
import { SourceDialog } from './source-dialog.tsx';
import { useDialog } from './use-dialog.ts';

type SourceChannel = TicketSource['channel'];

interface SourceTableProps {
  channel: SourceChannel;
  sources: TicketSource[];
  busy: Pick<TicketSource, 'channel' | 'key'> | undefined;
  onRename: (source: TicketSource) => void;
  onTurn: (source: TicketSource, isOn: boolean) => void;
}

/** One channel's sources: name, key and whether it is on, with Rename and Turn off/on. */
function SourceTable({ channel, sources, busy, onRename, onTurn }: SourceTableProps) {
  const { t } = useTranslation('admin');
  const titleId = `sources-${channel}-title`;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId} className="source-list-title">
        {t(`sources.channel.${channel}`)}
      </h3>
      {sources.length === 0 ? (
        <p className="panel-body muted">{t('sources.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table source-table" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{t('sources.column.name')}</th>
                <th scope="col">{t('sources.column.key')}</th>
                <th scope="col">{t('sources.column.status')}</th>
                <ActionsHead />
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => {
                const isBusy = busy?.channel === source.channel && busy.key === source.key;
                return (
                  <tr key={source.key} className={source.retired ? 'row-inactive' : undefined}>
                    <th scope="row" className="cell-name">
                      {source.label}
                    </th>
                    <td className="source-key">{source.key}</td>
                    <td className="cell-status">{source.retired ? <Badge>{t('sources.off')}</Badge> : <Badge tone="green">{t('sources.on')}</Badge>}</td>
                    <td className="cell-actions">
                      <button type="button" className="btn btn-secondary btn-md" aria-label={t('sources.renameNamed', { name: source.label })} onClick={() => onRename(source)}>
                        {t('sources.rename')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-ghost btn-md"
                        aria-label={t(source.retired ? 'sources.turnOnNamed' : 'sources.turnOffNamed', { name: source.label })}
                        disabled={isBusy}
                        aria-busy={isBusy || undefined}
                        onClick={() => onTurn(source, source.retired)}
                      >
                        {t(source.retired ? 'sources.turnOn' : 'sources.turnOff')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

type Open = { source?: TicketSource; channel: SourceChannel };

/** The marketplace and review sources tickets come from (issue 7): add, rename, turn off and on. */
export function SourcesPanel() {
  const { t } = useTranslation(['admin', 'common']);
  const sources = useAllSources();
  const turn = usePatchSource();
  const dialog = useDialog<Open>(() => document.getElementById('sources-title'));
  const [notice, setNotice] = useState('');
  const show = (open: Open) => {
    setNotice('');
    turn.reset();
    dialog.show(open);
  };
  const setOn = (source: TicketSource, isOn: boolean) => {
    setNotice('');
    turn.mutate({ source, body: { retired: !isOn } }, { onSuccess: () => setNotice(t(isOn ? 'sources.turnedOn' : 'sources.turnedOff', { name: source.label })) });
  };
  return (
    <section className="panel" aria-labelledby="sources-title" aria-busy={sources.isFetching || undefined}>
      <div className="panel-head">
        <h2 id="sources-title" className="panel-title" tabIndex={-1}>
          {t('sources.title')}
        </h2>
        <Button variant="secondary" onClick={() => show({ channel: 'marketplace' })} disabled={!sources.data}>
          {t('sources.add')}
        </Button>
      </div>
      <div className="panel-body form">
        <p className="field-hint">{t('sources.intro')}</p>
        {turn.isError && <Alert>{t('sources.actionFailed', { message: turn.error.message })}</Alert>}
        {sources.isError && !sources.data && <RetryAlert title={t('sources.loadFailed')} error={sources.error} onRetry={() => void sources.refetch()} />}
        <p role="status" className="form-notice">
          {notice}
        </p>
      </div>
      {sources.data ? (
        <div className="source-lists">
          {sourceChannels.map((channel) => (
            <SourceTable
              key={channel}
              channel={channel}
              sources={sourcesOf(sources.data.items, channel)}
              busy={turn.isPending ? turn.variables.source : undefined}
              onRename={(source) => show({ source, channel })}
              onTurn={setOn}
            />
          ))}
        </div>
      ) : (
        !sources.isError && (
          <div className="panel-loading">
            <Spinner label={t('common:app.loading')} />
          </div>
        )
      )}
      {dialog.open && (
        <SourceDialog
          source={dialog.open.source}
          channel={dialog.open.channel}
          onClose={dialog.close}
          onSaved={(saved) => setNotice(t(dialog.open?.source ? 'sources.renamed' : 'sources.added', { name: saved.label }))}
        />
      )}
    </section>
  );
}
