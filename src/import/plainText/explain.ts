// --explain: for each unit of lines, what it became and why, with the lines the reader was unsure
// of flagged "?" (the runner-up role scored within UNSURE_MARGIN of the winner with the hand weights,
// within a trained reader's own unsureMargin with it).
import type { LineReading } from "./story";

const MAX_SHOWN = 60;

const shown = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text);
const lineRange = (lines: number[]): string =>
  lines.length > 1 ? `L${lines[0]}-${lines.at(-1)}` : `L${lines[0] ?? "?"}`;

export function explainReadings(readings: LineReading[]): string[] {
  return readings.map((reading) =>
    [
      `  ${lineRange(reading.lines).padEnd(8)}${reading.unsure ? "?" : " "} ${reading.became}`,
      `      ${JSON.stringify(shown(reading.text))}`,
      `      ${reading.why}`,
    ].join("\n"),
  );
}

export const unsureCount = (readings: LineReading[]): number => readings.filter((r) => r.unsure).length;
