// The runs <-> Lexical mapping, on a real Lexical editor without a page: every mark and link goes
// in and comes out as it was, what the model trims is trimmed, and only links a run may carry
// survive either way.
import { $createLinkNode, $toggleLink, LinkNode } from "@lexical/link";
import { $createParagraphNode, $createTextNode, $getRoot, $selectAll, createEditor } from "lexical";
import { describe, expect, it } from "vitest";
import type { Run } from "../../model/runs";
import { $readPassage, $writePassage, type Passage } from "./runsInLexical";

const editor = () =>
  createEditor({
    nodes: [LinkNode],
    onError: (error) => {
      throw error;
    },
  });

function roundTrip(passage: Passage): Passage {
  const lexical = editor();
  lexical.update(() => $writePassage(passage), { discrete: true });
  return lexical.getEditorState().read($readPassage);
}

const read = (build: () => void): Passage => {
  const lexical = editor();
  lexical.update(build, { discrete: true });
  return lexical.getEditorState().read($readPassage);
};

describe("a passage's runs in Lexical", () => {
  const runs: Run[] = [
    { text: "The " },
    { text: "report", href: "https://council.example/walls" },
    { text: ", " },
    { text: "Harbour Walls", marks: ["em"] },
    { text: ", was " },
    { text: "leaked", marks: ["strong"] },
    { text: " and " },
    { text: "denied", marks: ["em", "strong"] },
    { text: " (" },
    { text: "earlier", href: "/stories/harbour-walls#p-2" },
    { text: " " },
    { text: "coverage", marks: ["em"], href: "/stories/harbour-walls#p-2" },
    { text: ")." },
  ];

  it("comes back as it went in: emphasis, strong, both, external and story links, a mark inside a link", () => {
    const passage = { text: runs.map((run) => run.text).join(""), runs };
    expect(roundTrip(passage)).toEqual(passage);
  });

  it("keeps plain text plain: no runs when nothing is marked or linked", () => {
    expect(roundTrip({ text: "Nothing marked here." })).toEqual({ text: "Nothing marked here." });
  });

  it("trims the white space the model trims, at either end, across runs", () => {
    const passage = read(() => {
      const paragraph = $createParagraphNode();
      paragraph.append(
        $createTextNode("  "),
        $createTextNode(" Bold ").toggleFormat("bold"),
        $createTextNode("end.  "),
      );
      $getRoot().clear().append(paragraph);
    });
    expect(passage).toEqual({ text: "Bold end.", runs: [{ text: "Bold ", marks: ["strong"] }, { text: "end." }] });
  });

  it("drops formats the model has no place for (underline, code), keeping the text", () => {
    const passage = read(() => {
      const paragraph = $createParagraphNode();
      paragraph.append($createTextNode("under").toggleFormat("underline"), $createTextNode(" line"));
      $getRoot().clear().append(paragraph);
    });
    expect(passage).toEqual({ text: "under line" });
  });

  it("joins the paragraphs a paste may make with a line break", () => {
    const passage = read(() => {
      const first = $createParagraphNode().append($createTextNode("One."));
      const second = $createParagraphNode().append($createTextNode("Two.").toggleFormat("italic"));
      $getRoot().clear().append(first, second);
    });
    expect(passage).toEqual({ text: "One.\nTwo.", runs: [{ text: "One.\n" }, { text: "Two.", marks: ["em"] }] });
  });

  it("refuses javascript: and other links a run may not carry, keeping their text", () => {
    for (const href of [
      "javascript:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "//evil.example/",
      "/admin",
    ]) {
      const passage = read(() => {
        const paragraph = $createParagraphNode();
        paragraph.append($createTextNode("Click "), $createLinkNode(href).append($createTextNode("here")));
        $getRoot().clear().append(paragraph);
      });
      expect(passage, href).toEqual({ text: "Click here" });
    }
    // Written in: a run with such a link (never valid in the store) becomes plain text.
    expect(
      roundTrip({ text: "Click here", runs: [{ text: "Click " }, { text: "here", href: "javascript:alert(1)" }] }),
    ).toEqual({
      text: "Click here",
    });
  });

  it("links a selection the way the link dialog does, and unlinks it", () => {
    const lexical = editor();
    lexical.update(
      () => {
        $writePassage({ text: "Read the report." });
        $selectAll();
        $toggleLink("https://example.org/report");
      },
      { discrete: true },
    );
    expect(lexical.getEditorState().read($readPassage)).toEqual({
      text: "Read the report.",
      runs: [{ text: "Read the report.", href: "https://example.org/report" }],
    });
    lexical.update(
      () => {
        $selectAll();
        $toggleLink(null);
      },
      { discrete: true },
    );
    expect(lexical.getEditorState().read($readPassage)).toEqual({ text: "Read the report." });
  });
});
