/** The caller once their session cookie or API token has been checked. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      user?: AuthenticatedUser;
    }
  }
}
