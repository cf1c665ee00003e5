// An error the person must notice: announced by screen readers as it appears.
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error-alert" role="alert">
      {message}
    </p>
  );
}
