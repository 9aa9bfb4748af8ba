import { parseTranscript, renderTranscript, type TranscriptStep } from "./transcript";

/** The line that marks the next fenced block of a Markdown file as a recorded REPL transcript. */
export const TRANSCRIPT_MARKER =
  "<!-- transcript: recorded by `pnpm docs`, checked by the playground's test -->";

const FENCE = /^```[a-z]*$/;

/** Where each transcript block's content sits in the file's lines: [first line, line after the last). */
function blockRanges(lines: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== TRANSCRIPT_MARKER) continue;
    const open = i + 1;
    if (!FENCE.test(lines[open] ?? ""))
      throw new Error(`line ${open + 1}: expected a code fence after the marker`);
    const close = lines.findIndex((line, j) => j > open && line === "```");
    if (close < 0) throw new Error(`line ${open + 1}: the transcript block is not closed`);
    ranges.push([open + 1, close]);
    i = close;
  }
  return ranges;
}

/** The transcript blocks of a Markdown file, in order: together, one REPL session. */
export function transcriptBlocks(markdown: string): TranscriptStep[][] {
  const lines = markdown.split("\n");
  return blockRanges(lines).map(([from, to]) => parseTranscript(lines.slice(from, to).join("\n")));
}

/** The Markdown file with each transcript block replaced by the recorded steps, block by block. */
export function withTranscriptBlocks(
  markdown: string,
  blocks: readonly (readonly TranscriptStep[])[],
): string {
  const lines = markdown.split("\n");
  const ranges = blockRanges(lines);
  if (ranges.length !== blocks.length)
    throw new Error(`expected ${ranges.length} blocks, got ${blocks.length}`);
  for (let b = ranges.length - 1; b >= 0; b--) {
    const [from, to] = ranges[b] as [number, number];
    lines.splice(from, to - from, ...renderTranscript(blocks[b] ?? []).split("\n"));
  }
  return lines.join("\n");
}

/** Split recorded steps into blocks of the given sizes (the README's blocks, recorded as one session). */
export function splitSteps<T>(steps: readonly T[], sizes: readonly number[]): T[][] {
  let start = 0;
  return sizes.map((size) => {
    const block = steps.slice(start, start + size);
    start += size;
    return block;
  });
}
