/** Radio buttons with a sentence each, for choices that need explaining (batch type, confirmation). */
export function ChoiceField({
  legend,
  help,
  name,
  options,
  defaultValue,
  error,
}: {
  legend: string;
  help: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue: string;
  error?: string;
}) {
  return (
    <fieldset className="space-y-1" aria-describedby={`${name}-help`}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="space-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name={name} value={o.value} defaultChecked={o.value === defaultValue} className="mt-1 accent-indigo-600" />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <p id={`${name}-help`} className="text-xs text-slate-500">
        {help}
      </p>
      {error && (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
