import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent } from '../../../../contract/admin.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { filterAgents, memberChoices } from '../department-form.ts';

interface MemberPickerProps {
  agents: readonly Agent[];
  chosen: readonly number[];
  onChange: (chosen: number[]) => void;
  error?: string;
}

/**
 * A department's members: every agent as a checkbox with name and email, deactivated ones marked,
 * and a search that narrows the list (the chosen ones stay chosen while hidden).
 */
export function MemberPicker({ agents, chosen, onChange, error }: MemberPickerProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [text, setText] = useState('');
  const shown = filterAgents(memberChoices(agents), text);
  const toggle = (agentId: number, isOn: boolean) => onChange(isOn ? [...chosen, agentId] : chosen.filter((c) => c !== agentId));

  return (
    <fieldset className={['form-section', 'member-picker', error ? 'member-picker-invalid' : ''].filter(Boolean).join(' ')} aria-describedby={`${id}-note`}>
      <legend>
        {t('departments.members')} <span className="member-count">{t('departments.chosen', { count: chosen.length })}</span>
      </legend>
      <p className={error ? 'field-error' : 'field-hint'} id={`${id}-note`}>
        {error ?? t('departments.membersHint')}
      </p>
      {agents.length > 6 && (
        <div className="member-search">
          <label className="visually-hidden" htmlFor={`${id}-find`}>
            {t('departments.findMember')}
          </label>
          <input
            id={`${id}-find`}
            className="field-input"
            type="search"
            autoComplete="off"
            placeholder={t('departments.findMemberPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
      {agents.length === 0 ? (
        <p className="muted">{t('departments.noAgents')}</p>
      ) : shown.length === 0 ? (
        <p className="muted">{t('departments.noMatch', { text: text.trim() })}</p>
      ) : (
        <ul className="member-list">
          {shown.map((agent) => (
            <li key={agent.id}>
              <label className={['member-item', agent.is_active ? '' : 'member-inactive'].filter(Boolean).join(' ')}>
                <input type="checkbox" value={agent.id} checked={chosen.includes(agent.id)} aria-invalid={error ? true : undefined} onChange={(e) => toggle(agent.id, e.target.checked)} />
                <span className="member-name">{agent.name}</span>
                <span className="member-email">{agent.email}</span>
                {!agent.is_active ? <Badge>{t('departments.inactive')}</Badge> : agent.status === 'invited' && <Badge tone="amber">{t('departments.invited')}</Badge>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
