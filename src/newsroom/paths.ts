// The newsroom's addresses that more than one page needs.

export const NEWSROOM_PATH = "/newsroom";
export const SIGN_IN_PATH = "/newsroom/sign-in";
/** The signed-in person's account: their passkeys. */
export const ACCOUNT_PATH = "/newsroom/account";
/** An invitation's page; the link sent is /invitations/TOKEN, which the server sends here. */
export const INVITATION_PATH = "/newsroom/invitations/:token";

/** Where sign-in goes on to: the newsroom page the browser asked for, else the stories. */
export function afterSignIn(next: string | null): string {
  return next?.startsWith("/newsroom/") && !next.startsWith(SIGN_IN_PATH) ? next : NEWSROOM_PATH;
}
