/** No signed-in session: the filter sends the browser to the sign-in page. */
export class NotSignedInException extends Error {
  override readonly name = 'NotSignedInException';
}

/** A POST without the session's CSRF token. */
export class CsrfRejectedException extends Error {
  override readonly name = 'CsrfRejectedException';
}

/** The signed-in user's role does not allow this page. */
export class RoleRequiredException extends Error {
  override readonly name = 'RoleRequiredException';
}
