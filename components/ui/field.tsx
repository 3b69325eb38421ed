import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 aria-invalid:border-red-500";

type FieldProps = { label: string; name: string; error?: string; help?: ReactNode };

/** A labelled control with its help text and its error in place, wired for screen readers. */
function Field({ id, label, error, help, className, children }: Omit<FieldProps, "name"> & { id: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {help && !error && (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, error?: string, help?: ReactNode): string | undefined {
  return error ? `${id}-error` : help ? `${id}-help` : undefined;
}

export function TextField({ label, name, error, help, className, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = props.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} help={help} className={className}>
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, help)} className={control} {...props} />
    </Field>
  );
}

/** HH:MM from 00:00 to 23:59, as the server's window-time schemas take it. */
export const TIME_PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";

/**
 * A time of day typed as HH:MM, 24-hour in every language. Not an input of type time: Chromium draws that in the
 * browser's own locale whatever the page's or the input's `lang`, so a Russian page in an English browser showed
 * "09:00 AM".
 */
export function TimeField(props: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <TextField type="text" inputMode="numeric" pattern={TIME_PATTERN} maxLength={5} autoComplete="off" spellCheck={false} {...props} />;
}

export function SelectField({ label, name, error, help, children, className, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = props.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} help={help} className={className}>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, help)} className={control} {...props}>
        {children}
      </select>
    </Field>
  );
}

export function TextAreaField({ label, name, error, help, className, ...props }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = props.id ?? `f-${name}`;
  return (
    <Field id={id} label={label} error={error} help={help} className={className}>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, help)} className={control} {...props} />
    </Field>
  );
}
