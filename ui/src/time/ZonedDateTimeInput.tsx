import { fromZoneInput, zoneLabel } from './format';

/**
 * A date-and-time field that says which zone the time is in: the newsroom's (the value is a
 * wall-clock time there; convert with fromZoneInput/toZoneInput). The zone is part of the field's
 * description, so screen readers announce it with the label.
 */
export function ZonedDateTimeInput({
  id,
  label,
  value,
  onChange,
  required,
  min,
  describedBy,
  invalid,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  required?: boolean;
  min?: string;
  /** Further ids describing the field, e.g. its error message. */
  describedBy?: string;
  invalid?: boolean;
}) {
  const hint = `${id}-zone`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="datetime-local"
        required={required}
        min={min || undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hint, describedBy].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
      />
      <span id={hint} className="hint zone-hint" data-testid="zone-hint">
        Time in {zoneLabel(fromZoneInput(value))}
      </span>
    </>
  );
}
