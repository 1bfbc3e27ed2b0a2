/** The Caredesk mark and name. */
export function Logo({ withName = true }: { withName?: boolean }) {
  return (
    <span className="logo">
      <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path d="M10 8h12a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-7l-5 4v-4a3 3 0 0 1-3-3v-7a3 3 0 0 1 3-3z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {withName && <span className="logo-name">Caredesk</span>}
    </span>
  );
}
