#!/usr/bin/env node
// The `tip-model` command: a committed launcher, so that installing the workspace links the bin before the
// package is built (pnpm warns "Failed to create bin" when a bin points into a dist/ that does not exist yet).
import "../dist/cli.js";
