import { z } from 'zod';

// In a browser, zod would probe `new Function` to compile fast parsers, which the hub's
// Content Security Policy (no 'unsafe-eval') reports as a violation. This module is the first
// the package evaluates, so the setting is in place before any schema is built; the hub (no
// `document`) keeps the compiled parsers.
if (typeof document !== 'undefined') z.config({ jitless: true });
