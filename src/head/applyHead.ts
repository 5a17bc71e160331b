// Keeps document.head in step with the page after a client-side navigation.
import type { Head } from "./head";

export function applyHead(head: Head): void {
  document.title = head.title;
  for (const element of document.head.querySelectorAll("[data-head]")) element.remove();
  const fragment = document.createDocumentFragment();
  for (const { tag, attrs } of head.tags) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
    element.setAttribute("data-head", "");
    fragment.append(element);
  }
  for (const data of head.jsonLd ?? []) {
    const script = document.createElement("script");
    script.type = "application/ld+json";
    script.textContent = JSON.stringify(data);
    script.setAttribute("data-head", "");
    fragment.append(script);
  }
  document.head.append(fragment);
}
