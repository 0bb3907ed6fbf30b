import { Link, useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../../components/useDocumentTitle';

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{pathname}</code>. Go to <Link to="/train">Train</Link>.
      </p>
    </section>
  );
}
