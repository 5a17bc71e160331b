// npm run account -- add --email E --role R [--name N]: makes an account in the store named by
// DATABASE_URL (the first admin, say) and prints its single-use invitation link, which expires
// (auth/invitations.ts). `invite --email E` prints a new link for an existing account.
import { parseArgs } from "node:util";
import { readConfig } from "../../config";
import { emailSchema, ROLES, roleSchema } from "../../model/account";
import { openStore } from "../../store/openStore";
import { INVITATION_TTL_MS, invite } from "./invitations";

const usage = `Usage: npm run account -- add --email E --role R [--name N]
       npm run account -- invite --email E
  add       make an account and print its invitation link (roles: ${ROLES.join(", ")})
  invite    print a new invitation link for an existing account (a lost password)
  The link is good once, for ${INVITATION_TTL_MS / 3_600_000} hours; it is built on PUBLIC_URL.`;

export interface AccountRun {
  exitCode: number;
  output: string;
}

export async function runAccount(argv: string[], env = process.env, now = new Date()): Promise<AccountRun> {
  let parsed: ReturnType<typeof parse>;
  const parse = (args: string[]) =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
    });
  try {
    parsed = parse(argv);
  } catch (error) {
    return { exitCode: 2, output: `${(error as Error).message}\n${usage}` };
  }
  const [command] = parsed.positionals;
  const email = emailSchema.safeParse(parsed.values.email);
  if ((command !== "add" && command !== "invite") || !email.success)
    return { exitCode: 2, output: `${email.success ? "" : "--email: an email address is needed\n"}${usage}` };
  const config = readConfig(env);
  const store = await openStore(config.databaseUrl);
  try {
    let accountId: string;
    if (command === "add") {
      const role = roleSchema.safeParse(parsed.values.role);
      if (!role.success) return { exitCode: 2, output: `--role: one of ${ROLES.join(", ")}\n${usage}` };
      const name = parsed.values.name?.trim() || (email.data.split("@")[0] ?? email.data);
      const account = await store.accounts
        .createAccount({ email: email.data, name, role: role.data }, now)
        .catch((error: Error) => error);
      if (account instanceof Error) return { exitCode: 1, output: account.message };
      accountId = account.id;
    } else {
      const account = await store.accounts.findAccountByEmail(email.data);
      if (!account) return { exitCode: 1, output: `There is no account for ${email.data}.` };
      accountId = account.id;
    }
    const invitation = await invite(store, accountId, config.publicUrl, now);
    return {
      exitCode: 0,
      output: `${command === "add" ? "Account made" : "New invitation"} for ${email.data}. Send this link; it works once, until ${invitation.expiresAt}:\n${invitation.url}`,
    };
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const { exitCode, output } = await runAccount(argv);
  (exitCode === 0 ? process.stdout : process.stderr).write(`${output}\n`);
  return exitCode;
}
