import { join } from "node:path";
import { OutputPathError } from "../errors";
import { outputFileText } from "./output-file-text";
import { type Fingerprint, fingerprintOf, howItChanged } from "./output-fingerprint";
import type { Manifest } from "./output-manifest";

/** A file the manifest names that is no longer what tablepipe wrote, and how it differs. */
export interface ChangedFile {
  readonly name: string;
  /** In words, e.g. `now 12 bytes, modified ...; tablepipe wrote 5678 bytes, modified ...`. */
  readonly change: string;
}

/**
 * How the file `now` at `name` differs from what the manifest `ours` says tablepipe wrote there: undefined when
 * it is tablepipe's (one of its fingerprints, or a name-only entry of a version-1 manifest), or when the
 * manifest does not name it (whether such a file may be replaced is the `overwrite` rule's business).
 */
export function changeOf(ours: Manifest, name: string, now: Fingerprint): string | undefined {
  const owned = ours.get(name);
  if (owned === undefined || owned.fingerprints === "name-only") return undefined;
  return howItChanged(owned.fingerprints, now);
}

/** The files among `names` that the manifest `ours` names and that changed since tablepipe wrote them. */
export async function changedFiles(
  dir: string,
  ours: Manifest,
  names: Iterable<string>,
): Promise<ChangedFile[]> {
  const changed: ChangedFile[] = [];
  for (const name of names) {
    if (!ours.has(name)) continue;
    const now = await fingerprintOf(join(dir, name));
    const change = now === undefined ? undefined : changeOf(ours, name, now);
    if (change !== undefined) changed.push({ name, change });
  }
  return changed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How messages name the output and the overwrite switch. */
export interface OwnershipLabels {
  /** What the output path is called, usually its flag (`--output-dir`). */
  readonly label: string;
  /** How the overwrite switch is named (`--overwrite`). */
  readonly overwriteLabel: string;
  /** A folder of the user's, whose label names the file (see `OutputCheckOptions.shared`). */
  readonly shared: boolean;
}

/**
 * The refusal to replace `changed` files of the folder `dir`: names the first file, how it changed, the others,
 * and what to do.
 * @example `cannot write predictions.csv in --output-dir /home/ana/out: it changed since tablepipe wrote it (now 12 bytes, ...; tablepipe wrote 5678 bytes, ...), so it may be yours now: move it away or delete it yourself, or pass --overwrite to replace it`
 */
export function changedFileError(
  dir: string,
  changed: readonly ChangedFile[],
  labels: OwnershipLabels,
): OutputPathError {
  const [first, ...others] = changed;
  if (first === undefined) throw new Error("changedFileError: no changed file");
  const more =
    others.length === 0
      ? ""
      : `; so did ${others
          .slice(0, 5)
          .map((c) => c.name)
          .join(", ")}${others.length > 5 ? ` and ${others.length - 5} more` : ""}`;
  const them = others.length === 0 ? "it" : "them";
  return new OutputPathError(
    dir,
    `cannot write ${outputFileText(dir, first.name, labels.label, labels.shared)}: it changed since tablepipe wrote it (${first.change})${more}, so ${them === "it" ? "it may be yours" : "they may be yours"} now: move ${them} away or delete ${them} yourself, or pass ${labels.overwriteLabel} to replace ${them}`,
  );
}
