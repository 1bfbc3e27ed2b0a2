import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agent, Department } from '../../../../contract/admin.ts';
import { type EscalationLevel, escalationLimits } from '../../../../contract/escalation.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { useSaveEscalationLevels } from '../api/save-escalation-levels.ts';
import { checkLevels, type LevelForm, levelSaveErrors, levelsToForm, newLevel } from '../escalation-form.ts';
import { EscalationLevelFieldset } from './escalation-level-fieldset.tsx';
import { useFocusFirstError } from './use-focus-first-error.ts';
import { SaveActions } from './save-actions.tsx';

interface EscalationEditorProps {
  department: Department;
  saved: EscalationLevel[];
  agents: Agent[];
  departments: Department[];
}

/** A department's levels 1…n as one form: levels are added and removed here, and Save sends the whole list. */
export function EscalationEditor({ department, saved, agents, departments }: EscalationEditorProps) {
  const { t } = useTranslation('admin');
  const [levels, setLevels] = useState<LevelForm[]>(() => levelsToForm(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const save = useSaveEscalationLevels();
  const { container, refused } = useFocusFirstError<HTMLFormElement>();
  const addButton = useRef<HTMLButtonElement>(null);

  const touch = () => {
    setNotice('');
    save.reset();
  };
  const setLevel = (key: number, change: Partial<LevelForm>) => {
    setLevels((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));
    touch();
  };
  const removeLevel = (key: number) => {
    setLevels((all) => all.filter((l) => l.key !== key));
    // Errors are keyed by position: those below the removed level no longer point where they did.
    setErrors({});
    touch();
    addButton.current?.focus();
  };
  const addLevel = () => {
    setLevels((all) => [...all, newLevel(all)]);
    touch();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkLevels(levels);
    setErrors(checked.errors ?? {});
    if (!checked.body) return refused();
    save.mutate(
      { departmentId: department.id, body: checked.body },
      {
        onSuccess: (result) => {
          setLevels(levelsToForm(result.levels));
          setNotice(result.levels.length ? t('escalation.saved', { count: result.levels.length, name: department.name }) : t('escalation.savedNone', { name: department.name }));
        },
        onError: (error) => {
          const found = levelSaveErrors(error, levels);
          setErrors(found);
          if (Object.keys(found).length) refused();
        },
      },
    );
  };

  return (
    <form ref={container} className="panel escalation-editor" aria-labelledby="escalation-editor-title" onSubmit={submit} noValidate>
      <div className="panel-head">
        <h2 id="escalation-editor-title" className="panel-title">
          {t('escalation.levelsOf', { name: department.name })}
        </h2>
        <span className="panel-meta">{t('escalation.count', { count: levels.length })}</span>
      </div>
      <div className="panel-body form">
        {levels.length === 0 && <p className="escalation-none">{t('escalation.none')}</p>}
        {levels.map((level, index) => (
          <EscalationLevelFieldset
            key={level.key}
            index={index}
            level={level}
            agents={agents}
            departments={departments}
            errors={errors}
            onChange={(change) => setLevel(level.key, change)}
            onRemove={() => removeLevel(level.key)}
          />
        ))}
        {levels.length < escalationLimits.levelsMax && (
          <button ref={addButton} type="button" className="btn btn-secondary btn-md escalation-add" onClick={addLevel}>
            {t('escalation.add')}
          </button>
        )}
        {save.isError && Object.keys(errors).length === 0 && <Alert>{t('escalation.saveFailed', { message: save.error.message })}</Alert>}
        <SaveActions label={t('escalation.save')} isBusy={save.isPending} notice={notice} />
      </div>
    </form>
  );
}
