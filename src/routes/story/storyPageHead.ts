// The story page's head, as its loader writes it: code of its own (docs/decisions/028). A first
// visit runs no loader in the browser (the server wrote the head, and the router starts from its
// data), so only a reader who goes on to another story loads it, beside that story's data.
export { liveHead } from "../../head/liveHead";
export { storyHead } from "../../head/storyHead";
