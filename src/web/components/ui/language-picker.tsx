import { type Language, languageNames, languages } from '../../i18n/languages.ts';

/** The header's language choice, each language named in itself. */
export function LanguagePicker({ label, value, onChange }: { label: string; value: Language; onChange: (language: Language) => void }) {
  return (
    <label className="header-picker">
      <span className="visually-hidden">{label}</span>
      <select className="field-input" value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
