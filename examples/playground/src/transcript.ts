import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PROMPT } from "./session";

/** The REPL's prompt for the next line of an unfinished input. */
export const CONTINUATION = "... ";

/** One input (one or more lines) and what the REPL printed on stdout for it. */
export interface TranscriptStep {
  readonly lines: readonly string[];
  readonly output: string;
}

/** A finished session: its steps and everything written to stderr (the job's log lines). */
export interface Transcript {
  readonly steps: readonly TranscriptStep[];
  readonly stderr: string;
}

/**
 * The steps of a transcript as the README shows it: lines starting with the prompt are inputs, lines starting
 * with `... ` continue the input above, other lines are the REPL's output for the input above.
 */
export function parseTranscript(text: string): TranscriptStep[] {
  const steps: { lines: string[]; output: string[] }[] = [];
  for (const line of text.split("\n")) {
    const last = steps.at(-1);
    if (line.startsWith(PROMPT)) steps.push({ lines: [line.slice(PROMPT.length)], output: [] });
    else if (last !== undefined && line.startsWith(CONTINUATION) && last.output.length === 0)
      last.lines.push(line.slice(CONTINUATION.length));
    else if (last !== undefined) last.output.push(line);
  }
  return steps.map((step) => ({ lines: step.lines, output: step.output.join("\n").trimEnd() }));
}

/** A transcript as text, the inverse of {@link parseTranscript}. */
export function renderTranscript(steps: readonly TranscriptStep[]): string {
  return steps
    .map((step) => {
      const input = step.lines.map((line, i) => `${i === 0 ? PROMPT : CONTINUATION}${line}`);
      return [...input, ...(step.output === "" ? [] : [step.output])].join("\n");
    })
    .join("\n");
}

/** Drives a REPL child process line by line, sending each line only once the prompt is back. */
class ReplDriver {
  #stdout = "";
  #stderr = "";
  #waiting: { resolve: (text: string) => void; reject: (error: Error) => void } | undefined;
  readonly #exited: Promise<number | null>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      this.#stdout += chunk;
      this.#check();
    });
    child.stderr.on("data", (chunk: string) => {
      this.#stderr += chunk;
    });
    this.#exited = new Promise((resolve) => {
      child.on("close", (code) => {
        this.#waiting?.reject(
          new Error(`the REPL exited (code ${code}) before its prompt came back; stderr:\n${this.#stderr}`),
        );
        this.#waiting = undefined;
        resolve(code);
      });
    });
  }

  get stderr(): string {
    return this.#stderr;
  }

  #check(): void {
    if (this.#waiting === undefined) return;
    const prompt = [PROMPT, CONTINUATION].find((p) => this.#stdout.endsWith(p));
    if (prompt === undefined) return;
    const text = this.#stdout.slice(0, -prompt.length);
    this.#stdout = "";
    const { resolve } = this.#waiting;
    this.#waiting = undefined;
    resolve(text);
  }

  /** Resolves with what was printed up to the next prompt (the banner, first; then each line's output). */
  nextPrompt(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
      this.#check();
    });
  }

  async send(line: string): Promise<string> {
    const next = this.nextPrompt();
    this.child.stdin.write(`${line}\n`);
    return next;
  }

  async close(): Promise<number | null> {
    this.child.stdin.end();
    return this.#exited;
  }
}

/** The playground's folder. */
export const PLAYGROUND_DIR = fileURLToPath(new URL("..", import.meta.url));

// #region runTranscript
/**
 * Start `pnpm playground` (as `node --import tsx src/main.ts ...argv`, in a child process with pipes, no TTY),
 * send each step's lines one by one, each once the prompt is back, and record what the REPL printed.
 */
export async function runTranscript(
  inputs: readonly (readonly string[])[],
  argv: readonly string[] = [],
): Promise<Transcript> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", ...argv], {
    cwd: PLAYGROUND_DIR,
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const driver = new ReplDriver(child);
  try {
    await driver.nextPrompt();
    const steps: TranscriptStep[] = [];
    for (const lines of inputs) {
      let output = "";
      for (const line of lines) output = await driver.send(line);
      steps.push({ lines, output: output.trimEnd() });
    }
    const code = await driver.close();
    if (code !== 0) throw new Error(`the REPL exited with code ${code}; stderr:\n${driver.stderr}`);
    return { steps, stderr: driver.stderr };
  } finally {
    child.kill();
  }
}
// #endregion runTranscript
