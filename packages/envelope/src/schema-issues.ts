import type { z } from 'zod';

/**
 * `path: rule` for each issue. Only paths and the schemas' own messages are used — never the
 * rejected input — so the text is safe for logs even when the input held personal data.
 */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const described = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : String(segment))).join('.');
    return `${path === '' ? '(root)' : path}: ${issue.code}`;
  });
  const more = error.issues.length > limit ? ` (+${error.issues.length - limit} more)` : '';
  return described.join('; ') + more;
}
