import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <div className="empty-state">
      <title>Not found · Caredesk</title>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/tickets">Go to tickets</Link>
    </div>
  );
}
