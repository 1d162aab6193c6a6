import { z } from 'zod';

// zod probes for eval (new Function) to compile faster parsers; the CSP forbids eval, so the
// probe would only leave a policy violation behind. Imported first by main.tsx, before any
// module that parses at load time can trigger the probe.
z.config({ jitless: true });
