import type { ReactNode } from 'react';

/** A page whose feature has not landed yet: says what it will do. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card" data-testid="coming-soon">
      <h1>{title}</h1>
      <div className="lead">{children}</div>
      <p className="badge">coming soon</p>
    </section>
  );
}
