// Who saved a revision or wrote a live entry, as staff read it: the account's name, the admin token
// named in the site's language (its writes are recorded as "token"), or someone from before accounts.
import { TOKEN_AUTHOR, type WriteAuthor } from "../model/account";
import type { Words } from "../words/words";

export function writerName(author: WriteAuthor | undefined, words: Words): string {
  if (!author) return words.text("newsroom.someoneUnknown");
  return author.id === TOKEN_AUTHOR.id ? words.text("newsroom.adminToken") : author.name;
}
