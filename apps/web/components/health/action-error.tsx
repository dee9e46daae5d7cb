// A health action's userError (or failure), shown beside the control that started it; an alert,
// because it appears after the confirmation dialog has closed and focus has moved on.
export function ActionError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mt-1 text-left text-sm text-red-700">
      {message}
    </p>
  );
}
