import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';

// One field: a label tied to its input, an optional hint, and the error next to the field.
// Ids follow the wire name (`enrol-heir.name`), so the error and hint are announced with it.

export function fieldId(name: string): string {
  return `enrol-${name}`;
}

/** Attributes that tie an input to its hint and error for assistive technology. */
export function describedBy(name: string, error: string | undefined, hint?: string) {
  const id = fieldId(name);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids || undefined,
  } as const;
}

interface FieldProps {
  name: string;
  label: string;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
  /** Extra content after the error (a link to a duplicate, a warning). */
  after?: ReactNode;
}

export function Field({ name, label, required, error, hint, children, after }: FieldProps) {
  const id = fieldId(name);
  return (
    <div className={error ? 'enrol-field enrol-field--error' : 'enrol-field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="enrol-required"> *</span> : null}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="enrol-hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="enrol-error">{error}</p> : null}
      {after}
    </div>
  );
}

export type Option = readonly [value: string, label: string];

interface SelectFieldProps {
  name: string;
  label: string;
  /** The empty first option ("— Pilih —"). */
  placeholder: string;
  options: readonly Option[];
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  /** What drives the select: react-hook-form's `register(name)`, or value and onChange. */
  selectProps: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> };
}

export function SelectField({
  name, label, placeholder, options, required, error, hint, selectProps,
}: SelectFieldProps) {
  return (
    <Field name={name} label={label} required={required} error={error} hint={hint}>
      <select {...describedBy(name, error, hint)} aria-required={required ? true : undefined} {...selectProps}>
        <option value="">{placeholder}</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </Field>
  );
}
