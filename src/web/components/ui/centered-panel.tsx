import type { ReactNode } from 'react';
import { Logo } from './logo.tsx';

/** The page frame of the signed-out screens: the brand above one card. */
export function CenteredPanel({ title, intro, wide = false, children, footer }: { title: string; intro?: ReactNode; wide?: boolean; children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="centered-page">
      <div className={`centered-panel${wide ? ' centered-panel-wide' : ''}`}>
        <div className="centered-brand">
          <Logo />
        </div>
        <section className="card">
          <h1 className="card-title">{title}</h1>
          {intro && <div className="card-intro">{intro}</div>}
          {children}
        </section>
        {footer && <footer className="centered-footer">{footer}</footer>}
      </div>
    </main>
  );
}
