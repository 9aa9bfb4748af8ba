export { compareModels, type ExperimentResult } from "./experiment";
export { notebookPreparedData } from "./notebook";
export { splitSteps, TRANSCRIPT_MARKER, transcriptBlocks, withTranscriptBlocks } from "./readme";
export { openPlayground, PlaygroundConfig, PROMPT, type SessionStreams } from "./session";
export {
  CONTINUATION,
  PLAYGROUND_DIR,
  parseTranscript,
  renderTranscript,
  runTranscript,
  type Transcript,
  type TranscriptStep,
} from "./transcript";
