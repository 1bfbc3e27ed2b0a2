import { type KeyboardEvent, type ReactNode, useRef } from 'react';

/**
 * Tabs after the WAI-ARIA pattern: one tab stop for the list, arrow keys (and Home / End) move
 * between tabs and show each at once, Tab goes on into the panel.
 */
export function Tabs<K extends string>({ label, tabs, selected, onSelect, children }: {
  label: string;
  tabs: readonly { key: K; label: string }[];
  selected: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((tab) => tab.key === selected);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length];
    onSelect(next.key);
    list.current?.querySelector<HTMLElement>(`#tab-${next.key}`)?.focus();
  };
  return (
    <>
      <div ref={list} className="tabs portal-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`tabpanel-${tab.key}`}
            tabIndex={tab.key === selected ? 0 : -1}
            className={tab.key === selected ? 'tab tab-active' : 'tab'}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${selected}`} aria-labelledby={`tab-${selected}`} className="tabpanel" tabIndex={0}>
        {children}
      </div>
    </>
  );
}
