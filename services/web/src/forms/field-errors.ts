/** One error to show: in the summary at the top, and next to the field with id `fieldId` when known. */
export interface FieldError {
  /** The id of the input the summary links to; undefined for an error that belongs to no field. */
  readonly fieldId: string | undefined;
  readonly message: string;
  /** Where the summary link goes when not the field itself (a group links to its first option). */
  readonly anchor?: string;
}

export function errorsFor(errors: readonly FieldError[], fieldId: string): string[] {
  return errors.filter((error) => error.fieldId === fieldId).map((error) => error.message);
}

/** Ids of the error message elements, for aria-describedby. */
export const errorMessageId = (fieldId: string): string => `${fieldId}-fout`;
export const descriptionId = (fieldId: string): string => `${fieldId}-uitleg`;

export function describedBy(fieldId: string, options: { readonly description: boolean; readonly error: boolean }): string | undefined {
  const ids = [options.description ? descriptionId(fieldId) : undefined, options.error ? errorMessageId(fieldId) : undefined].filter(
    (id): id is string => id !== undefined,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** The same message twice on one field (e.g. two rules with one Dutch text) is shown once. */
export function distinctErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.fieldId ?? ''}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A field of a form as its errors name it: the input's id and its Dutch label. */
export interface NamedField {
  readonly id: string;
  readonly label: string;
}

/**
 * A service's problems as errors on the form's fields ("Label: message", linked to the input); a problem on
 * no field of the form stands alone. The same message twice on one field is shown once.
 */
export function errorsOnFields(problems: readonly { readonly field: string; readonly message: string }[], fieldOf: (field: string) => NamedField | undefined): FieldError[] {
  return distinctErrors(
    problems.map((problem) => {
      const field = fieldOf(problem.field);
      return field === undefined ? { fieldId: undefined, message: problem.message } : { fieldId: field.id, message: `${field.label}: ${problem.message}` };
    }),
  );
}
